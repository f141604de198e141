"""`flask --app wsgi retention report` (a dry run) and `retention apply`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from feedback.extensions import db
from feedback.retention import services
from feedback.retention.models import RetentionRun

retention_cli = AppGroup("retention", help="Remove personal data past the retention periods.")


def _print(run: RetentionRun) -> None:
    for line in run.report:
        changed = f", {line['changed']} changed" if "changed" in line else ""
        examples = ", ".join(line["examples"][:5])
        click.echo(
            f"{line['rule']}: {line['due']} due (before {line['cutoff']}, oldest "
            f"{line['oldest'] or '-'}){changed}" + (f"; for example {examples}" if examples else "")
        )


@retention_cli.command("report")
def report_command() -> None:
    """What each rule would change today (a dry run: nothing is changed, the run is recorded)."""
    run = services.dry_run("command line")
    db.session.commit()
    _print(run)
    click.echo("Dry run: nothing was changed.")


@retention_cli.command("apply")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def apply_command(yes: bool) -> None:
    """Apply every rule now, after showing the dry run."""
    preview = services.dry_run("command line")
    db.session.commit()
    _print(preview)
    if not yes and not click.confirm("Remove this personal data now?"):
        raise click.Abort()
    run = services.apply_rules("command line")
    db.session.commit()
    _print(run)
