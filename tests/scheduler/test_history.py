"""Pruning the run history keeps what the jobs page reads and deletes the rest."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.jobs import JOBS_BY_ID
from feedback.scheduler.history import prune_job_runs
from feedback.scheduler.models import JobRun, RunStatus
from feedback.scheduler.runner import job_states, run_job


def _run(job_id: str, status: RunStatus, days_ago: float) -> int:
    started = utc_now() - timedelta(days=days_ago)
    run = JobRun(
        job_id=job_id,
        started_at=started,
        finished_at=started + timedelta(seconds=1),
        status=status,
        triggered_by="schedule",
        process="host:1",
    )
    db.session.add(run)
    db.session.flush()
    return run.id


def test_old_runs_go_but_each_jobs_latest_run_and_success_stay(app) -> None:
    ok, skipped, failed = RunStatus.SUCCEEDED, RunStatus.SKIPPED, RunStatus.FAILED
    runs = {
        "old success": _run("fft-summaries", ok, 500),
        "old skip": _run("fft-summaries", skipped, 8),
        "recent skip": _run("fft-summaries", skipped, 6),
        "recent success": _run("fft-summaries", ok, 300),
        # A job that last ran long ago: its only success and its later failure both stay.
        "lonely success": _run("targets", ok, 700),
        "lonely older failure": _run("targets", failed, 650),
        "lonely failure": _run("targets", failed, 600),
    }
    db.session.commit()

    assert prune_job_runs() == 3
    db.session.commit()

    left = set(db.session.scalars(select(JobRun.id)))
    assert left == {
        runs[name] for name in ("recent skip", "recent success", "lonely success", "lonely failure")
    }
    state = {s.spec.id: s for s in job_states([JOBS_BY_ID["targets"]])}["targets"]
    assert state.failing and state.last_success.id == runs["lonely success"]


def test_the_pruning_runs_as_a_scheduled_job(app) -> None:
    _run("sms-delivery", RunStatus.SKIPPED, 30)
    db.session.commit()
    result = run_job(JOBS_BY_ID["job-history"], triggered_by="schedule")
    assert (result.status, result.rows_written) == (RunStatus.SUCCEEDED, 1)
