"""Keeping the run history to what anyone reads.

Every firing writes a run, and with a second scheduler a skipped run as well: the 30-second
themes job alone adds about 2,900 rows a day. Nothing read them after a few days, but the jobs
page's latest-run queries scan each job's rows, so an unpruned table slowed it for ever.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import and_, delete, func, or_, select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.scheduler.models import JobRun, RunStatus

# A skipped run only says another process had the firing: worth a week, to look into a
# scheduler started by mistake.
SKIPPED_RUNS_KEPT = timedelta(days=7)
# The rest answer "when did this last fail, and why" for a year's reporting cycle and a bit.
RUNS_KEPT = timedelta(days=400)


def prune_job_runs() -> int:
    """Delete skipped runs after a week and other runs after 400 days, in SQL, keeping each
    job's latest run and latest success whatever their age (the jobs page shows both, and a
    job that last failed long ago must still show as failing). Returns the rows deleted."""
    now = utc_now()
    latest_run = select(func.max(JobRun.id)).where(JobRun.status != RunStatus.SKIPPED)
    latest_success = select(func.max(JobRun.id)).where(JobRun.status == RunStatus.SUCCEEDED)
    kept = latest_run.group_by(JobRun.job_id).union(latest_success.group_by(JobRun.job_id))
    old_skip = and_(JobRun.status == RunStatus.SKIPPED, JobRun.started_at < now - SKIPPED_RUNS_KEPT)
    old_run = and_(
        JobRun.status != RunStatus.SKIPPED,
        JobRun.status != RunStatus.RUNNING,
        JobRun.started_at < now - RUNS_KEPT,
        JobRun.id.not_in(kept),
    )
    deleted = db.session.execute(
        delete(JobRun).where(or_(old_skip, old_run)).execution_options(synchronize_session=False)
    )
    return deleted.rowcount or 0
