"""Benchmark: SIGKILL the whole server while people send feedback; nothing thanked is lost.

    .venv/bin/python benchmarks/chaos.py [--people N] [--seconds S] [--workers W] [--quick]
                                         [--only sqlite|postgresql] [--postgres-url URL]

For each database (SQLite in a temp file, WAL; PostgreSQL in a fresh schema, dropped at the
end, skipped with a note when the server does not answer):

1. builds the schema with the real migrations and loads the demo organisation (`seed_demo`:
   the trust, its wards and teams, its services) and nothing more: the journeys need places to
   give feedback about and services to complain about, not five years of history, and the
   whole `flask seed-demo` (history, themes model, summaries) would take most of the budget;
2. serves `baseline_app:app` (the real app plus a do-nothing view to probe) with gunicorn,
   W sync workers (4) on 127.0.0.1, in a process group of its own (benchmarks/submit.py), and
   waits until every worker has booted;
3. N people (50), arriving over 3 s, complete one journey after another for S seconds (60),
   with a think time between pages, each journey in a new browser (cookie jar): 4 in 5 the
   home-link FFT at /feedback/<ward>/ (rating, a reason, who is answering, "about you"
   declined), 1 in 5 the complaint form at /forms/complaint/ (every question, half of them
   with an email address, check your answers, Send). The person types a marker of their own
   ("chaos-<uuid>") into the FFT reason or the complaint's "what happened", so the database
   can be checked journey by journey;
4. at 40% of the run, as soon as a final submit is in flight (waiting 5 s at most), SIGKILLs
   the process group (master and every worker at once, no graceful shutdown), starts the same
   gunicorn again on the same port, database and secret key, and times how long until it
   answers again. If that took so long that the run is nearly over, the run goes on until
   10 s after every cut-off person has been answered, so new journeys run on the new server;
5. a person whose request got no answer (connection refused or reset, 10 s without a reply)
   or a 5xx sends the same request again with the same cookie jar until it is answered, as
   someone pressing reload would: a final submit cut off mid-request is sent again (and a
   request given up on may still be queued for the new workers, which then run both). If the
   server says the journey is gone (a redirect to the start page, "Please start again") the
   person starts again from the start page with the same answers, marker included;
6. after the run (journeys under way may finish; none start) reads the database: every journey
   shown the thank-you page must be stored exactly once, with the rating sent (a complaint:
   with the reference the page showed, and one receipt email if it gave an address), and no
   journey key may have two records.

Exit status 1 if anything thanked was lost, anything was stored twice or unlike what was sent,
or a journey could not finish. Server errors (5xx, tracebacks) are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

# The submit and complaints benchmarks sit beside this file (sys.path[0] when run as a script):
# their gunicorn, /proc and database helpers are this benchmark's too.
import complaints as complaints_benchmark
import requests
import sqlalchemy as sa
import submit as submit_benchmark
from flask import Flask

from feedback.complaints.models import Complaint
from feedback.db import as_utc
from feedback.demo import seed_demo
from feedback.extensions import db
from feedback.notifications.models import EmailMessage
from feedback.organisation.models import Location, Service
from feedback.organisation.services import list_services
from feedback.surveys.models import Answer, Journey, Response

PEOPLE, SECONDS, WORKERS = 50, 60.0, 4
QUICK_PEOPLE, QUICK_SECONDS = 20, 15.0
KILL_AT = 0.4  # share of the run before the SIGKILL: enough traffic before and after it
# From then, the kill waits (this long at most) for a final submit to be in flight, so a
# submit cut off mid-request, and sent again, happens in every run rather than by luck.
KILL_WAIT_SECONDS = 5.0
COMPLAINT_SHARE = 0.2
# Between pages: mostly quick, sometimes a long read. Spread out (and the arrivals over a few
# seconds) so people do not move in step: in step, a kill caught them all at a start page.
THINK_MEAN_SECONDS, THINK_MAX_SECONDS = 0.2, 2.0
RAMP_SECONDS = 3.0
RETRY_SECONDS = 0.25  # a person pressing reload; jittered so retries do not arrive in step
# However long the recovery takes, people keep starting journeys this long after every cut-off
# person has been answered again, so the restarted server carries new journeys too.
MIN_AFTER_SECONDS = 10.0
DRAIN_SECONDS = 45.0  # after the run, for journeys under way to finish (none start)
# A person whose page hangs this long presses reload. The first request is still queued for
# the restarted workers, which will run it too: a real double submit, and the dead connections
# they work through are part of the recovery time, as on any real restart.
REQUEST_TIMEOUT = 10.0
MAX_RESTARTS = 3  # a journey sent back to the start more often than this is reported
# Each sync worker imports the whole app (scikit-learn included) when it boots: on a busy
# 2-core machine four of them have taken a minute, so give up only well after that.
BOOT_LIMIT = 180.0
IDLE_CPU_SECONDS = 0.05  # gunicorn's CPU in half a second once every worker waits for work
FFT, COMPLAINT = "fft", "complaint"
KINDS = (FFT, COMPLAINT)
NOOP_PATH = submit_benchmark.NOOP_PATH
MARKER = re.compile(r"chaos-[0-9a-f]{32}")
REFERENCE = re.compile(r'class="app-reference">\s*([^<\s]+)\s*<')
FFT_THANKS = "We have your feedback."
START_AGAIN = "Please start again"  # the page a journey's expired CSRF token gets
WARD = re.compile(r"^/feedback/[^/]+")  # error reasons are counted by page, not by ward


class StartAgain(RuntimeError):
    """The server no longer has this journey: the person goes back to the start page."""


class Unexpected(RuntimeError):
    """An answer no browser would expect: the journey is abandoned and reported."""


class GaveUp(RuntimeError):
    """The server did not answer before the end of the drain: the journey is unfinished."""


# --- What the people did ---------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One page's answer and where a good answer sends the person next."""

    page: str
    answer: dict[str, str]
    next_page: str


