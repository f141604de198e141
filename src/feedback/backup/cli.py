"""`flask backup create FILE` and `flask backup restore FILE` (into an empty database)."""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import AppGroup

from feedback.backup.services import BackupError, create_backup, restore_backup, table_names
from feedback.extensions import db

backup_cli = AppGroup("backup", help="Back up the whole database, or restore a backup.")


@backup_cli.command("create")
@click.argument("destination", type=click.Path(dir_okay=False, path_type=Path))
def create_command(destination: Path) -> None:
    """Write a backup of the configured database to DESTINATION."""
    if destination.exists():
        raise click.ClickException(f"{destination} exists: choose a new file name")
    try:
        create_backup(db.engine, destination)
    except BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    click.echo(f"Backed up {len(table_names(db.engine))} tables to {destination}")


@backup_cli.command("restore")
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
def restore_command(source: Path) -> None:
    """Load the backup SOURCE into the configured database, which must be empty."""
    try:
        restore_backup(db.engine, source)
    except BackupError as problem:
        raise click.ClickException(str(problem)) from problem
    db.engine.dispose()
    click.echo(f"Restored {len(table_names(db.engine))} tables from {source}")
