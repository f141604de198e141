"""Starting, watching and ending the real processes the reliability tests run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import requests

from feedback.config import PROJECT_ROOT

T = TypeVar("T")
# Four processes importing the app at once share CI's two cores with PostgreSQL: about 5 s of
# CPU each, so booting can take a while.
BOOT_SECONDS = 90


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as output:
        # A session of its own, so a kill reaches gunicorn's worker with its master.
        return subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def start_app(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", "1",
        "--bind", f"127.0.0.1:{port}",
        "--timeout", "120",
        "--error-logfile", "-",
        "wsgi:app",
    ]  # fmt: skip
    return start(command, env, log), f"http://127.0.0.1:{port}"


def start_scheduler(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return start([sys.executable, "-m", "tests.reliability.scheduler_process"], env, log)


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL to the process and everything it started, as a crash or the OOM killer would."""
    # Only while it runs: once it is reaped its id may be another process's. (A gunicorn
    # worker whose master died on its own sees its parent gone and exits by itself.)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def wait_for(what: str, check: Callable[[], T | None], seconds: float, poll: float = 0.2) -> T:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(poll)
    raise AssertionError(f"Not within {seconds} s: {what}")


def wait_until_serving(process: subprocess.Popen[bytes], base_url: str, log: Path) -> None:
    def answered() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"{base_url} exited ({process.returncode}):\n{log.read_text()}")
        try:
            return requests.get(f"{base_url}/auth/sign-in", timeout=10).status_code == 200
        except requests.RequestException:  # not listening yet, or still busy starting
            return False

    wait_for(f"{base_url} answering", answered, BOOT_SECONDS, poll=0.3)