@dataclass
class Trip:
    """One journey as the person saw it (a trip to the form and back)."""

    kind: str
    marker: str
    rating: int | None = None
    thanked: bool = False
    reference: str | None = None  # a complaint's, as the thank-you page showed it
    emailed: bool = False  # a complaint that asked for replies by email: one receipt is due
    cut_off: bool = False  # a request got no answer or a 5xx, and was sent again
    restarts: int = 0  # sent back to the start page
    submit_resent: bool = False  # the final submit got no answer (or a 5xx) and was sent again
    last_submit_at: datetime | None = None  # when the final submit that was answered was sent
    failure: str | None = None
    started: float = 0.0  # seconds from the start of the run


@dataclass
class Seen:
    """What one person's requests met; merged across people at the end."""

    requests: int = 0
    no_answer: int = 0
    timeouts: int = 0
    errors_before_kill: int = 0  # 5xx
    errors_after_kill: int = 0
    cut_by_kill: int = 0  # sent before the SIGKILL, never answered
    final_cut_by_kill: int = 0
    back_at: float | None = None  # the first answer after waiting through the outage
    reasons: Counter[str] = field(default_factory=Counter)

    def merge(self, other: Seen) -> None:
        for name in (f.name for f in fields(self) if f.type == "int"):  # the counters
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.back_at is not None:
            self.back_at = max(self.back_at or 0.0, other.back_at)
        self.reasons.update(other.reasons)


@dataclass
class Run:
    """The clock every person reads; the main thread sets killed_at."""

    started: float
    deadline: float  # no journey starts after this; moved on if the recovery is slow
    give_up: float  # a journey not finished by then is reported unfinished
    killed_at: float | None = None
    ended: float = 0.0  # when the last journey finished, from the start

    def at(self, moment: float) -> float:
        return moment - self.started


@dataclass(frozen=True)
class Places:
    locations: tuple[str, ...]
    services: tuple[str, ...]


def fft_steps(trip: Trip, rng: random.Random) -> list[Step]:
    comment = rng.choice([c for c in submit_benchmark.COMMENTS if c])
    return [
        Step("rating", {"answer": str(trip.rating)}, "reason"),
        Step("reason", {"answer": f"{comment} {trip.marker}"}, "respondent"),
        Step("respondent", {"answer": "patient"}, "about_you"),
        Step("about_you", {"answer": "no"}, "thank-you"),  # "No, send my feedback now"
    ]


def complaint_steps(trip: Trip, service: str, rng: random.Random) -> list[Step]:
    # A day or more ago whatever the machine's time zone: the form refuses future dates.
    happened = date.today() - timedelta(days=rng.randint(2, 60))
    contact = [Step("contact", {"answer": "none"}, "service")]
    if rng.random() < 0.5:  # an email address: the receipt is queued in the same transaction
        trip.emailed = True
        contact = [
            Step("contact", {"answer": "email"}, "email"),
            Step("email", {"answer": f"{trip.marker}@example.com"}, "service"),
        ]
    story = rng.choice(complaints_benchmark.STORIES)
    when = {
        "answer-day": str(happened.day),
        "answer-month": str(happened.month),
        "answer-year": str(happened.year),
    }
    return [
        Step("kind", {"answer": rng.choice(("concern", "complaint"))}, "raised_by"),
        Step("raised_by", {"answer": "patient"}, "name"),
        Step("name", {"answer": "Sam Chaos"}, "contact"),
        *contact,
        Step("service", {"answer": service}, "what_happened"),
        Step("what_happened", {"answer": f"{story} {trip.marker}"}, "happened_on"),
        Step("happened_on", when, "outcome_wanted"),
        Step("outcome_wanted", {"answer": "An explanation."}, "check"),
        Step("check", {}, "thank-you"),  # Send, on the check-your-answers page
    ]


