"""Two app processes and two scheduler processes on one PostgreSQL and one Redis (issue 17).

Real processes, started here: two gunicorns (one worker each, on two ports) and two
`flask --app wsgi scheduler run` (with test jobs that fire every few seconds), all on this
test's PostgreSQL database, the apps keeping their rate-limit counts in Redis. It proves:

1. Every job runs exactly once per firing. Both schedulers fire every firing of a job (an
   interval job as well as a cron one); the run records show, for each firing while both are
   up, one run that did the work and one skipped attempt by the other process, and no two runs
   of a job overlapping in time. The second scheduler starts its runs 0.3 s late, as a busier
   host or one whose clock is behind would: the quick job is over by then and its lock free, so
   only the record of the firing stops it running twice. (Each process's run at start is a
   firing of its own, and is left out.)
2. Rate limits hold across processes: sign-in attempts alternated between the two apps are
   refused with 429 after the configured number counted over both, not per app; the attempts
   that got through are exactly those the database counted, and the account is not locked, so
   the 429 is the rate limit, not the lockout.
3. One process dying changes nothing for the other: after app 1 is SIGKILLed app 2 still keeps
   the count and signs people in; after the scheduler running the slow job is SIGKILLed the
   other takes the job over once its lease has lapsed (the dead run is marked interrupted),
   runs every firing on its own, and stops cleanly on SIGTERM.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path
from urllib.parse import urljoin

import pytest
import redis
import requests
from flask import Flask
from sqlalchemy import select

from feedback.auth.models import User
from feedback.db import as_utc, utc_now
from feedback.extensions import db
from feedback.scheduler.models import JobRun, RunStatus
from tests.conftest import POSTGRES_URL
from tests.factories import PASSWORD, make_user
from tests.reliability.processes import kill, start_app, start_scheduler, wait_for
from tests.reliability.processes import wait_until_serving as serving
from tests.reliability.scheduler_process import QUICK, SLOW

pytestmark = pytest.mark.skipif(
    not POSTGRES_URL,
    reason="issue 17 asks for PostgreSQL: runs on the PostgreSQL lane "
    "(FEEDBACK_TEST_DATABASE_URL set)",
)

REDIS_URL = "redis://127.0.0.1:6379/7"  # a database of its own, flushed before and after
START_REDIS = (
    'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" '
    "--appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"
)
SIGN_IN_LIMIT = 6  # below SIGN_IN_MOST_FAILURES (10), so the lockout cannot answer first
LIMITED_CLIENT, OTHER_CLIENT = "198.51.100.7", "198.51.100.8"
# The second scheduler starts each run this long after the firing, when the first's quick run
# is over: without the record of the firing it would run the job again.
LATE_SECONDS = 0.3
# Each test job's clock: (seconds between firings, seconds past the minute of the first).
QUICK_CLOCK, SLOW_CLOCK = (2, 0), (4, 1)


@pytest.fixture
def shared_redis() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    yield client
    with contextlib.suppress(redis.RedisError, OSError):  # reported by the test already
        client.flushdb()
    client.close()


def _empty(client: redis.Redis) -> None:
    """In the test, not the fixture, so that no Redis fails the test rather than erroring."""
    try:
        client.flushdb()
    except (redis.RedisError, OSError) as error:
        pytest.fail(f"Redis is not answering at {REDIS_URL} ({error}). Start it: {START_REDIS}")


def _environment(app: Flask, rate_limit_storage: str) -> dict[str, str]:
    connect = app.config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {})
    return {
        **os.environ,
        "FEEDBACK_DATABASE_URL": app.config["SQLALCHEMY_DATABASE_URI"],
        "PGOPTIONS": connect.get("options", ""),
        "FEEDBACK_SECRET_KEY": "two-of-everything",
        "FEEDBACK_SESSION_COOKIE_SECURE": "false",  # plain http on 127.0.0.1
        "FEEDBACK_RATELIMIT_STORAGE_URI": rate_limit_storage,
        "FEEDBACK_SIGN_IN_RATE_LIMIT": f"{SIGN_IN_LIMIT} per hour",
        # As behind the trust's proxy, so each test client has an address of its own.
        "FEEDBACK_PROXY_HOPS": "1",
    }


@dataclass(frozen=True)
class Killed:
    """The slow job's run in the scheduler that was killed, and when it was killed."""

    run_id: int
    process: str
    started_at: datetime
    at: datetime


