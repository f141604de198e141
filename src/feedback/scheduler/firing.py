"""Firings every scheduler process agrees on, and each run told which firing it is.

With two scheduler processes (a second for resilience, or one started by mistake) both fire
every job, and the runner lets one run per firing do the work (`run_job(scheduled_for=...)`).
For that the processes must agree what the firings are. Cron triggers name moments on the
clock already, but APScheduler counts an interval from whenever the process started, so each
process would fire at moments of its own and each would run the job. On the shared clock an
interval counts from the epoch instead: a 10-minute job fires at :00, :10, ... in every process.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.interval import IntervalTrigger

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class SharedClockInterval(IntervalTrigger):
    """An interval counted from the epoch. After a run at a moment of its own (the run at
    start) the next firing is back on the shared clock, where APScheduler would count on from
    that moment."""

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        if previous_fire_time is not None:
            now = max(now, previous_fire_time + timedelta(microseconds=1))
        return super().get_next_fire_time(None, now)


def on_shared_clock(trigger: BaseTrigger) -> BaseTrigger:
    """The trigger with its firings at the same moments in every process."""
    if getattr(trigger, "jitter", None):
        # Each process would fire at a random moment of its own, so none could tell whether
        # another had run the firing already.
        raise ValueError(f"{trigger} has jitter: two schedulers could not agree on its firings")
    if not isinstance(trigger, IntervalTrigger) or isinstance(trigger, SharedClockInterval):
        return trigger
    return SharedClockInterval(
        seconds=trigger.interval_length,
        start_date=EPOCH,
        end_date=trigger.end_date,
        timezone=trigger.timezone,
    )


class FiringExecutor(ThreadPoolExecutor):
    """A thread pool, as APScheduler's default, that passes each run the moment it was
    scheduled for as `scheduled_for` (its documented way to customise running a job). Jobs are
    added with coalesce=True, so a run stands for one firing: the latest it was due for."""

    def _do_submit_job(self, job: Job, run_times: list[datetime]) -> None:
        super()._do_submit_job(_Firing(job, run_times[-1]), run_times)


class _Firing:
    """The job as APScheduler's run_job reads it, with the firing among its arguments."""

    def __init__(self, job: Job, scheduled_for: datetime) -> None:
        self._job = job
        self.kwargs = {**job.kwargs, "scheduled_for": scheduled_for}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._job, name)

    def __str__(self) -> str:
        return str(self._job)
