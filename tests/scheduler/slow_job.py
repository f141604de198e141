"""Run in a separate process by the lock test: one slow job run, as a scheduler would."""

from __future__ import annotations

import os
import sys
import time

from feedback import create_app
from feedback.scheduler.registry import JobSpec
from feedback.scheduler.runner import run_job

SLOW_JOB = JobSpec("slow-test-job", "tests.scheduler.slow_job:slow_job", None, "A slow job")


def slow_job() -> int:
    time.sleep(float(os.environ.get("SLOW_JOB_SECONDS", "2")))
    return 1


def main() -> None:
    app = create_app(
        {"SECRET_KEY": "test", "DATABASE_URL": os.environ["LOCK_TEST_DATABASE_URL"]},
        instance_path=os.environ["LOCK_TEST_INSTANCE"],
    )
    with app.app_context():
        result = run_job(SLOW_JOB, triggered_by="schedule")
        print(result.status.value)
    sys.exit(0)


if __name__ == "__main__":
    main()
