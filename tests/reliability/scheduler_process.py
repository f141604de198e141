"""Run in its own process by test_two_of_everything: the real `flask --app wsgi scheduler run`
command, with two test jobs that fire every few seconds in place of the trust's jobs (whose
shortest interval is 30 seconds, and which need a trust's data to do anything).

SCHEDULER_LATE_SECONDS makes this scheduler start each run that much after the firing, as on a
host whose clock is behind or whose CPU is busy: the other scheduler's quick run is over by
then and its lock free again.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from flask.cli import cli
from sqlalchemy import select

from feedback.extensions import db
from feedback.scheduler import cli as scheduler_cli
from feedback.scheduler.registry import JobSpec

if TYPE_CHECKING:
    from flask import Flask

TIMEZONE = "Europe/London"
# Over in milliseconds: a second scheduler firing a moment later finds the lock already free,
# so only the record of the firing can stop it running the job again.
QUICK = JobSpec(
    "quick-test-job",
    "tests.reliability.scheduler_process:quick",
    IntervalTrigger(seconds=2, timezone=TIMEZONE),
    "A job over in milliseconds, every 2 seconds",
    lease=timedelta(seconds=5),
)
# Long enough to be caught running and killed; the short lease lets the other scheduler take
# it over within one firing. Odd seconds, so the quick job (even seconds) is not running then.
SLOW_SECONDS = 0.6
SLOW = JobSpec(
    "slow-test-job",
    "tests.reliability.scheduler_process:slow",
    CronTrigger(second="1-59/4", timezone=TIMEZONE),
    "A job that takes 0.6 s, every 4 seconds",
    lease=timedelta(seconds=3.5),
)
TEST_JOBS = (QUICK, SLOW)


def quick() -> int:
    db.session.execute(select(1))
    return 1


def slow() -> int:
    time.sleep(SLOW_SECONDS)
    return 1


def main() -> None:
    scheduler_cli._jobs = lambda: TEST_JOBS  # type: ignore[assignment]
    late = float(os.environ.get("SCHEDULER_LATE_SECONDS", "0"))
    on_time = scheduler_cli._run_in_app

    def run_late(app: Flask, spec: JobSpec, scheduled_for: datetime | None = None) -> None:
        time.sleep(late)
        on_time(app, spec, scheduled_for=scheduled_for)

    if late:
        scheduler_cli._run_in_app = run_late  # type: ignore[assignment]
    cli.main(args=["--app", "wsgi", "scheduler", "run", *sys.argv[1:]], prog_name="flask")


if __name__ == "__main__":
    main()