def test_two_apps_and_two_schedulers(app: Flask, tmp_path: Path, shared_redis: redis.Redis) -> None:
    _empty(shared_redis)
    user = make_user(email="two.of.everything@example.nhs.uk")
    env = _environment(app, REDIS_URL)
    logs = {name: tmp_path / f"{name}.log" for name in ("app1", "app2", "sched1", "sched2")}
    folders = {name: {**env, "FEEDBACK_INSTANCE_PATH": str(tmp_path / name)} for name in logs}
    folders["sched2"]["SCHEDULER_LATE_SECONDS"] = str(LATE_SECONDS)
    started: list[subprocess.Popen[bytes]] = []
    try:
        schedulers, apps = {}, {}
        for name in ("sched1", "sched2"):
            schedulers[name] = start_scheduler(folders[name], logs[name])
            started.append(schedulers[name])
        for name in ("app1", "app2"):
            apps[name] = start_app(folders[name], logs[name])
            started.append(apps[name][0])
        (app1, url1), (app2, url2) = apps["app1"], apps["app2"]
        serving(app1, url1, logs["app1"])
        serving(app2, url2, logs["app2"])

        _rate_limit_counts_both_apps(url1, url2, user)
        kill(app1)
        _app_two_carries_on(url1, url2, user)

        by_process = {_process_name(p): name for name, p in schedulers.items()}
        wait_for("both schedulers firing", lambda: _both_firing(schedulers, by_process), 120)
        killed = _kill_the_scheduler_running_slow(schedulers, by_process)
        [survivor] = set(by_process) - {killed.process}
        wait_for("the survivor carrying on", lambda: _carried_on(survivor, killed), 30)
        schedulers[by_process[survivor]].send_signal(signal.SIGTERM)
        stopped = schedulers[by_process[survivor]].wait(timeout=60)
    finally:
        for process in started:
            kill(process)

    survivor_log = logs[by_process[survivor]].read_text()
    assert stopped == 0 and "Scheduler stopped" in survivor_log, survivor_log
    for name in ("app2", by_process[survivor]):
        assert "Traceback" not in logs[name].read_text(), logs[name].read_text()
    _check_quick_job(set(by_process), survivor, killed)
    _check_slow_job(set(by_process), survivor, killed)


# --- Rate limits ------------------------------------------------------------------------------


def _sign_in(
    session: requests.Session, base_url: str, email: str, password: str, client: str
) -> requests.Response:
    headers = {"X-Forwarded-For": client}
    page = session.get(f"{base_url}/auth/sign-in", headers=headers, timeout=30)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text)
    assert token, page.text
    return session.post(
        f"{base_url}/auth/sign-in",
        data={"csrf_token": token[1], "email": email, "password": password},
        headers=headers,
        allow_redirects=False,
        timeout=30,
    )


def _rate_limit_counts_both_apps(url1: str, url2: str, user: User) -> None:
    session = requests.Session()
    answers = [
        _sign_in(session, (url1, url2)[attempt % 2], user.email, "wrong", LIMITED_CLIENT)
        for attempt in range(SIGN_IN_LIMIT + 2)
    ]
    # Counted per app, each would have let through SIGN_IN_LIMIT of its own.
    assert [a.status_code for a in answers] == [200] * SIGN_IN_LIMIT + [429, 429]
    assert all("Enter a correct email address and password" in a.text for a in answers[:-2])
    assert "Too many attempts" in answers[-1].text
    # The refused attempts never reached the password check, and the account is not locked.
    db.session.rollback()
    counted = db.session.get(User, user.id)
    assert (counted.failed_sign_ins, counted.locked_until) == (SIGN_IN_LIMIT, None)


def _app_two_carries_on(url1: str, url2: str, user: User) -> None:
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{url1}/auth/sign-in", timeout=5)
    # The count lives on without app 1: the limited client is still refused by app 2.
    refused = _sign_in(requests.Session(), url2, user.email, PASSWORD, LIMITED_CLIENT)
    assert refused.status_code == 429
    session = requests.Session()
    signed_in = _sign_in(session, url2, user.email, PASSWORD, OTHER_CLIENT)
    assert signed_in.status_code == 302, signed_in.text
    landing = session.get(
        urljoin(url2, signed_in.headers["Location"]),
        headers={"X-Forwarded-For": OTHER_CLIENT},
        timeout=30,
    )
    assert landing.status_code == 200 and "Sign out" in landing.text, landing.text


# --- Schedulers -------------------------------------------------------------------------------


def _process_name(process: subprocess.Popen[bytes]) -> str:
    return f"{socket.gethostname()}:{process.pid}"  # as the runner records it


def _runs(job_id: str) -> list[JobRun]:
    db.session.rollback()  # see what the schedulers have committed since
    query = select(JobRun).where(JobRun.job_id == job_id).order_by(JobRun.id)
    return list(db.session.scalars(query))