class Person:
    """One person after another, each with a new browser, until the run's deadline."""

    def __init__(self, base_url: str, places: Places, run: Run, seed: int) -> None:
        self.base_url, self.places, self.run_clock = base_url, places, run
        self.rng = random.Random(seed)
        self.trips: list[Trip] = []
        self.seen = Seen()
        self.http = requests.Session()
        self.waiting = False  # requests have failed since the last answer
        self.submitting = False  # a final submit is on its way, for the kill to catch
        self.trip = Trip(FFT, "")  # the journey under way

    def run(self) -> None:
        time.sleep(self.rng.uniform(0, RAMP_SECONDS))
        while time.monotonic() < self.run_clock.deadline:
            kind = COMPLAINT if self.rng.random() < COMPLAINT_SHARE else FFT
            trip = Trip(
                kind, f"chaos-{uuid.uuid4().hex}", started=self.run_clock.at(time.monotonic())
            )
            trip.rating = self.rng.randint(1, 6) if kind == FFT else None
            self.trips.append(trip)
            self.complete(trip)

    def complete(self, trip: Trip) -> None:
        self.http, self.trip = requests.Session(), trip  # a new person: no cookies, no token
        if trip.kind == FFT:
            prefix = f"/feedback/{self.rng.choice(self.places.locations)}"
            steps = fft_steps(trip, self.rng)
        else:
            prefix = "/forms/complaint"
            steps = complaint_steps(trip, self.rng.choice(self.places.services), self.rng)
        while True:
            try:
                self.walk(trip, prefix, steps)
                return
            except StartAgain as why:  # same browser, same answers: only the journey is new
                trip.restarts += 1
                if trip.restarts > MAX_RESTARTS:
                    trip.failure = f"sent back to the start {trip.restarts} times; last: {why}"
                    return
            except (Unexpected, GaveUp) as error:
                trip.failure = _by_page(str(error))
                return

    def walk(self, trip: Trip, prefix: str, steps: list[Step]) -> None:
        self.page(prefix, f"{prefix}/")  # the start page; Start links to the first question
        self.think()
        page = self.page(prefix, f"{prefix}/{steps[0].page}")
        found = submit_benchmark.CSRF_INPUT.search(page.text)
        if found is None:
            raise Unexpected(f"no csrf_token on {prefix}/{steps[0].page}")
        for step in steps:
            final = step.next_page == "thank-you"
            data = {"csrf_token": found.group(1), **step.answer}
            reply = self.send("POST", f"{prefix}/{step.page}", data, final=final)
            self.expect_redirect(prefix, reply, f"{prefix}/{step.next_page}")
            self.think()
            page = self.page(prefix, f"{prefix}/{step.next_page}")
        self.read_thanks(trip, page)

    def page(self, prefix: str, path: str) -> requests.Response:
        reply = self.send("GET", path)
        if reply.status_code == 200:
            return reply
        if _redirected_to(reply) == f"{prefix}/":
            raise StartAgain(f"GET {path}: sent to the start page")
        raise Unexpected(f"GET {path}: {reply.status_code} {_redirected_to(reply)}")

    def expect_redirect(self, prefix: str, reply: requests.Response, expected: str) -> None:
        where = _redirected_to(reply)
        if reply.status_code in (302, 303) and where == expected:
            return
        path = reply.request.path_url
        if reply.status_code in (302, 303) and where == f"{prefix}/":
            raise StartAgain(f"POST {path}: sent to the start page")
        if reply.status_code == 400 and START_AGAIN in reply.text:
            raise StartAgain(f"POST {path}: {START_AGAIN}")
        raise Unexpected(
            f"POST {path}: expected a redirect to {expected}, got {reply.status_code} {where}"
        )

    def read_thanks(self, trip: Trip, page: requests.Response) -> None:
        if trip.kind == FFT:
            if FFT_THANKS not in page.text:
                raise Unexpected(f"{page.request.path_url}: no {FFT_THANKS!r}")
        else:
            found = REFERENCE.search(page.text)
            if found is None:
                raise Unexpected(f"{page.request.path_url}: no reference shown")
            trip.reference = found.group(1)
        trip.thanked = True

    def send(
        self, method: str, path: str, data: dict[str, str] | None = None, *, final: bool = False
    ) -> requests.Response:
        """Send until answered with something below 500, as a person pressing reload would."""
        while True:
            if time.monotonic() > self.run_clock.give_up:
                raise GaveUp(f"{method} {path}: no answer {DRAIN_SECONDS:.0f} s after the end")
            sent = time.monotonic()
            if final:
                self.trip.last_submit_at = datetime.now(UTC)
            self.submitting = final
            try:
                reply = self.http.request(
                    method,
                    self.base_url + path,
                    data=data,
                    allow_redirects=False,
                    timeout=REQUEST_TIMEOUT,
                )
            except requests.RequestException as error:
                self.no_answer(sent, error, final)
                continue
            finally:
                self.submitting = False
            self.answered()
            if reply.status_code < 500:
                return reply
            self.server_error(f"{method} {path}: {reply.status_code}", final)

    def no_answer(self, sent: float, error: requests.RequestException, final: bool) -> None:
        self.seen.no_answer += 1
        self.seen.timeouts += isinstance(error, requests.Timeout)
        killed = self.run_clock.killed_at
        if killed is not None and sent < killed:  # in flight (or queued) when the server died
            self.seen.cut_by_kill += 1
            self.seen.final_cut_by_kill += final
        self.retry_later(final)

    def server_error(self, reason: str, final: bool) -> None:
        if self.run_clock.killed_at is None:
            self.seen.errors_before_kill += 1
        else:
            self.seen.errors_after_kill += 1
        self.seen.reasons[_by_page(reason)] += 1
        self.retry_later(final)

    def retry_later(self, final: bool) -> None:
        self.waiting = True
        self.trip.cut_off = True
        self.trip.submit_resent |= final
        time.sleep(RETRY_SECONDS * (0.5 + self.rng.random()))

    def answered(self) -> None:
        self.seen.requests += 1
        if self.waiting and self.run_clock.killed_at is not None and self.seen.back_at is None:
            self.seen.back_at = time.monotonic()  # this person's first answer after the outage
        self.waiting = False

    def think(self) -> None:
        time.sleep(min(self.rng.expovariate(1 / THINK_MEAN_SECONDS), THINK_MAX_SECONDS))


