"""`flask --app wsgi metrics recompute`: rebuild the summary tables with the jobs' own code."""

from __future__ import annotations

from datetime import date

import click
from flask.cli import with_appcontext

from feedback.db import trust_today


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(
            "Use YYYY-MM-DD, for example 2026-04-01", param_hint=option
        ) from error


@click.group("metrics")
def metrics_cli() -> None:
    """FFT summary tables."""


@metrics_cli.command("recompute")
@click.option("--since", "since", help="Rebuild every day from this one (YYYY-MM-DD) to today.")
@click.option("--day", "day", help="Rebuild one day (YYYY-MM-DD) and the periods holding it.")
@click.option("--all", "everything", is_flag=True, help="Rebuild the whole history.")
@with_appcontext
def recompute(since: str | None, day: str | None, everything: bool) -> None:
    """Recompute FFT summaries (replacing what was there) and complaint summaries."""
    from feedback.jobs import JOBS_BY_ID
    from feedback.metrics.compute import recompute_everything, recompute_range
    from feedback.scheduler.runner import run_job, run_under_lock

    first, one = _day(since, "--since"), _day(day, "--day")
    if sum(x is not None and x is not False for x in (first, one, everything or None)) != 1:
        raise click.UsageError("Give exactly one of --since, --day or --all")
    today = trust_today()
    if one is not None:
        work = lambda: recompute_range(one, one)  # noqa: E731
    elif first is not None:
        if first > today:
            raise click.BadParameter("The day cannot be in the future", param_hint="--since")
        work = lambda: recompute_range(first, today)  # noqa: E731
    else:
        work = lambda: recompute_everything(today)  # noqa: E731
    result = run_under_lock(JOBS_BY_ID["fft-summaries"], work, triggered_by="cli")
    click.echo(f"FFT summaries: {result.status.value}, {result.rows_written or 0} rows")
    if result.error:
        click.echo(result.error, err=True)
        raise SystemExit(1)
    complaints = run_job(JOBS_BY_ID["complaint-summaries"], triggered_by="cli")
    click.echo(f"Complaint summaries: {complaints.status.value}, {complaints.rows_written} rows")


@click.group("reports")
def reports_cli() -> None:
    """Returns and reports made outside the app."""


@reports_cli.command("fft-return")
@click.option("--month", required=True, help="The month to report, YYYY-MM.")
@click.option(
    "--output",
    required=True,
    type=click.Path(file_okay=False, path_type=str),
    help="The folder for the CSV files (one per care setting).",
)
@with_appcontext
def fft_return(month: str, output: str) -> None:
    """Write NHS England's monthly FFT return, one CSV per care setting."""
    from pathlib import Path

    from feedback.metrics.fft_return import write_return
    from feedback.web import parse_month

    first = parse_month(month)
    if first is None:
        raise click.BadParameter("Use YYYY-MM, for example 2026-11", param_hint="--month")
    for path in write_return(first, Path(output)):
        click.echo(f"Wrote {path}")
