"""Backups of the whole database, and restoring one into an empty database.

SQLite: Python's online backup API (`sqlite3.Connection.backup`), a consistent copy taken
while the app keeps writing (WAL), into a single file. PostgreSQL: `pg_dump --format=custom`
and `pg_restore`, the tools PostgreSQL ships for this, which keep every constraint, index
and sequence. A restore refuses a database that already has tables, so a mistyped address
can never overwrite live data.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine


class BackupError(RuntimeError):
    """A backup or restore that could not be done; the message says why."""


def _libpq(url: URL) -> tuple[str, dict[str, str]]:
    # The password goes in the environment, not on a command line anyone can list.
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _run(command: list[str], env: dict[str, str]) -> None:
    try:
        # The command is ours (pg_dump or pg_restore) and the address comes from settings.
        subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as missing:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL's client tools)") from missing
    except subprocess.CalledProcessError as failed:
        raise BackupError(f"{command[0]} failed: {failed.stderr.strip()[:500]}") from failed


def create_backup(engine: Engine, destination: Path) -> None:
    """Write a backup of the database the engine points at to `destination`."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        with engine.connect() as connection:
            source = connection.connection.dbapi_connection
            target = sqlite3.connect(destination)
            try:
                source.backup(target)  # type: ignore[union-attr]
            finally:
                target.close()
        return
    if url.get_backend_name() == "postgresql":
        address, env = _libpq(url)
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={destination}", address], env)
        return
    raise BackupError(f"No backup method for {url.get_backend_name()}")


def table_names(engine: Engine) -> list[str]:
    return sa.inspect(engine).get_table_names()


def restore_backup(engine: Engine, source: Path) -> None:
    """Load a backup into the (empty) database the engine points at."""
    if not source.is_file():
        raise BackupError(f"No backup file at {source}")
    if table_names(engine):
        raise BackupError("The database already has tables: restore only into an empty one")
    url = engine.url
    if url.get_backend_name() == "sqlite":
        backup = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            with engine.connect() as connection:
                backup.backup(connection.connection.dbapi_connection)  # type: ignore[arg-type]
        except sqlite3.DatabaseError as bad:
            raise BackupError(f"{source} is not an SQLite backup: {bad}") from bad
        finally:
            backup.close()
        return
    if url.get_backend_name() == "postgresql":
        address, env = _libpq(url)
        _run(
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={address}", str(source)],
            env,
        )
        return
    raise BackupError(f"No restore method for {url.get_backend_name()}")