def _redirected_to(reply: requests.Response) -> str:
    return urlsplit(reply.headers.get("Location", "")).path


def _by_page(reason: str) -> str:
    """/feedback/BRAD-ASH/reason and /feedback/KIRBY/reason are one page to count."""
    method, _, rest = reason.partition(" ")
    return f"{method} {WARD.sub('/feedback/<ward>', rest)}"


# --- The server: start, kill, start again ----------------------------------------------------


@dataclass
class Chaos:
    """What happened to the server, in seconds from the start of the run."""

    killed_at: float = 0.0
    pids: list[int] = field(default_factory=list)
    survivors: list[int] = field(default_factory=list)
    restarted_at: float = 0.0
    answering_at: float = 0.0
    cold_start: float = 0.0  # the first start, to compare the recovery with
    submits_in_flight: int = 0  # final submits on their way when the SIGKILL came

    @property
    def recovery_seconds(self) -> float:
        return self.answering_at - self.killed_at


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie is dead: only its parent has not read it yet


def kill_whole_server(server: subprocess.Popen[str], chaos: Chaos) -> None:
    """SIGKILL the master and every worker at once: what a power cut or the OOM killer does."""
    chaos.pids = submit_benchmark.process_tree(server.pid)
    os.killpg(server.pid, signal.SIGKILL)  # its own session: the group is gunicorn alone
    server.wait()
    deadline = time.monotonic() + 2  # orphaned workers are reaped by init, not at once
    while time.monotonic() < deadline and any(_alive(pid) for pid in chaos.pids):
        time.sleep(0.02)
    chaos.survivors = [pid for pid in chaos.pids if _alive(pid)]


def wait_for_answer(server: subprocess.Popen[str], base_url: str, log: IO[str]) -> float:
    """The moment the server first answers the do-nothing view. One probe waits in the queue
    with the people (refused: none is queued yet, so try again soon); submit.py's wait gives
    up after 60 s, which a cold start under load has taken longer than here."""
    deadline = time.monotonic() + BOOT_LIMIT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode}:\n{_read_back(log)}")
        try:
            wait = max(deadline - time.monotonic(), 0.1)
            if requests.get(base_url + NOOP_PATH, timeout=wait).status_code == 200:
                return time.monotonic()
        except requests.RequestException:
            time.sleep(0.05)
    raise SystemExit(f"gunicorn did not answer within {BOOT_LIMIT:.0f} s:\n{_read_back(log)}")


