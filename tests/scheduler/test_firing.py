"""Firings every scheduler process agrees on: the shared clock, and each run told its firing."""

from __future__ import annotations

import queue
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from feedback.scheduler.firing import FiringExecutor, on_shared_clock
from feedback.scheduler.registry import describe_trigger

LONDON = ZoneInfo("Europe/London")


def test_an_interval_fires_at_the_same_moments_whenever_a_process_started() -> None:
    # Two processes started four minutes apart: APScheduler alone would count from each start.
    starts = (datetime(2025, 7, 1, 9, 3, 17, tzinfo=LONDON), datetime(2025, 7, 1, 9, 7, 42))
    first, second = (
        on_shared_clock(IntervalTrigger(minutes=10, start_date=start, timezone=LONDON))
        for start in starts
    )
    now = datetime(2025, 7, 1, 9, 21, 5, tzinfo=LONDON)
    assert first.get_next_fire_time(None, now) == second.get_next_fire_time(None, now)
    assert first.get_next_fire_time(None, now) == datetime(2025, 7, 1, 9, 30, tzinfo=LONDON)
    assert describe_trigger(first) == "Every 10 minutes"


def test_after_the_run_at_start_the_next_firing_is_back_on_the_clock() -> None:
    trigger = on_shared_clock(IntervalTrigger(seconds=30, timezone=LONDON))
    at_start = datetime(2025, 1, 6, 8, 0, 12, 345678, tzinfo=LONDON)
    on_the_clock = datetime(2025, 1, 6, 8, 0, 30, tzinfo=LONDON)
    assert trigger.get_next_fire_time(at_start, at_start) == on_the_clock
    assert trigger.get_next_fire_time(on_the_clock, on_the_clock) == on_the_clock + timedelta(
        seconds=30
    )


def test_cron_triggers_are_on_the_clock_already_and_jitter_is_refused() -> None:
    cron = CronTrigger(minute=40, timezone=LONDON)
    assert on_shared_clock(cron) is cron
    with pytest.raises(ValueError, match="jitter"):
        on_shared_clock(IntervalTrigger(minutes=5, jitter=10))


def test_each_run_is_told_the_moment_it_was_scheduled_for() -> None:
    told: queue.Queue[datetime] = queue.Queue()
    scheduler = BackgroundScheduler(timezone=LONDON, executors={"default": FiringExecutor()})
    due = datetime.now(LONDON) - timedelta(seconds=1)

    def job(scheduled_for: datetime | None = None) -> None:  # as the scheduler's runs take it
        told.put(scheduled_for)

    scheduler.add_job(
        job,
        trigger=IntervalTrigger(hours=1, timezone=LONDON),
        next_run_time=due,
        misfire_grace_time=60,
        coalesce=True,
    )
    scheduler.start()
    try:
        assert told.get(timeout=30) == due
    finally:
        scheduler.shutdown(wait=True)
