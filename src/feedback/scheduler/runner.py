"""Running one job: take its lock, record the run, commit its work with the record.

The lock is a row per job with a lease, claimed by one conditional UPDATE, so it holds on
PostgreSQL and on SQLite alike and across hosts: a second scheduler (or an admin's run) finds
the lock taken and records a skipped run instead of running the job at the same time. A run
the scheduler starts also names its firing, and the same UPDATE claims the lock only for a
firing no scheduled run has taken, so a second scheduler that fires after the first one's run
is over skips it too: each firing runs once (`feedback.scheduler.firing`).
"""

from __future__ import annotations

import os
import socket
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError

from feedback.db import TRUST_TIMEZONE, utc_now
from feedback.extensions import db
from feedback.scheduler.models import JobLock, JobRun, RunStatus
from feedback.scheduler.registry import JobSpec

ERROR_LIMIT = 4000
SCHEDULE = "schedule"  # `triggered_by` of the runs the scheduler process starts


def this_process() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class RunResult:
    run_id: int
    status: RunStatus
    rows_written: int | None
    error: str | None


def _ran_the_firing(spec: JobSpec, scheduled_for: datetime) -> ColumnElement[bool]:
    """A scheduled run of the job has started since the firing was due: that run is the
    firing's, whether it is still running, succeeded, failed or was interrupted."""
    return and_(
        JobRun.job_id == spec.id,
        JobRun.triggered_by == SCHEDULE,
        JobRun.status != RunStatus.SKIPPED,
        # In UTC, as stored: SQLite compares the text and would drop a British Summer Time offset.
        JobRun.started_at >= scheduled_for.astimezone(UTC),
    )


