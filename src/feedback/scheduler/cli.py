"""`flask --app wsgi scheduler run`: the one process that runs scheduled jobs."""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from feedback.scheduler.registry import JobSpec
from feedback.scheduler.runner import SCHEDULE, run_job

log = logging.getLogger(__name__)


def _jobs() -> tuple[JobSpec, ...]:
    from feedback.jobs import JOBS

    return JOBS


@click.group("scheduler")
def scheduler_cli() -> None:
    """Scheduled jobs."""


@scheduler_cli.command("run")
@with_appcontext
def run_scheduler() -> None:
    """Run every job on its schedule until stopped. Two of these (on two hosts, say) run each
    firing once between them: the second skips it."""
    from apscheduler.schedulers.background import BackgroundScheduler

    from feedback.scheduler.firing import FiringExecutor, on_shared_clock

    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    scheduler = BackgroundScheduler(
        timezone="Europe/London", executors={"default": FiringExecutor()}
    )
    started = datetime.now(ZoneInfo("Europe/London"))
    for spec in _jobs():
        if spec.trigger is None:
            continue
        scheduler.add_job(
            _run_in_app,
            trigger=on_shared_clock(spec.trigger),
            args=[app, spec],
            id=spec.id,
            name=spec.description,
            coalesce=True,
            max_instances=1,
            misfire_grace_time=300,
            # Once at start as well, so figures are fresh straight after a deploy or restart.
            next_run_time=started,
        )
    # systemd and containers stop a service with SIGTERM: finish the running jobs, then exit.
    # The handler only sets an event: shutting down inside it could deadlock on a lock the
    # interrupted main thread held (a CI run hung that way), so the main thread does it.
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    # Said only once SIGTERM is handled, so whoever waits for this line may then stop it cleanly.
    click.echo(f"Scheduler started with {len(scheduler.get_jobs())} jobs (Ctrl+C stops it)")
    scheduler.start()
    with contextlib.suppress(KeyboardInterrupt):
        while not stop.wait(timeout=1):
            pass
    scheduler.shutdown(wait=True)
    click.echo("Scheduler stopped")


def _run_in_app(app: Flask, spec: JobSpec, scheduled_for: datetime | None = None) -> None:
    with app.app_context():
        result = run_job(spec, triggered_by=SCHEDULE, scheduled_for=scheduled_for)
        log.info("%s: %s (%s rows)", spec.id, result.status.value, result.rows_written)


@scheduler_cli.command("list")
def list_jobs() -> None:
    """Every job with its schedule."""
    for spec in _jobs():
        click.echo(f"{spec.id:24} {spec.schedule:32} {spec.description}")


@scheduler_cli.command("run-job")
@click.argument("job_id")
@with_appcontext
def run_one(job_id: str) -> None:
    """Run one job now, as the scheduler would."""
    spec = next((s for s in _jobs() if s.id == job_id), None)
    if spec is None:
        raise click.BadParameter(f"No job called {job_id!r}", param_hint="JOB_ID")
    result = run_job(spec, triggered_by="cli")
    click.echo(f"{spec.id}: {result.status.value}, {result.rows_written or 0} rows")
    if result.error:
        click.echo(result.error, err=True)
        raise SystemExit(1)
