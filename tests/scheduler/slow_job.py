"""Run in a separate process by the lock test: one slow job run, as a scheduler would."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from feedback import create_app
from feedback.scheduler.registry import JobSpec
from feedback.scheduler.runner import run_job

SLOW_JOB = JobSpec("slow-test-job", "tests.scheduler.slow_job:slow_job", None, "A slow job")


def slow_job() -> int:
    time.sleep(float(os.environ.get("SLOW_JOB_SECONDS", "2")))
    return 1


def _wait_for_the_others() -> None:
    """Start the job only once every process has booted: on a busy machine one can take
    longer to start than the job takes to run, and then both would find the lock free."""
    folder = Path(os.environ["LOCK_TEST_INSTANCE"])
    (folder / f"booted-{os.getpid()}").touch()
    deadline = time.monotonic() + 120
    while len(list(folder.glob("booted-*"))) < int(os.environ.get("LOCK_TEST_PROCESSES", "1")):
        if time.monotonic() > deadline:
            sys.exit("the other process never booted")
        time.sleep(0.05)


def main() -> None:
    app = create_app(
        {"SECRET_KEY": "test", "DATABASE_URL": os.environ["LOCK_TEST_DATABASE_URL"]},
        instance_path=os.environ["LOCK_TEST_INSTANCE"],
    )
    _wait_for_the_others()
    with app.app_context():
        result = run_job(SLOW_JOB, triggered_by="schedule")
        print(result.status.value)
    sys.exit(0)


if __name__ == "__main__":
    main()
