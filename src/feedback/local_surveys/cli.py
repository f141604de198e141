"""`flask local-surveys scan`: publish what is new in instance/questionnaires now."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from feedback.extensions import db

local_surveys_cli = AppGroup("local-surveys", help="Local questionnaires.")


@local_surveys_cli.command("scan")
def scan_command() -> None:
    """Publish new or changed definitions from instance/questionnaires; list refused ones."""
    from feedback.local_surveys.publishing import list_refusals, scan_questionnaire_folder

    written = scan_questionnaire_folder()
    db.session.commit()
    click.echo(f"Published {written} new or changed questionnaire versions.")
    for refusal in list_refusals():
        click.echo(f"Refused {refusal.folder}: {refusal.message}", err=True)
