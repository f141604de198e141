"""Running jobs: the lock, the record of every run, and what a failure leaves behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import timedelta, timezone

from sqlalchemy import func, select

from feedback.config import PROJECT_ROOT
from feedback.db import utc_now
from feedback.extensions import db
from feedback.jobs import JOBS
from feedback.metrics.compute import recompute_range
from feedback.metrics.models import FftSummary
from feedback.scheduler.models import JobLock, JobRun, RunStatus
from feedback.scheduler.registry import JobSpec
from feedback.scheduler.runner import job_states, run_job, run_under_lock
from tests.conftest import POSTGRES_URL
from tests.factories import make_location, make_response

SPEC = JobSpec("test-job", "tests.scheduler.slow_job:slow_job", None, "A test job")


def test_every_declared_job_resolves_to_a_function() -> None:
    assert len({job.id for job in JOBS}) == len(JOBS)
    for job in JOBS:
        assert callable(job.function()), job.id
        assert job.schedule


def test_a_run_is_recorded_with_its_rows(app) -> None:
    result = run_under_lock(SPEC, lambda: 7, triggered_by="cli")
    run = db.session.get(JobRun, result.run_id)
    assert (run.status, run.rows_written, run.triggered_by) == (RunStatus.SUCCEEDED, 7, "cli")
    assert run.finished_at is not None
    lock = db.session.get(JobLock, SPEC.id)
    assert lock.holder is None and lock.locked_until is None


def test_a_failed_run_keeps_nothing_it_did_and_shows_until_a_success(app) -> None:
    ward = make_location()
    make_response(ward, 1)
    today = utc_now().date()

    def half_then_fail() -> int:
        recompute_range(today - timedelta(days=1), today)
        raise RuntimeError("the database went away")

    result = run_under_lock(SPEC, half_then_fail, triggered_by="schedule")
    assert result.status == RunStatus.FAILED
    assert "the database went away" in result.error
    # The half-written summaries went with the failed run's transaction.
    assert db.session.scalar(select(func.count()).select_from(FftSummary)) == 0
    [state] = job_states([SPEC])
    assert state.failing
    run_under_lock(SPEC, lambda: 1, triggered_by="schedule")
    [state] = job_states([SPEC])
    assert not state.failing and state.last_success is not None


def test_a_held_lock_means_the_run_is_skipped(app) -> None:
    db.session.add(
        JobLock(
            job_id=SPEC.id, holder="other-host:1", locked_until=utc_now() + timedelta(minutes=5)
        )
    )
    db.session.commit()
    ran = []
    result = run_under_lock(SPEC, lambda: ran.append(1) or 1, triggered_by="schedule")
    assert result.status == RunStatus.SKIPPED and not ran
    assert "other-host:1" in result.error


def test_a_run_whose_process_died_is_marked_interrupted(app) -> None:
    # A process took the lock, started a run and was killed: its lease has lapsed.
    dead = JobRun(job_id=SPEC.id, status=RunStatus.RUNNING, triggered_by="schedule", process="x:1")
    db.session.add(dead)
    db.session.flush()
    db.session.add(
        JobLock(
            job_id=SPEC.id,
            holder="x:1",
            locked_until=utc_now() - timedelta(seconds=1),
            run_id=dead.id,
        )
    )
    db.session.commit()
    result = run_under_lock(SPEC, lambda: 2, triggered_by="schedule")
    assert result.status == RunStatus.SUCCEEDED
    db.session.refresh(dead)
    assert dead.status == RunStatus.INTERRUPTED


def test_a_firing_another_scheduler_has_run_is_skipped(app) -> None:
    # Given as the scheduler gives it (local time, an hour ahead of UTC in summer): on SQLite
    # the comparison is of text, so it must be made in UTC.
    due = utc_now().astimezone(timezone(timedelta(hours=1)))
    ran = []
    first = run_under_lock(SPEC, lambda: ran.append(1) or 1, "schedule", scheduled_for=due)
    # The second scheduler fires a moment later, when the first run is over and its lock free.
    second = run_under_lock(SPEC, lambda: ran.append(2) or 1, "schedule", scheduled_for=due)
    assert (first.status, second.status, ran) == (RunStatus.SUCCEEDED, RunStatus.SKIPPED, [1])
    assert "took the run due at" in second.error and f"(run {first.run_id})" in second.error
    following = run_under_lock(SPEC, lambda: 1, "schedule", scheduled_for=utc_now())
    assert following.status == RunStatus.SUCCEEDED


def test_only_a_scheduled_run_that_did_something_takes_the_firing(app) -> None:
    due = utc_now()
    assert run_under_lock(SPEC, lambda: 1, "admin@example.nhs.uk").status == RunStatus.SUCCEEDED
    db.session.add(
        JobRun(job_id=SPEC.id, status=RunStatus.SKIPPED, triggered_by="schedule", process="x:1")
    )
    db.session.commit()
    result = run_under_lock(SPEC, lambda: 1, "schedule", scheduled_for=due)
    assert result.status == RunStatus.SUCCEEDED

    def fail() -> int:
        raise RuntimeError("no")

    later = utc_now()
    assert run_under_lock(SPEC, fail, "schedule", scheduled_for=later).status == RunStatus.FAILED
    # A failed run was the firing's run: the other scheduler does not run it again.
    retried = run_under_lock(SPEC, lambda: 1, "schedule", scheduled_for=later)
    assert retried.status == RunStatus.SKIPPED


def test_the_journey_sweep_runs_as_a_job(app) -> None:
    from feedback.jobs import JOBS_BY_ID
    from feedback.surveys.models import Journey, ResponseMode

    old = utc_now() - timedelta(hours=5)
    db.session.add_all(
        [
            Journey(
                id="old", questionnaire="fft", mode=ResponseMode.ONLINE, answers={}, updated_at=old
            ),
            Journey(id="new", questionnaire="fft", mode=ResponseMode.ONLINE, answers={}),
        ]
    )
    db.session.commit()
    result = run_job(JOBS_BY_ID["journey-sweep"], triggered_by="cli")
    assert (result.status, result.rows_written) == (RunStatus.SUCCEEDED, 1)
    assert db.session.get(Journey, "new") is not None and db.session.get(Journey, "old") is None


def test_two_scheduler_processes_never_run_a_job_twice(app, tmp_path) -> None:
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    # On PostgreSQL (CI's second lane) the children use this test's own schema.
    connect = app.config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {})
    env = {
        **os.environ,
        "LOCK_TEST_DATABASE_URL": url,
        "LOCK_TEST_INSTANCE": str(tmp_path),
        **({"PGOPTIONS": connect["options"]} if POSTGRES_URL else {}),
        "SLOW_JOB_SECONDS": "3",
        "LOCK_TEST_PROCESSES": "2",
        "PYTHONPATH": str(PROJECT_ROOT),
    }
    command = [sys.executable, "-m", "tests.scheduler.slow_job"]
    processes = [
        subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = sorted(p.communicate(timeout=60)[0].strip() for p in processes)
    assert outputs == ["skipped", "succeeded"], outputs
    statuses = sorted(
        db.session.scalars(select(JobRun.status).where(JobRun.job_id == "slow-test-job"))
    )
    assert statuses == [RunStatus.SKIPPED, RunStatus.SUCCEEDED]
    [processes_seen] = [{run.process for run in db.session.scalars(select(JobRun))}]
    assert len(processes_seen) == 2


def test_the_scheduler_process_runs_every_job_and_stops_on_sigterm(app, tmp_path) -> None:
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    connect = app.config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {})
    env = {
        **os.environ,
        "FEEDBACK_DATABASE_URL": url,
        "FEEDBACK_SECRET_KEY": "test",
        "FEEDBACK_INSTANCE_PATH": str(tmp_path),
        **({"PGOPTIONS": connect["options"]} if POSTGRES_URL else {}),
    }
    command = [sys.executable, "-m", "flask", "--app", "wsgi", "scheduler", "run"]
    # Two schedulers started by mistake: between them each job still runs, never at once.
    processes = [
        subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    try:
        deadline = time.monotonic() + 120  # two processes booting on a busy machine
        wanted = {job.id for job in JOBS}
        while time.monotonic() < deadline:
            db.session.rollback()
            seen = set(
                db.session.scalars(select(JobRun.job_id).where(JobRun.status != RunStatus.RUNNING))
            )
            if wanted <= seen:
                break
            time.sleep(0.5)
        assert wanted <= seen, wanted - seen
        # One process can run every job before the other has booted: SIGTERM sent to one still
        # importing would kill it outright, so wait until each says it handles SIGTERM.
        started = [p.stdout.readline() for p in processes]
        assert all("Scheduler started" in line for line in started), started
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        outputs = [p.communicate(timeout=30)[0] for p in processes]
    assert all("Scheduler stopped" in output for output in outputs), outputs
    assert all(p.returncode == 0 for p in processes)
    runs = db.session.scalars(select(JobRun)).all()
    assert {run.status for run in runs} <= {RunStatus.SUCCEEDED, RunStatus.SKIPPED}
    # A run is skipped only when another process held the lock: jobs that share a lock
    # (the two FFT summary jobs) had at least one success between them.
    succeeded = {run.job_id for run in runs if run.status == RunStatus.SUCCEEDED}
    for lock in {job.lock_id for job in JOBS}:
        assert succeeded & {job.id for job in JOBS if job.lock_id == lock}, lock