def _firing(moment: datetime, clock: tuple[int, int]) -> int:
    """Which firing a run answers: its job's clock, counted from the epoch."""
    every, offset = clock
    return int((as_utc(moment).timestamp() - offset) // every)


def _firings(runs: list[JobRun], clock: tuple[int, int]) -> dict[int, list[JobRun]]:
    """The runs of each scheduled firing. Each process's first run is its run at start (a
    firing of its own, at a moment of its own) and is left out."""
    at_start = {}
    for run in runs:
        at_start.setdefault(run.process, run.id)
    firings: dict[int, list[JobRun]] = defaultdict(list)
    for run in runs:
        if run.id not in at_start.values():
            firings[_firing(run.started_at, clock)].append(run)
    return firings


def _both_firing(schedulers: dict[str, subprocess.Popen[bytes]], by_process: dict) -> bool:
    for name, process in schedulers.items():
        assert process.poll() is None, f"{name} exited with {process.returncode}"
    firings = _firings(_runs(QUICK.id), QUICK_CLOCK).values()
    return sum({run.process for run in runs} == set(by_process) for runs in firings) >= 4


def _kill_the_scheduler_running_slow(
    schedulers: dict[str, subprocess.Popen[bytes]], by_process: dict[str, str]
) -> Killed:
    def running() -> JobRun | None:
        slow = [run for run in _runs(SLOW.id) if run.status == RunStatus.RUNNING]
        quick = {run.process for run in _runs(QUICK.id) if run.status == RunStatus.RUNNING}
        # Killed holding the quick job's lock as well, it would stop that job for a lease:
        # the slow job runs between the quick one's firings, so this waits little if at all.
        return slow[0] if slow and slow[0].process not in quick else None

    run = wait_for("a scheduler running the slow job", running, 30, poll=0.05)
    kill(schedulers[by_process[run.process]])
    return Killed(run.id, run.process, as_utc(run.started_at), utc_now())


def _carried_on(survivor: str, killed: Killed) -> bool:
    slow = [run for run in _runs(SLOW.id) if run.id > killed.run_id]
    quick = _firings(_runs(QUICK.id), QUICK_CLOCK)
    after = [firing for firing in quick if firing > _firing(killed.at, QUICK_CLOCK)]
    return (RunStatus.SUCCEEDED, survivor) in _statuses(slow) and len(after) >= 4


def _statuses(runs: list[JobRun]) -> list[tuple[RunStatus, str]]:
    return sorted((run.status, run.process) for run in runs)


def _worked(runs: list[JobRun]) -> list[JobRun]:
    return [run for run in runs if run.status != RunStatus.SKIPPED]


def _check_never_at_once(runs: list[JobRun]) -> None:
    for before, after in pairwise(sorted(_worked(runs), key=lambda run: run.started_at)):
        # A run never finished (its process died unnoticed) overlaps every run after it.
        ended = before.finished_at
        assert ended is not None and ended <= after.started_at, (before.id, before.status, after.id)


def _check_once_per_firing(
    firings: dict[int, list[JobRun]], processes: set[str], until: int
) -> list[int]:
    """No firing did its work twice; each fired by both schedulers (up to `until`, the firing
    when one was killed) was run by one and turned away by the other."""
    for firing, runs in firings.items():
        assert len(_worked(runs)) <= 1, (firing, _statuses(runs))
    both_up = min(f for f, runs in firings.items() if {run.process for run in runs} == processes)
    shared = sorted(f for f in firings if both_up <= f < until)
    for firing in shared:
        [ran] = _worked(firings[firing])
        [turned_away] = [run for run in firings[firing] if run is not ran]
        assert ran.status == RunStatus.SUCCEEDED, (firing, _statuses(firings[firing]))
        assert turned_away.process != ran.process, (firing, _statuses(firings[firing]))
        assert f"Another process ({ran.process})" in turned_away.error, turned_away.error
    return shared


def _check_quick_job(processes: set[str], survivor: str, killed: Killed) -> None:
    runs = _runs(QUICK.id)
    _check_never_at_once(runs)
    firings = _firings(runs, QUICK_CLOCK)
    killed_firing = _firing(killed.at, QUICK_CLOCK)
    assert len(_check_once_per_firing(firings, processes, killed_firing)) >= 3
    after = sorted(f for f in firings if f > killed_firing)
    assert len(after) >= 4
    for firing in after:  # the survivor alone, every firing
        assert _statuses(firings[firing]) == [(RunStatus.SUCCEEDED, survivor)], firing


def _check_slow_job(processes: set[str], survivor: str, killed: Killed) -> None:
    runs = _runs(SLOW.id)
    _check_never_at_once(runs)
    _check_once_per_firing(
        _firings(runs, SLOW_CLOCK), processes, _firing(killed.started_at, SLOW_CLOCK)
    )
    [dead] = [run for run in runs if run.status == RunStatus.INTERRUPTED]
    assert (dead.id, dead.process) == (killed.run_id, killed.process)
    # Until the dead process's lease lapsed the survivor was turned away (its lock, or its run
    # of that firing); then the survivor took the job over and ran every firing after.
    later = [run for run in runs if run.id > dead.id]
    took_over = next(i for i, run in enumerate(later) if run.status != RunStatus.SKIPPED)
    for waited in later[:took_over]:
        assert waited.process == survivor and killed.process in waited.error, waited.error
    assert set(_statuses(later[took_over:])) == {(RunStatus.SUCCEEDED, survivor)}
    waited_for = as_utc(later[took_over].started_at) - killed.started_at
    assert waited_for >= SLOW.lease - timedelta(seconds=0.3), waited_for  # claimed just before
