"""Command-line tasks: `flask create-user`, `flask seed-demo`."""

from __future__ import annotations

import click
from flask import Flask

from feedback.auth.models import Role
from feedback.extensions import db


def register_commands(app: Flask) -> None:
    app.cli.add_command(create_user_command)
    app.cli.add_command(seed_demo_command)
    from feedback.complaints.cli import complaints_cli

    app.cli.add_command(complaints_cli)
    from feedback.metrics.cli import metrics_cli, reports_cli
    from feedback.scheduler.cli import scheduler_cli
    from feedback.sms.cli import sms_cli
    from feedback.themes.cli import themes_cli

    app.cli.add_command(metrics_cli)
    app.cli.add_command(reports_cli)
    app.cli.add_command(scheduler_cli)
    app.cli.add_command(themes_cli)
    app.cli.add_command(sms_cli)


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option(
    "--service", "service_codes", multiple=True, help="A service code (service managers)."
)
@click.password_option(help="At least 12 characters.")
def create_user_command(
    email: str, name: str, role: str, service_codes: tuple[str, ...], password: str
) -> None:
    """Add a user who can sign in straight away."""
    from feedback.auth.services import AccountError, create_user
    from feedback.organisation.services import list_services

    chosen = [s for s in list_services() if s.code in {c.upper() for c in service_codes}]
    if len(chosen) != len(service_codes):
        raise click.BadParameter("One or more service codes are not known", param_hint="--service")
    try:
        create_user(email=email, name=name, role=Role(role), password=password, services=chosen)
    except AccountError as error:
        raise click.ClickException(str(error)) from error
    db.session.commit()
    click.echo(f"Created {role} user {email}")


@click.command("seed-demo")
def seed_demo_command() -> None:
    """Load the demo trust, its wards and teams, demo users and some responses (once)."""
    from feedback.complaints.demo import seed_complaints_demo
    from feedback.db import trust_today
    from feedback.demo import DEMO_PASSWORD, seed_demo
    from feedback.metrics.demo import seed_fft_history

    created = seed_demo()
    db.session.commit()
    if created:
        click.echo("Demo data loaded.")
    else:
        click.echo("Demo data was already loaded.")
    responses = seed_fft_history(trust_today())
    db.session.commit()
    if responses:
        click.echo(f"Demo FFT history loaded: {responses} responses over two years.")
    cases = seed_complaints_demo(trust_today())
    db.session.commit()
    if cases:
        click.echo(f"Demo complaints loaded: {cases} cases over two years.")
    from feedback.actions.demo import seed_actions_demo

    actions = seed_actions_demo(trust_today())
    db.session.commit()
    if actions:
        click.echo(f"Demo actions loaded: {actions} 'You said, we did' actions.")
    from feedback.sms.demo import seed_sms_demo

    texts = seed_sms_demo(trust_today())
    db.session.commit()
    if texts:
        click.echo(f"Demo texts loaded: {texts} invites and the conversations they became.")
    from feedback.themes.demo import seed_themes_demo

    themes = seed_themes_demo()
    if themes:
        click.echo(f"Demo themes: {themes}.")
    _refresh_summaries()
    from feedback.dashboard.demo import seed_council_quotes

    quotes = seed_council_quotes(trust_today())
    db.session.commit()
    if quotes:
        click.echo(f"Demo People's Council quotes approved: {quotes}.")
    click.echo(
        f"Demo sign-in: px@example.nhs.uk (or admin@, manager@, council@) password {DEMO_PASSWORD}"
    )


def _refresh_summaries() -> None:
    """Run the summary and target jobs once, as the scheduler would, so the figures are there
    (and their runs show on the jobs page) before anyone starts the scheduler."""
    from feedback.db import trust_today
    from feedback.jobs import JOBS_BY_ID
    from feedback.metrics.compute import recompute_everything
    from feedback.scheduler.runner import run_job, run_under_lock

    fft = run_under_lock(
        JOBS_BY_ID["fft-summaries"], lambda: recompute_everything(trust_today()), "seed-demo"
    )
    complaints = run_job(JOBS_BY_ID["complaint-summaries"], "seed-demo")
    targets = run_job(JOBS_BY_ID["targets"], "seed-demo")
    themes = run_job(JOBS_BY_ID["themes-summaries"], "seed-demo")
    warnings = run_job(JOBS_BY_ID["early-warnings"], "seed-demo")
    for name, result in (
        ("FFT", fft),
        ("Complaint", complaints),
        ("Target", targets),
        ("Theme", themes),
        ("Early-warning", warnings),
    ):
        click.echo(f"{name} summaries: {result.status.value} ({result.rows_written or 0} rows)")
        if result.error:
            click.echo(result.error, err=True)