def _claim(spec: JobSpec, process: str, scheduled_for: datetime | None) -> tuple[bool, JobLock]:
    """Try to take the job's lock (for a firing nobody has run yet); commits either way."""
    if db.session.get(JobLock, spec.lock_id) is None:
        try:
            with db.session.begin_nested():
                db.session.add(JobLock(job_id=spec.lock_id))
        except IntegrityError:
            pass  # another process made the row first: the UPDATE below decides
    now = utc_now()
    free = [
        JobLock.job_id == spec.lock_id,
        or_(JobLock.locked_until.is_(None), JobLock.locked_until < now),
    ]
    if scheduled_for is not None:
        # In the same statement as the lock: the run is recorded before the lock is released,
        # so between them the two conditions leave no moment for a second run of the firing.
        free.append(~exists().where(_ran_the_firing(spec, scheduled_for)))
    claimed = db.session.execute(
        update(JobLock)
        .where(*free)
        .values(holder=process, locked_until=now + spec.lease)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    lock = db.session.get(JobLock, spec.lock_id)
    db.session.refresh(lock)
    return claimed.rowcount == 1, lock


def _release(spec: JobSpec, process: str) -> None:
    db.session.execute(
        update(JobLock)
        .where(JobLock.job_id == spec.lock_id, JobLock.holder == process)
        .values(holder=None, locked_until=None, run_id=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def _mark_interrupted(spec: JobSpec, previous_run_id: int | None) -> None:
    """Runs still marked running when their lock has lapsed died with their process; their
    work went with their transaction."""
    db.session.execute(
        update(JobRun)
        .where(
            or_(JobRun.job_id == spec.id, JobRun.id == previous_run_id),
            JobRun.status == RunStatus.RUNNING,
        )
        .values(
            status=RunStatus.INTERRUPTED,
            finished_at=utc_now(),
            error="The process running this job stopped before it finished; nothing it did "
            "was kept.",
        )
        .execution_options(synchronize_session=False)
    )


def _why_skipped(spec: JobSpec, lock: JobLock, scheduled_for: datetime | None) -> str:
    if scheduled_for is not None:
        ran = db.session.scalar(
            select(JobRun).where(_ran_the_firing(spec, scheduled_for)).order_by(JobRun.id)
        )
        if ran is not None:
            due = scheduled_for.astimezone(TRUST_TIMEZONE)
            return (
                f"Another process ({ran.process}) took the run due at {due:%H:%M:%S} "
                f"(run {ran.id})."
            )
    return f"Another process ({lock.holder}) was running this job."


def run_job(spec: JobSpec, triggered_by: str, scheduled_for: datetime | None = None) -> RunResult:
    """Run the job now unless another process is running it, or has already run the firing
    `scheduled_for` names (the scheduler's runs). Never raises for the job's own errors: they
    are recorded on the run."""
    return run_under_lock(spec, spec.function(), triggered_by, scheduled_for)


def run_under_lock(
    spec: JobSpec,
    work: Callable[[], int],
    triggered_by: str,
    scheduled_for: datetime | None = None,
) -> RunResult:
    """Run `work` as a run of `spec`'s job: a command that rebuilds history takes the same
    lock as the scheduled job, so the two never write the same rows at once."""
    process = this_process()
    db.session.rollback()  # start clean: nothing half-done may ride along with the job
    claimed, lock = _claim(spec, process, scheduled_for)
    if not claimed:
        run = JobRun(
            job_id=spec.id,
            status=RunStatus.SKIPPED,
            finished_at=utc_now(),
            triggered_by=triggered_by,
            process=process,
            error=_why_skipped(spec, lock, scheduled_for),
        )
        db.session.add(run)
        db.session.commit()
        return RunResult(run.id, run.status, None, run.error)
    try:
        _mark_interrupted(spec, lock.run_id)
        run = JobRun(
            job_id=spec.id, status=RunStatus.RUNNING, triggered_by=triggered_by, process=process
        )
        db.session.add(run)
        db.session.flush()
        lock.run_id = run.id
        db.session.commit()
        run_id = run.id
        try:
            rows = work()
            run.status = RunStatus.SUCCEEDED
            run.rows_written = int(rows or 0)
            run.finished_at = utc_now()
            db.session.commit()  # the job's work and its record land together
        except Exception:
            db.session.rollback()
            run = db.session.get(JobRun, run_id)
            run.status = RunStatus.FAILED
            run.finished_at = utc_now()
            run.error = traceback.format_exc()[-ERROR_LIMIT:]
            db.session.commit()
        return RunResult(run.id, run.status, run.rows_written, run.error)
    finally:
        _release(spec, process)


@dataclass(frozen=True)
class JobState:
    spec: JobSpec
    last_run: JobRun | None  # the latest run that did something (not skipped)
    last_success: JobRun | None
    running: bool

    @property
    def failing(self) -> bool:
        return self.last_run is not None and self.last_run.status in (
            RunStatus.FAILED,
            RunStatus.INTERRUPTED,
        )


def job_states(specs: Sequence[JobSpec]) -> list[JobState]:
    """Each job's latest run and latest success, in two grouped queries."""
    ids = [spec.id for spec in specs]
    latest = _latest_runs(ids, JobRun.status != RunStatus.SKIPPED)
    succeeded = _latest_runs(ids, JobRun.status == RunStatus.SUCCEEDED)
    now = utc_now()
    locks = {spec.lock_id for spec in specs}
    held = set(
        db.session.scalars(
            select(JobLock.job_id).where(JobLock.job_id.in_(locks), JobLock.locked_until > now)
        )
    )
    return [
        JobState(spec, latest.get(spec.id), succeeded.get(spec.id), spec.lock_id in held)
        for spec in specs
    ]


def _latest_runs(ids: list[str], condition) -> dict[str, JobRun]:  # type: ignore[no-untyped-def]
    newest = (
        select(JobRun.job_id, func.max(JobRun.id).label("run_id"))
        .where(JobRun.job_id.in_(ids), condition)
        .group_by(JobRun.job_id)
        .subquery()
    )
    runs = db.session.scalars(select(JobRun).join(newest, and_(JobRun.id == newest.c.run_id)))
    return {run.job_id: run for run in runs}


def recent_runs(job_id: str, limit: int = 50) -> Sequence[JobRun]:
    return db.session.scalars(
        select(JobRun).where(JobRun.job_id == job_id).order_by(JobRun.id.desc()).limit(limit)
    ).all()


def last_scheduled_run() -> JobRun | None:
    """The latest run the scheduler process started: how admins tell whether it is up."""
    return db.session.scalar(
        select(JobRun).where(JobRun.triggered_by == SCHEDULE).order_by(JobRun.id.desc()).limit(1)
    )