def wait_until_idle(server: subprocess.Popen[str], limit: float = BOOT_LIMIT) -> None:
    """Until every worker has booted: the first answer comes from the first worker up while
    the others still import the app, and a run started then would measure their boot."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        before = sum(submit_benchmark.server_cpu(server.pid).values())
        time.sleep(0.5)
        if sum(submit_benchmark.server_cpu(server.pid).values()) - before < IDLE_CPU_SECONDS:
            return
    raise SystemExit(f"gunicorn still busy {limit:.0f} s after it first answered")


def server_environment(folder: str, url: str, options: dict[str, Any]) -> dict[str, str]:
    """submit.py's environment on this database. Built once and used for both starts: the same
    secret key, or every person's session cookie (their journey and CSRF token) would be void
    after the restart and the benchmark would measure that instead of the crash."""
    env = submit_benchmark.server_environment(Path(folder))
    env["FEEDBACK_DATABASE_URL"] = url
    if options:  # the PostgreSQL schema, as search_path (the app reads the JSON)
        env["FEEDBACK_SQLALCHEMY_ENGINE_OPTIONS"] = json.dumps({"pool_pre_ping": True, **options})
    return env


@dataclass
class Outcome:
    trips: list[Trip]
    seen: Seen
    chaos: Chaos
    run: Run
    logs: list[str]


@dataclass
class Server:
    """The one gunicorn command, started twice on the same port, database and secret key."""

    env: dict[str, str]
    port: int
    workers: int
    process: subprocess.Popen[str] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, log: IO[str]) -> subprocess.Popen[str]:
        self.process = submit_benchmark.start_server(self.env, self.port, self.workers, log)
        return self.process

    def stop(self) -> None:
        if self.process is not None:
            submit_benchmark.stop_server(self.process)


def serve_kill_serve(
    server: Server, folder: Path, places: Places, args: argparse.Namespace
) -> Outcome:
    chaos = Chaos()
    with ExitStack() as files:
        first, second = (
            files.enter_context(open(folder / name, "w+", encoding="utf-8"))
            for name in ("gunicorn-first.log", "gunicorn-after-kill.log")
        )
        try:
            cold_start(server, first, chaos)
            crowd, run = people_through_a_kill(server, places, args, chaos, second)
        finally:
            server.stop()
        logs = [_read_back(log) for log in (first, second)]
    seen = Seen()
    for person in crowd:
        seen.merge(person.seen)
    trips = [trip for person in crowd for trip in person.trips]
    return Outcome(trips, seen, chaos, run, logs)


def cold_start(server: Server, log: IO[str], chaos: Chaos) -> None:
    booting, process = time.monotonic(), server.start(log)
    chaos.cold_start = wait_for_answer(process, server.base_url, log) - booting
    wait_until_idle(process)
    print(
        f"  gunicorn pid {process.pid} ({server.workers} sync workers) serving "
        f"{server.base_url}: first answer {chaos.cold_start:.1f} s after the start, "
        f"every worker up after {time.monotonic() - booting:.1f} s"
    )


def people_through_a_kill(
    server: Server, places: Places, args: argparse.Namespace, chaos: Chaos, log: IO[str]
) -> tuple[list[Person], Run]:
    count, seconds = args.people, args.seconds
    now = time.monotonic()
    run = Run(now, now + seconds, now + seconds + DRAIN_SECONDS)
    people = [Person(server.base_url, places, run, seed) for seed in range(count)]
    threads = [threading.Thread(target=p.run, daemon=True) for p in people]
    for thread in threads:
        thread.start()
    print(f"  {count} people for {seconds:.0f} s; SIGKILL at {seconds * KILL_AT:.1f} s")
    time.sleep(max(run.started + seconds * KILL_AT - time.monotonic(), 0))
    chaos.submits_in_flight = wait_for_a_submit(people)
    kill_and_restart(server, run, chaos, log)
    assert server.process is not None
    chaos.answering_at = run.at(wait_for_answer(server.process, server.base_url, log))
    print(
        f"  t={chaos.answering_at:5.1f} s  answering again, {chaos.recovery_seconds:.1f} s "
        "after the SIGKILL"
    )
    everyone_back = wait_for_everyone(people, run)
    run.deadline = max(run.deadline, everyone_back + MIN_AFTER_SECONDS)
    run.give_up = run.deadline + DRAIN_SECONDS
    print(
        f"  t={run.at(everyone_back):5.1f} s  every cut-off person answered again; "
        f"no journey starts after {run.at(run.deadline):.1f} s"
    )
    for thread in threads:
        thread.join()
    run.ended = run.at(time.monotonic())
    return people, run


def wait_for_a_submit(people: list[Person]) -> int:
    """How many final submits are in flight, once there is one (or the wait is over)."""
    deadline = time.monotonic() + KILL_WAIT_SECONDS
    while time.monotonic() < deadline and not any(p.submitting for p in people):
        time.sleep(0.002)
    return sum(p.submitting for p in people)


def wait_for_everyone(people: list[Person], run: Run) -> float:
    """The moment no person is still waiting for an answer (or the drain is over)."""
    while time.monotonic() < run.give_up and any(p.waiting for p in people):
        time.sleep(0.05)
    return time.monotonic()


def _final_submits(count: int) -> str:
    return f"{count} final submit{'' if count == 1 else 's'}"


def _read_back(log: IO[str]) -> str:
    log.seek(0)
    return log.read()


def kill_and_restart(server: Server, run: Run, chaos: Chaos, log: IO[str]) -> None:
    """Kill the whole server and start the same command again at once."""
    assert server.process is not None
    run.killed_at = time.monotonic()
    kill_whole_server(server.process, chaos)
    chaos.killed_at = run.at(run.killed_at)
    print(
        f"  t={chaos.killed_at:5.1f} s  SIGKILL to the process group: master {chaos.pids[0]} "
        f"and {len(chaos.pids) - 1} workers ({_final_submits(chaos.submits_in_flight)} in "
        f"flight); {len(chaos.survivors)} still alive"
    )
    process = server.start(log)
    chaos.restarted_at = run.at(time.monotonic())
    print(f"  t={chaos.restarted_at:5.1f} s  the same gunicorn started again (pid {process.pid})")


# --- The database ----------------------------------------------------------------------------


def seed(app: Flask) -> Places:
    """The demo organisation only; the open wards and services the people will choose from."""
    with app.app_context():
        seed_demo()
        db.session.commit()
        open_locations = (
            sa.select(Location.code)
            .join(Location.service)
            .where(Location.retired_at.is_(None), Service.retired_at.is_(None))
            .order_by(Location.code)
        )
        locations = tuple(db.session.scalars(open_locations))
        services = tuple(s.code for s in list_services(include_retired=False))
        db.session.remove()
        db.engine.dispose()  # hold no connection (nor SQLite file handle) while the server runs
    return Places(locations, services)


@dataclass
class Stored:
    """What the database holds after the run, by marker."""

    records: dict[str, Counter[str]] = field(default_factory=lambda: {k: Counter() for k in KINDS})
    details: dict[str, set[str]] = field(default_factory=dict)  # ratings / references stored
    key_of: dict[str, str] = field(default_factory=dict)  # marker -> journey key
    submitted_at: dict[str, datetime] = field(default_factory=dict)  # journey key -> when
    receipts: Counter[str] = field(default_factory=Counter)  # receipt emails by marker
    keys_twice: int = 0  # journey keys with more than one record
    sent_without_record: int = 0  # journeys marked submitted whose record is not there
    integrity: str = ""


def read_database(app: Flask) -> Stored:
    stored = Stored()
    with app.app_context():
        session = db.session
        fft = session.execute(
            sa.select(Answer.value, Response.fft_rating, Response.idempotency_key)
            .join(Response, Answer.response_id == Response.id)
            .where(Answer.question_id == "reason", Answer.value.contains("chaos-"))
        ).all()
        cases = session.execute(
            sa.select(
                Complaint.what_happened, Complaint.reference, Complaint.idempotency_key
            ).where(Complaint.what_happened.contains("chaos-"))
        ).all()
        receipts = session.scalars(
            sa.select(EmailMessage.to).where(EmailMessage.to.startswith("chaos-"))
        )
        stored.receipts.update(marker for to in receipts for marker in MARKER.findall(to))
        for kind, rows in ((FFT, fft), (COMPLAINT, cases)):
            for text, detail, key in rows:
                _note(stored, kind, text, str(detail), key)
        record_keys = set()
        for column in (Response.idempotency_key, Complaint.idempotency_key):
            counts = session.execute(sa.select(column, sa.func.count()).group_by(column)).all()
            stored.keys_twice += sum(1 for key, n in counts if key is not None and n > 1)
            record_keys |= {key for key, _ in counts}
        sent = session.execute(
            sa.select(Journey.id, Journey.submitted_at).where(Journey.submitted_at.is_not(None))
        ).all()
        stored.submitted_at = {key: as_utc(moment) for key, moment in sent}
        stored.sent_without_record = sum(1 for key, _ in sent if key not in record_keys)
        if db.engine.dialect.name == "sqlite":  # the file survived a SIGKILL mid-write
            stored.integrity = str(session.scalar(sa.text("PRAGMA integrity_check")))
        session.remove()
        db.engine.dispose()
    return stored


def _note(stored: Stored, kind: str, text: str, detail: str, key: str) -> None:
    for marker in MARKER.findall(text):
        stored.records[kind][marker] += 1
        stored.details.setdefault(marker, set()).add(detail)
        stored.key_of[marker] = key


# --- Report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tally:
    """One column of the table: a kind of journey, or all of them."""

    started: int
    thanked: int
    stored: int
    duplicates: int
    lost: int
    stored_not_thanked: int
    differs: int
    receipts_wrong: int
    unfinished: int
    cut_resumed: int
    cut_restarted: int
    resent: int
    double_submits: int
    unknown: int


def tally(trips: list[Trip], stored: Stored, kind: str | None) -> Tally:
    mine = [t for t in trips if kind in (None, t.kind)]
    counts: Counter[str] = Counter()
    for name in [kind] if kind else list(KINDS):
        counts.update(stored.records[name])
    known = {t.marker for t in trips}
    return Tally(
        started=len(mine),
        thanked=sum(t.thanked for t in mine),
        stored=sum(1 for t in mine if counts[t.marker]),
        duplicates=sum(max(counts[t.marker] - 1, 0) for t in mine),
        lost=sum(1 for t in mine if t.thanked and not counts[t.marker]),
        stored_not_thanked=sum(1 for t in mine if counts[t.marker] and not t.thanked),
        differs=sum(1 for t in mine if counts[t.marker] and _differs(t, stored)),
        receipts_wrong=sum(
            1 for t in mine if t.emailed and counts[t.marker] and stored.receipts[t.marker] != 1
        ),
        unfinished=sum(not t.thanked for t in mine),
        cut_resumed=sum(t.cut_off and t.thanked and not t.restarts for t in mine),
        cut_restarted=sum(t.restarts > 0 for t in mine),
        resent=sum(t.submit_resent for t in mine),
        double_submits=sum(t.submit_resent and _stored_before_resend(t, stored) for t in mine),
        unknown=sum(1 for marker in counts if marker not in known),
    )


def _differs(trip: Trip, stored: Stored) -> bool:
    """Stored with another rating, or a reference other than the one the page showed."""
    expected = str(trip.rating) if trip.kind == FFT else trip.reference
    return trip.thanked and stored.details.get(trip.marker) != {expected}


def _stored_before_resend(trip: Trip, stored: Stored) -> bool:
    """The cut-off submit had committed before the person sent it again: a real double submit."""
    moment = stored.submitted_at.get(stored.key_of.get(trip.marker, ""))
    return moment is not None and trip.last_submit_at is not None and moment < trip.last_submit_at


TABLE: tuple[tuple[str, Callable[[Tally], int]], ...] = (
    ("journeys started", lambda t: t.started),
    ("thanked (shown the thank-you page)", lambda t: t.thanked),
    ("stored (marker found in the database)", lambda t: t.stored),
    ("duplicates (stored more than once)", lambda t: t.duplicates),
    ("LOST (thanked, not stored; must be 0)", lambda t: t.lost),
    ("stored, never thanked", lambda t: t.stored_not_thanked),
    ("stored unlike what was sent/shown", lambda t: t.differs),
    ("receipt email missing or sent twice", lambda t: t.receipts_wrong),
    ("unfinished (could not finish)", lambda t: t.unfinished),
    ("cut off and resumed (same cookie jar)", lambda t: t.cut_resumed),
    ("cut off and started again", lambda t: t.cut_restarted),
    ("final submit cut off, sent again", lambda t: t.resent),
    ("  stored before it was sent again", lambda t: t.double_submits),
    ("stored markers nobody sent", lambda t: t.unknown),
)


def print_table(outcome: Outcome, stored: Stored) -> list[Tally]:
    columns = [tally(outcome.trips, stored, kind) for kind in (*KINDS, None)]
    print(f"\n  {'':<42}{'FFT':>9}{'complaint':>11}{'all':>9}")
    for label, value in TABLE:
        fft, complaint, every = (value(column) for column in columns)
        print(f"  {label:<42}{fft:>9}{complaint:>11}{every:>9}")
    return columns


def print_run(outcome: Outcome, stored: Stored) -> None:
    seen, chaos, run = outcome.seen, outcome.chaos, outcome.run
    back = run.at(seen.back_at) - chaos.killed_at if seen.back_at else float("nan")
    fresh = [t for t in outcome.trips if t.started >= chaos.answering_at]
    rows = (
        ("requests answered", f"{seen.requests}"),
        (
            "journeys started on the new server / thanked",
            f"{len(fresh)} / {sum(t.thanked for t in fresh)}",
        ),
        (
            "5xx seen by people, before / after the kill",
            f"{seen.errors_before_kill} / {seen.errors_after_kill}",
        ),
        (
            "requests with no answer (refused, reset, time-out)",
            f"{seen.no_answer} ({seen.timeouts} time-outs)",
        ),
        (
            "  sent before the kill (final submits among them)",
            f"{seen.cut_by_kill} ({seen.final_cut_by_kill})",
        ),
        (
            "processes killed (master + workers) / left alive",
            f"{len(chaos.pids)} / {len(chaos.survivors)}",
        ),
        ("seconds to recover (SIGKILL to first answer)", f"{chaos.recovery_seconds:.1f}"),
        (
            "  of which gunicorn start to first answer",
            f"{chaos.answering_at - chaos.restarted_at:.1f}",
        ),
        ("  (the first, cold start took)", f"{chaos.cold_start:.1f}"),
        ("seconds until every waiting person was answered", f"{back:.1f}"),
        ("journey keys with two records", f"{stored.keys_twice}"),
        ("journeys marked sent without their record", f"{stored.sent_without_record}"),
        ("last journey finished (s after the start)", f"{outcome.run.ended:.1f}"),
    )
    if stored.integrity:
        rows += (("SQLite integrity_check after the crash", stored.integrity),)
    print()
    for label, value in rows:
        print(f"  {label:<52}{value:>20}")


def print_problems(outcome: Outcome) -> bool:
    """Server tracebacks from both logs, and why journeys failed; True when there were none."""
    clean = True
    for label, text in zip(("before the kill", "after the restart"), outcome.logs, strict=True):
        print(f"\n  gunicorn {label}:", end="")
        clean &= submit_benchmark.print_server_log(text)
    failures = [t.failure for t in outcome.trips if t.failure]
    submit_benchmark.print_failures("journeys", failures)
    if outcome.seen.reasons:
        print("\n  5xx answers, by page:")
        for reason, count in outcome.seen.reasons.most_common(10):
            print(f"    {count:>5} x {reason}")
    return clean and not outcome.seen.reasons


@dataclass(frozen=True)
class Verdict:
    label: str
    every: Tally
    recovery: float
    clean: bool  # no traceback in the server logs, no 5xx seen
    inconsistent: int  # journey keys with two records, journeys sent without their record

    @property
    def passed(self) -> bool:
        e = self.every
        wrong = e.lost + e.duplicates + e.differs + e.receipts_wrong + e.unfinished
        return not (wrong or self.inconsistent)


def run_database(
    label: str, target: tuple[str, dict[str, Any], str], args: argparse.Namespace
) -> Verdict:
    url, options, folder = target
    started = time.perf_counter()
    app = complaints_benchmark.build_app(url, options, folder)
    places = seed(app)
    print(
        f"  Schema and demo organisation in {time.perf_counter() - started:.1f} s: "
        f"{len(places.locations)} wards and teams, {len(places.services)} services"
    )
    server = Server(
        server_environment(folder, url, options), submit_benchmark.free_port(), args.workers
    )
    outcome = serve_kill_serve(server, Path(folder), places, args)
    stored = read_database(app)
    columns = print_table(outcome, stored)
    print_run(outcome, stored)
    clean = print_problems(outcome)
    inconsistent = stored.keys_twice + stored.sent_without_record
    return Verdict(label, columns[-1], outcome.chaos.recovery_seconds, clean, inconsistent)


def print_verdicts(verdicts: list[Verdict]) -> None:
    print("\nSummary")
    for v in verdicts:
        e = v.every
        print(
            f"  {v.label:<11} thanked {e.thanked}, stored {e.stored}, duplicates "
            f"{e.duplicates}, lost {e.lost}, unfinished {e.unfinished}, recovered in "
            f"{v.recovery:.1f} s: {'OK' if v.passed else 'FAILED'}"
            f"{'' if v.clean else ' (server errors: see above)'}"
        )


# --- Main ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, help=f"simulated people ({PEOPLE})")
    parser.add_argument("--seconds", type=float, help=f"length of the run ({SECONDS:.0f})")
    parser.add_argument("--workers", type=int, default=WORKERS, help=f"gunicorn ({WORKERS})")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"{QUICK_PEOPLE} people for {QUICK_SECONDS:.0f} s unless told otherwise",
    )
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument(
        "--postgres-url", default=complaints_benchmark.POSTGRES_URL, help="server, not the schema"
    )
    args = parser.parse_args(argv)
    args.people = args.people or (QUICK_PEOPLE if args.quick else PEOPLE)
    args.seconds = args.seconds or (QUICK_SECONDS if args.quick else SECONDS)
    if min(args.people, args.workers) < 1 or args.seconds < 5:
        parser.error("--people and --workers must be at least 1, --seconds at least 5")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(
        f"Chaos benchmark: {args.people} people for {args.seconds:.0f} s, gunicorn with "
        f"{args.workers} sync workers SIGKILLed at {KILL_AT:.0%}, {os.cpu_count()} CPUs"
    )
    verdicts = []
    if args.only in (None, "sqlite"):
        print("\nSQLite (temp file, WAL)")
        with complaints_benchmark.sqlite_database() as target:
            verdicts.append(run_database("SQLite", target, args))
    if args.only in (None, "postgresql"):
        print("\nPostgreSQL (temp schema)")
        with complaints_benchmark.postgres_database(args.postgres_url) as pg_target:
            if pg_target is not None:
                verdicts.append(run_database("PostgreSQL", pg_target, args))
    print_verdicts(verdicts)
    return 0 if verdicts and all(v.passed for v in verdicts) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print(
            "\nInterrupted: gunicorn stopped, temp folder removed, schema dropped.", file=sys.stderr
        )
        sys.exit(130)
