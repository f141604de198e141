"""`flask metrics recompute` and `flask scheduler`: the same code as the jobs, by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.metrics.models import FftDay, FftSummary
from feedback.scheduler.models import JobRun, RunStatus
from tests.factories import make_location, make_response


def _count(model) -> int:  # type: ignore[no-untyped-def]
    return db.session.scalar(select(func.count()).select_from(model))


def test_recompute_one_day_since_a_day_and_everything(app, runner) -> None:
    ward = make_location()
    for day in (date(2026, 1, 5), date(2026, 2, 9), date(2026, 3, 2)):
        make_response(ward, 1, submitted_at=datetime(day.year, day.month, day.day, 12, tzinfo=UTC))

    result = runner.invoke(args=["metrics", "recompute", "--day", "2026-02-09"])
    assert result.exit_code == 0, result.output
    assert "FFT summaries: succeeded" in result.output
    assert db.session.scalar(select(FftDay.day)) == date(2026, 2, 9)

    runner.invoke(args=["metrics", "recompute", "--since", "2026-01-01"])
    assert _count(FftDay) == 3
    runner.invoke(args=["metrics", "recompute", "--all"])
    month = db.session.get(FftSummary, ("location", ward.id, "month", date(2026, 3, 1)))
    assert month.total == 1
    # Each rebuild is a recorded run of the summary job, so it shares the job's lock.
    runs = db.session.scalars(select(JobRun).where(JobRun.job_id == "fft-summaries")).all()
    assert [r.status for r in runs] == [RunStatus.SUCCEEDED] * 3
    assert {r.triggered_by for r in runs} == {"cli"}


def test_recompute_refuses_unclear_requests(app, runner) -> None:
    for args in (
        [],
        ["--day", "2026-02-30"],
        ["--day", "2026-01-01", "--all"],
        ["--since", "3000-01-01"],
    ):
        result = runner.invoke(args=["metrics", "recompute", *args])
        assert result.exit_code != 0, args
        assert "Traceback" not in result.output


def test_scheduler_lists_and_runs_a_job(app, runner) -> None:
    listed = runner.invoke(args=["scheduler", "list"])
    assert "fft-summaries" in listed.output and "journey-sweep" in listed.output
    ran = runner.invoke(args=["scheduler", "run-job", "journey-sweep"])
    assert ran.exit_code == 0 and "succeeded" in ran.output
    unknown = runner.invoke(args=["scheduler", "run-job", "nope"])
    assert unknown.exit_code != 0 and "No job called" in unknown.output
