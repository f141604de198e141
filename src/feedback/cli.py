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
    from feedback.backup.cli import backup_cli

    app.cli.add_command(backup_cli)
    from feedback.retention.cli import retention_cli

    app.cli.add_command(retention_cli)


@click.command("create-user")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), required=True)
@click.option(
    "--service", "service_codes", multiple=True, help="A service code (service managers)."
)
@click.password_option(help="At least 12 characters, not a common or easily guessed one.")
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


# Each feature's demo: (module:function, what it loaded). Each is called with the trust's
# today, returns how many things it added (0 when already there) and is committed on its own.
DEMO_STEPS = (
    ("feedback.metrics.demo:seed_fft_history", "FFT history loaded: {} responses over two years"),
    ("feedback.complaints.demo:seed_complaints_demo", "complaints loaded: {} cases over two years"),
    ("feedback.actions.demo:seed_actions_demo", "actions loaded: {} 'You said, we did' actions"),
    (
        "feedback.sms.demo:seed_sms_demo",
        "texts loaded: {} invites and the conversations they became",
    ),
    (
        "feedback.local_surveys.demo:seed_local_surveys_demo",
        "local surveys loaded: {} responses to four local questionnaires",
    ),
    (
        "feedback.prom.demo:seed_prom_demo",
        "care plan questionnaires loaded: {} offers over 18 months",
    ),
    (
        "feedback.staff_survey.demo:seed_staff_survey_demo",
        "staff pulse surveys loaded: {} responses over two years",
    ),
)


@click.command("seed-demo")
def seed_demo_command() -> None:
    """Load the demo trust, its wards and teams, demo users and some responses (once)."""
    from importlib import import_module

    from feedback.db import trust_today
    from feedback.demo import DEMO_PASSWORD, seed_demo

    created = seed_demo()
    db.session.commit()
    click.echo("Demo data loaded." if created else "Demo data was already loaded.")
    for target, message in DEMO_STEPS:
        module, name = target.split(":")
        seed = getattr(import_module(module), name)
        # The PROM demo also makes the peer interviewers' accounts.
        extra = (DEMO_PASSWORD,) if name == "seed_prom_demo" else ()
        added = seed(trust_today(), *extra)
        db.session.commit()
        if added:
            click.echo(f"Demo {message.format(added)}.")
    from feedback.themes.demo import seed_themes_demo

    themes = seed_themes_demo()
    if themes:
        click.echo(f"Demo themes: {themes}.")
    from feedback.demo_trail import seed_audit_demo

    trail = seed_audit_demo(trust_today())
    db.session.commit()
    if trail:
        click.echo(f"Demo audit trail loaded: {trail} events over a month.")
        from feedback.retention.services import dry_run

        # As the nightly job would have left it: the retention page opens on a dry run.
        dry_run("schedule")
        db.session.commit()
    _refresh_summaries()
    from feedback.dashboard.demo import seed_council_quotes

    quotes = seed_council_quotes(trust_today())
    db.session.commit()
    if quotes:
        click.echo(f"Demo People's Council quotes approved: {quotes}.")
    click.echo(
        f"Demo sign-in: px@example.nhs.uk (or admin@, manager@, council@) password {DEMO_PASSWORD}"
    )
    click.echo(f"Demo peer interviewer: peer@example.org password {DEMO_PASSWORD}")


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
    prom = run_job(JOBS_BY_ID["prom-summaries"], "seed-demo")
    targets = run_job(JOBS_BY_ID["targets"], "seed-demo")
    themes = run_job(JOBS_BY_ID["themes-summaries"], "seed-demo")
    warnings = run_job(JOBS_BY_ID["early-warnings"], "seed-demo")
    for name, result in (
        ("FFT", fft),
        ("Complaint", complaints),
        ("Care plan PROM", prom),
        ("Target", targets),
        ("Theme", themes),
        ("Early-warning", warnings),
    ):
        click.echo(f"{name} summaries: {result.status.value} ({result.rows_written or 0} rows)")
        if result.error:
            click.echo(result.error, err=True)
