"""Benchmark: what one Friends and Family Test journey costs the server, against a baseline.

    .venv/bin/python benchmarks/submit.py [--database sqlite|postgresql|both] [--clients N]
        [--journeys M] [--rounds R] [--workers W] [--reuse-seed]

What it does, for SQLite (a temp file) and PostgreSQL (a database of its own, dropped after):

1. builds the database (`flask db upgrade`, `flask seed-demo`; --reuse-seed keeps a seeded
   copy between runs, for trying changes: delete it when the migrations or demo change);
2. serves `baseline_app:app` with gunicorn on 127.0.0.1: the real app plus a do-nothing view
   at /__benchmark/noop, so both are measured on the same server and workers in one run;
3. waits until every worker has booted and the server is idle, and warms every worker up;
4. R rounds of: N client threads each completing M home-link FFT journeys at
   /feedback/<location>/ (start page, then the 9 requests of the answers: rating, reason,
   who is answering, 'about you' declined, thank-you; every redirect followed by hand, one
   cookie jar per journey), then the same threads calling the noop view as long;
5. reads the CPU time of the gunicorn master and workers (and, on PostgreSQL, of the backends
   serving them: app plus database) from /proc before and after each phase: server CPU per
   journey and per noop request, and their ratio, median and range;
6. checks it from the inside: baseline_app's accounting middleware sums the CPU each request
   took in its worker, by phase, with the SQL statements and commits (queries per request);
7. checks that the database gained exactly one `response` row per confirmed submission,
   with the ratings that were sent (exit status 1 if anything was lost or duplicated).

Why its figure was not to be trusted (79 ms a journey against an independent client's 25):
the wait for the server returned at the first answer, from the first worker up, while the
other could still be importing the app (4 s of CPU each here, scikit-learn included), and a
warm-up of 8 journeys need not reach every worker: a boot or a first template compile in the
measured phase is billed to the journeys (120 of them: 33 ms each per worker booting). Now
the wait asks every worker for its pid and waits for an idle server, the warm-up is longer,
and the workers' own account of each request is printed beside /proc's. Measured side by
side, /proc's figure and a separate-process http.client load generator agree within their
spread, and the workers' account is /proc's less about 0.6 ms a request: gunicorn's HTTP
work around the app. A journey is 10 requests (the start page, then the 9 of the answers);
the ratio counts the 9 answers' worth of noop requests, as the budget does.

Why ratios against a baseline measured in the same run: on a small machine (2 cores is the
target) the load generator competes with the server for the CPU, and other work on the host
slows every instruction (CPU time itself then grows, not only wall time). Absolute figures
are only comparable within one run; journey CPU / (9 x noop CPU) is what carries over.
Server CPU time read from /proc does not include the load generator, which is why the
budgets for a whole FFT journey are checked against it rather than against wall time.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from gunicorn_cpu import (  # noqa: F401 - sms.py and chaos.py use these through this module
    NOOP_PATH,
    PHASE_HEADER,
    PROJECT_ROOT,
    Account,
    Phase,
    free_port,
    measured,
    print_server_log,
    process_tree,
    read_accounting,
    server_cpu,
    start_server,
    stop_server,
    wait_until_serving,
)

DATABASE_FILE = "feedback.sqlite3"
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SEEDED_SQLITE = Path(tempfile.gettempdir()) / "feedback-submit-benchmark-seed.sqlite3"
SEEDED_POSTGRES = "cpu_submit_seed"  # --reuse-seed: the template each run's database copies
TARGET_CPU_MS_PER_JOURNEY = {"SQLite": 15.0, "PostgreSQL": 20.0}
ANSWER_REQUESTS = 9  # a journey after its start page: what the budget ratio counts noops by
WARMUP_JOURNEYS_PER_CLIENT = 5  # enough for every worker to have compiled every page
WARMUP_NOOP_REQUESTS_PER_CLIENT = 25
MIN_NOOP_SECONDS = 3.0
REQUEST_TIMEOUT = 30.0
CSRF_INPUT = re.compile(r'name="csrf_token"\s+value="([^"]+)"')
COMMENTS = (
    "The staff were kind and explained everything.",
    "Waited a long time but the nurse was lovely.",
    "Clean ward, friendly team, good food.",
    "Nobody told me what was happening next.",
    "Very helpful on the phone and in person.",
    "",
)
# (question, answer) in the order the home-link FFT asks them; None: the rating for this journey.
ANSWERS: tuple[tuple[str, str | None], ...] = (
    ("rating", None),
    ("reason", None),
    ("respondent", "patient"),
    ("about_you", "no"),
)

T = TypeVar("T")


class JourneyError(RuntimeError):
    """The server answered a journey step with something a browser would not expect."""


# --- Measurements ----------------------------------------------------------------------------


@dataclass
class JourneyResults:
    """What one client thread saw; threads keep their own and they are merged at the end."""

    journeys: int = 0
    submissions: int = 0
    unconfirmed: int = 0  # a final answer sent whose reply never came back
    requests: int = 0
    redirects: int = 0
    posts: int = 0
    journey_seconds: list[float] = field(default_factory=list)
    request_seconds: list[float] = field(default_factory=list)
    step_seconds: dict[str, list[float]] = field(default_factory=dict)
    ratings: Counter[int] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def merge(self, other: JourneyResults) -> None:
        for name in ("journeys", "submissions", "unconfirmed", "requests", "redirects", "posts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.journey_seconds += other.journey_seconds
        self.request_seconds += other.request_seconds
        for step, seconds in other.step_seconds.items():
            self.step_seconds.setdefault(step, []).extend(seconds)
        self.ratings.update(other.ratings)
        self.failures += other.failures


@dataclass
class NoopResults:
    requests: int = 0
    request_seconds: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def merge(self, other: NoopResults) -> None:
        self.requests += other.requests
        self.request_seconds += other.request_seconds
        self.failures += other.failures


def percentile_ms(seconds: Sequence[float], pct: int) -> float:
    if not seconds:
        return float("nan")
    if len(seconds) == 1:
        return seconds[0] * 1000
    return statistics.quantiles(seconds, n=100, method="inclusive")[pct - 1] * 1000


# --- The database ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    label: str
    url: str
    # The database's own processes, whose CPU is the server's too: app plus database.
    backends: Callable[[], list[int]] | None = None


def server_environment(instance: Path, url: str | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FLASK_APP="wsgi.py",
        FEEDBACK_INSTANCE_PATH=str(instance),
        FEEDBACK_DATABASE_URL=url or f"sqlite:///{instance / DATABASE_FILE}",
        FEEDBACK_SECRET_KEY=secrets.token_hex(32),
        FEEDBACK_SESSION_COOKIE_SECURE="false",
        FEEDBACK_BENCHMARK_ACCOUNTING=str(instance),
        PYTHONUNBUFFERED="1",
    )
    return env


def prepare_database(env: dict[str, str]) -> None:
    for command in (["db", "upgrade"], ["seed-demo"]):
        done = subprocess.run(
            [sys.executable, "-m", "flask", *command],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"flask {' '.join(command)} failed:\n{done.stdout}{done.stderr}")


@contextmanager
def sqlite_target(instance: Path, reuse: bool) -> Iterator[Target]:
    url = f"sqlite:///{instance / DATABASE_FILE}"
    if not (reuse and SEEDED_SQLITE.is_file()):
        prepare_database(server_environment(instance, url))
        if reuse:
            shutil.copyfile(instance / DATABASE_FILE, SEEDED_SQLITE)
    else:
        shutil.copyfile(SEEDED_SQLITE, instance / DATABASE_FILE)
    yield Target("SQLite", url)


@contextmanager
def postgres_target(server_url: str, instance: Path, reuse: bool) -> Iterator[Target | None]:
    """A database of its own, dropped afterwards whatever happens; None: no PostgreSQL."""
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"cpu_submit_{uuid.uuid4().hex[:10]}"
    url_of = sa.make_url(server_url).set
    try:
        with admin.connect() as connection:
            have_seed = reuse and connection.scalar(
                sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                {"name": SEEDED_POSTGRES},
            )
            if reuse and not have_seed:
                connection.execute(sa.text(f'CREATE DATABASE "{SEEDED_POSTGRES}"'))
    except sa.exc.OperationalError as error:
        print(f"  PostgreSQL not reachable at {server_url}: skipped ({str(error).splitlines()[0]})")
        admin.dispose()
        yield None
        return
    try:
        if reuse and not have_seed:
            seed_url = url_of(database=SEEDED_POSTGRES).render_as_string(hide_password=False)
            try:
                prepare_database(server_environment(instance, seed_url))
            except BaseException:
                with admin.connect() as connection:  # half seeded: not a seed to reuse
                    connection.execute(sa.text(f'DROP DATABASE "{SEEDED_POSTGRES}" WITH (FORCE)'))
                raise
        template = f' TEMPLATE "{SEEDED_POSTGRES}"' if reuse else ""
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"{template}'))
        url = url_of(database=name).render_as_string(hide_password=False)
        if not reuse:
            prepare_database(server_environment(instance, url))
        yield Target("PostgreSQL", url, lambda: _backends(admin, name))
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
        print(f"  Dropped database {name}")


def _backends(admin: sa.Engine, name: str) -> list[int]:
    """The PostgreSQL backends serving the app's connections (the server runs on this host)."""
    with admin.connect() as connection:
        return list(
            connection.scalars(
                sa.text("SELECT pid FROM pg_stat_activity WHERE datname = :name"), {"name": name}
            )
        )


def count_responses(url: str) -> tuple[int, int]:
    """How many responses there are, and the highest id."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            count, highest = connection.execute(
                sa.text("SELECT COUNT(*), MAX(id) FROM response")
            ).one()
    finally:
        engine.dispose()
    return int(count), int(highest or 0)


def ratings_since(url: str, after_id: int) -> Counter[int | None]:
    """Responses added after `after_id`, by FFT rating (None: rating not answered)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text(
                    "SELECT fft_rating, COUNT(*) FROM response WHERE id > :after"
                    " GROUP BY fft_rating"
                ),
                {"after": after_id},
            ).all()
    finally:
        engine.dispose()
    return Counter({rating: count for rating, count in rows})


# --- Clients ---------------------------------------------------------------------------------


class JourneyClient:
    """One person after another completing the FFT from a home link, each with a new browser."""

    def __init__(self, base_url: str, location: str, results: JourneyResults, phase: str) -> None:
        self.base_url, self.phase = base_url, phase
        self.prefix = f"/feedback/{location}"
        self.results = results
        self.http = requests.Session()

    def new_person(self) -> None:
        """A new browser: no cookies, so a new session and CSRF token."""
        self.http = requests.Session()
        self.http.headers[PHASE_HEADER] = self.phase  # for the workers' own account

    def run(self, journeys: int, first: int, stop: threading.Event) -> None:
        for number in range(first, first + journeys):
            if stop.is_set():
                return
            self.new_person()
            try:
                self.journey(rating=number % 6 + 1, comment=COMMENTS[number % len(COMMENTS)])
            except (JourneyError, requests.RequestException) as error:
                self.results.failures.append(f"{type(error).__name__}: {error}")

    def journey(self, rating: int, comment: str) -> None:
        started = time.perf_counter()
        self._send("start page", "GET", f"{self.prefix}/")
        # The Start button is a link to the first question; the journey begins with its answer.
        page = self._send("question page", "GET", f"{self.prefix}/{ANSWERS[0][0]}")
        token = _csrf_token(page)
        reply = page
        for index, (question, answer) in enumerate(ANSWERS):
            if index:
                self._follow("question page", reply, f"{self.prefix}/{question}")
            value = answer or (str(rating) if question == "rating" else comment)
            reply = self._answer(question, value, token)
        self._confirm_submission(reply, rating)
        self._follow("thank-you page", reply, f"{self.prefix}/thank-you")
        self.results.journeys += 1
        self.results.journey_seconds.append(time.perf_counter() - started)

    def _answer(self, question: str, value: str, token: str) -> requests.Response:
        path, data = f"{self.prefix}/{question}", {"csrf_token": token, "answer": value}
        if question != ANSWERS[-1][0]:
            return self._send("answer", "POST", path, data)
        try:  # the final answer commits the response
            return self._send("final answer", "POST", path, data)
        except requests.RequestException:
            self.results.unconfirmed += 1
            raise

    def _confirm_submission(self, reply: requests.Response, rating: int) -> None:
        """The final answer's redirect to the thank-you page means the response was stored."""
        try:
            _expect_redirect(reply, f"{self.prefix}/thank-you")
        except JourneyError:
            self.results.unconfirmed += 1
            raise
        self.results.submissions += 1
        self.results.ratings[rating] += 1

    def _follow(self, step: str, reply: requests.Response, expected_path: str) -> requests.Response:
        _expect_redirect(reply, expected_path)
        self.results.redirects += 1
        return self._send(step, "GET", expected_path)

    def _send(
        self, step: str, method: str, path: str, data: dict[str, str] | None = None
    ) -> requests.Response:
        started = time.perf_counter()
        reply = self.http.request(
            method, self.base_url + path, data=data, allow_redirects=False, timeout=REQUEST_TIMEOUT
        )
        elapsed = time.perf_counter() - started
        self.results.requests += 1
        self.results.posts += method == "POST"
        self.results.request_seconds.append(elapsed)
        self.results.step_seconds.setdefault(step, []).append(elapsed)
        if method == "GET" and reply.status_code != 200:
            raise JourneyError(f"GET {path}: {reply.status_code}")
        return reply


def _expect_redirect(reply: requests.Response, expected_path: str) -> None:
    location = reply.headers.get("Location", "")
    if reply.status_code not in (302, 303) or urlsplit(location).path != expected_path:
        raise JourneyError(
            f"{reply.request.method} {reply.request.path_url}: expected a redirect to "
            f"{expected_path}, got {reply.status_code} {location!r}"
        )


def _csrf_token(page: requests.Response) -> str:
    found = CSRF_INPUT.search(page.text)
    if found is None:
        raise JourneyError(f"no csrf_token on {page.request.path_url}")
    return found.group(1)


def noop_client(
    base_url: str, seconds: float, results: NoopResults, stop: threading.Event, phase: str = "noop"
) -> None:
    http, url = requests.Session(), base_url + NOOP_PATH
    http.headers[PHASE_HEADER] = phase
    deadline = time.perf_counter() + seconds
    while not stop.is_set() and time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            reply = http.get(url, timeout=REQUEST_TIMEOUT)
        except requests.RequestException as error:
            results.failures.append(f"{type(error).__name__}: {error}")
            continue
        results.request_seconds.append(time.perf_counter() - started)
        results.requests += 1
        if reply.status_code != 200 or reply.text != "ok":
            results.failures.append(f"GET {NOOP_PATH}: {reply.status_code}")


def run_threads(count: int, work: Callable[[int], None]) -> None:
    """Start `count` threads together and wait for all of them."""
    gate = threading.Barrier(count + 1)

    def worker(index: int) -> None:
        gate.wait()
        work(index)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    gate.wait()
    for thread in threads:
        thread.join()


def journey_phase(
    base_url: str,
    location: str,
    clients: int,
    journeys: int,
    stop: threading.Event,
    phase: str = "journeys",
) -> JourneyResults:
    per_client = [JourneyResults() for _ in range(clients)]

    def work(index: int) -> None:
        client = JourneyClient(base_url, location, per_client[index], phase)
        client.run(journeys, first=index * journeys, stop=stop)

    run_threads(clients, work)
    return _merged(per_client, JourneyResults())


def noop_phase(base_url: str, clients: int, seconds: float, stop: threading.Event) -> NoopResults:
    per_client = [NoopResults() for _ in range(clients)]
    run_threads(clients, lambda i: noop_client(base_url, seconds, per_client[i], stop))
    return _merged(per_client, NoopResults())


def _merged(parts: list[T], total: T) -> T:
    for part in parts:
        total.merge(part)  # type: ignore[attr-defined]
    return total


def warm_up(base_url: str, location: str, clients: int, stop: threading.Event) -> JourneyResults:
    warm = journey_phase(base_url, location, clients, WARMUP_JOURNEYS_PER_CLIENT, stop, "warm")
    noop_client(base_url, 1.0, NoopResults(), stop, "warm")
    return warm


# --- Report ----------------------------------------------------------------------------------


@dataclass
class Round:
    """One journey phase and the noop phase after it, on the same warm server."""

    journeys: JourneyResults
    noop: NoopResults
    journey_phase: Phase
    noop_phase: Phase

    @property
    def cpu_ms_per_journey(self) -> float:
        return self.journey_phase.server_cpu_seconds * 1000 / max(self.journeys.journeys, 1)

    @property
    def cpu_ms_per_noop(self) -> float:
        return self.noop_phase.server_cpu_seconds * 1000 / max(self.noop.requests, 1)

    @property
    def ratio(self) -> float:
        """Journey CPU against the same number of noop requests as its answers take."""
        return self.cpu_ms_per_journey / (ANSWER_REQUESTS * self.cpu_ms_per_noop or float("nan"))


@dataclass
class Outcome:
    label: str
    warm: JourneyResults
    rounds: list[Round]
    accounts: dict[str, Account] = field(default_factory=dict)
    outside_seconds: float = float("nan")
    log_clean: bool = True
    stored_ok: bool = True

    @property
    def journeys(self) -> JourneyResults:
        return _merged([r.journeys for r in self.rounds], JourneyResults())

    @property
    def noop(self) -> NoopResults:
        return _merged([r.noop for r in self.rounds], NoopResults())

    def phase(self, name: str) -> Phase:
        phases = [r.journey_phase if name == "journeys" else r.noop_phase for r in self.rounds]
        return Phase(*(sum(getattr(p, f) for p in phases) for f in Phase.__dataclass_fields__))

    def median(self, measure: str) -> float:
        return statistics.median(getattr(r, measure) for r in self.rounds)

    def spread(self, measure: str, digits: int = 1) -> str:
        values = [getattr(r, measure) for r in self.rounds]
        return f"{min(values):.{digits}f}-{max(values):.{digits}f}"

    @property
    def failed(self) -> bool:
        failures = self.warm.failures + self.journeys.failures + self.noop.failures
        return bool(failures) or not (self.log_clean and self.stored_ok)


def _rate(count: int, phase: Phase) -> str:
    return f"{count / phase.wall_seconds:.1f}"


def _busy(cpu_seconds: float, phase: Phase) -> str:
    return f"{100 * cpu_seconds / phase.wall_seconds:.0f}"


def _p(seconds: Sequence[float], pct: int) -> str:
    return f"{percentile_ms(seconds, pct):.1f}"


def table_rows(outcome: Outcome) -> list[tuple[str, str, str]]:
    """(measure, FFT journey, noop view); an empty cell where a measure does not apply."""
    fft, noop = outcome.journeys, outcome.noop
    fft_phase, noop_phase_ = outcome.phase("journeys"), outcome.phase("noop")
    done = max(fft.journeys, 1)
    return [
        ("phase wall time (s)", f"{fft_phase.wall_seconds:.1f}", f"{noop_phase_.wall_seconds:.1f}"),
        ("completed journeys / requests", str(fft.journeys), str(noop.requests)),
        ("journeys/s", _rate(fft.journeys, fft_phase), ""),
        ("requests/s", _rate(fft.requests, fft_phase), _rate(noop.requests, noop_phase_)),
        ("journey latency p50 (ms)", _p(fft.journey_seconds, 50), ""),
        ("request latency p50 (ms)", _p(fft.request_seconds, 50), _p(noop.request_seconds, 50)),
        ("request latency p95 (ms)", _p(fft.request_seconds, 95), _p(noop.request_seconds, 95)),
        ("requests per journey (start page + answers)", f"{fft.requests / done:.1f}", ""),
        ("redirects per journey (followed by hand)", f"{fft.redirects / done:.1f}", ""),
        ("POSTs per journey", f"{fft.posts / done:.1f}", ""),
        (
            "server CPU busy (% of one core)",
            _busy(fft_phase.server_cpu_seconds, fft_phase),
            _busy(noop_phase_.server_cpu_seconds, noop_phase_),
        ),
        (
            "load generator CPU (% of one core)",
            _busy(fft_phase.client_cpu_seconds, fft_phase),
            _busy(noop_phase_.client_cpu_seconds, noop_phase_),
        ),
        ("failed journeys / requests", str(len(fft.failures)), str(len(noop.failures))),
    ]


def account_rows(outcome: Outcome) -> list[tuple[str, str, str]]:
    """/proc's figures beside the workers' own account of the same requests."""
    fft, noop = outcome.journeys, outcome.noop
    inside_fft = outcome.accounts.get("journeys", Account())
    inside_noop = outcome.accounts.get("noop", Account())
    proc_fft = outcome.phase("journeys").server_cpu_seconds * 1000
    proc_noop = outcome.phase("noop").server_cpu_seconds * 1000
    return [
        (
            f"server CPU per journey / noop, /proc, {len(outcome.rounds)} rounds (ms)",
            f"{outcome.median('cpu_ms_per_journey'):.1f}",
            f"{outcome.median('cpu_ms_per_noop'):.2f}",
        ),
        (
            "  range over the rounds (ms)",
            outcome.spread("cpu_ms_per_journey"),
            outcome.spread("cpu_ms_per_noop", 2),
        ),
        (
            "  inside requests, the workers' account (ms)",
            f"{inside_fft.cpu_seconds * 1000 / max(fft.journeys, 1):.1f}",
            f"{inside_noop.per_request(inside_noop.cpu_seconds * 1000):.2f}",
        ),
        (
            "  outside the app (gunicorn, PostgreSQL) per request",
            f"{(proc_fft - inside_fft.cpu_seconds * 1000) / max(fft.requests, 1):.2f}",
            f"{(proc_noop - inside_noop.cpu_seconds * 1000) / max(noop.requests, 1):.2f}",
        ),
        (
            "SQL statements / commits per request",
            f"{inside_fft.per_request(inside_fft.queries):.1f} / "
            f"{inside_fft.per_request(inside_fft.commits):.1f}",
            f"{inside_noop.per_request(inside_noop.queries):.1f} / "
            f"{inside_noop.per_request(inside_noop.commits):.1f}",
        ),
    ]


def print_report(outcome: Outcome) -> None:
    print(f"\n  {'':<54}{'FFT journey':>14}{'noop view':>14}")
    for label, fft, noop in table_rows(outcome) + account_rows(outcome):
        print(f"  {label:<54}{fft:>14}{noop:>14}")
    print(
        f"  workers' CPU outside the app over their life: {outcome.outside_seconds:.1f} s"
        " (boot, and gunicorn around each request)"
    )
    _print_steps(outcome.journeys)
    ratio, spread = outcome.median("ratio"), outcome.spread("ratio")
    print(f"\n  Journey CPU / ({ANSWER_REQUESTS} x noop CPU): {ratio:.1f}x (rounds {spread})")
    _print_target(outcome)


def _print_steps(journeys: JourneyResults) -> None:
    print(f"\n  {'FFT request latency by step (ms)':<44}{'count':>8}{'p50':>10}{'p95':>10}")
    for step, seconds in journeys.step_seconds.items():
        print(f"    {step:<42}{len(seconds):>8}{_p(seconds, 50):>10}{_p(seconds, 95):>10}")


def _print_target(outcome: Outcome) -> None:
    budget = TARGET_CPU_MS_PER_JOURNEY[outcome.label]
    if outcome.journeys.journeys == 0:
        print(f"  Target {budget:.0f} ms: not measured, no journey completed")
        return
    spent = outcome.median("cpu_ms_per_journey")
    verdict = "MET" if spent <= budget else "NOT MET"
    print(
        f"  Target: at most {budget:.0f} ms of server CPU per journey: {verdict} ({spent:.1f} ms)"
    )


def print_summary(outcomes: list[Outcome]) -> None:
    print(
        f"\n  {'':<14}{'ms/journey':>12}{'ms/noop':>10}{'ratio':>8}{'SQL/req':>9}{'commit/req':>11}"
    )
    for outcome in outcomes:
        inside = outcome.accounts.get("journeys", Account())
        print(
            f"  {outcome.label:<14}{outcome.median('cpu_ms_per_journey'):>12.1f}"
            f"{outcome.median('cpu_ms_per_noop'):>10.2f}{outcome.median('ratio'):>7.1f}x"
            f"{inside.per_request(inside.queries):>9.1f}{inside.per_request(inside.commits):>11.2f}"
        )
    print(f"  (ratio: journey CPU / ({ANSWER_REQUESTS} x noop CPU); medians over the rounds)")


def print_failures(label: str, failures: list[str]) -> None:
    if not failures:
        return
    print(f"\n  ! {len(failures)} {label} failed; the most common reasons:")
    for reason, count in Counter(failures).most_common(5):
        print(f"    {count:>5} x {reason}")


def check_database(url: str, before: tuple[int, int], outcome: Outcome) -> bool:
    """Exactly one new response per confirmed submission, with the ratings sent."""
    count, _ = count_responses(url)
    journeys = [outcome.warm] + [r.journeys for r in outcome.rounds]
    submitted = sum(j.submissions for j in journeys)
    unconfirmed = sum(j.unconfirmed for j in journeys)
    added = count - before[0]
    stored = ratings_since(url, before[1])
    sent = sum((j.ratings for j in journeys), Counter())
    print(
        f"\n  Database: {before[0]} demo responses before, {count} after: {added} added; "
        f"{submitted} submissions confirmed ({unconfirmed} unconfirmed)"
    )
    if added == submitted and stored == sent:
        print("  Database check: OK, every submission stored once, with the rating sent")
        return True
    print("\n  " + "!" * 78)
    print(
        f"  !!! DATABASE MISMATCH: {added} responses stored for {submitted} confirmed "
        f"submissions ({added - submitted:+d})"
    )
    print(f"  !!! ratings sent   {dict(sorted(sent.items()))}")
    print(f"  !!! ratings stored {dict(sorted(stored.items()))}")
    print("  " + "!" * 78)
    return False


# --- Main ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database", choices=("sqlite", "postgresql", "both"), default="both", help="(both)"
    )
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument(
        "--journeys", type=int, default=30, help="FFT journeys per client and round (default 30)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--location", default="BRAD-ASH", help="location code (default BRAD-ASH)")
    parser.add_argument("--postgres-url", default=POSTGRES_URL, help="the server to use")
    parser.add_argument(
        "--reuse-seed", action="store_true", help="keep a seeded database for the next run"
    )
    args = parser.parse_args(argv)
    if min(args.clients, args.journeys, args.workers, args.rounds) < 1:
        parser.error("--clients, --journeys, --rounds and --workers must be at least 1")
    return args


def run_rounds(
    args: argparse.Namespace,
    server: subprocess.Popen[str],
    base_url: str,
    stop: threading.Event,
    backends: Callable[[], list[int]] | None,
) -> tuple[JourneyResults, list[Round]]:
    print(f"  Warming up ({WARMUP_JOURNEYS_PER_CLIENT * args.clients} journeys) ...")
    warm = warm_up(base_url, args.location, args.clients, stop)
    rounds = []
    for number in range(1, args.rounds + 1):
        phases: list[Phase] = []
        with measured(server.pid, phases, backends):
            journeys = journey_phase(base_url, args.location, args.clients, args.journeys, stop)
        seconds = max(phases[0].wall_seconds, MIN_NOOP_SECONDS)
        with measured(server.pid, phases, backends):
            noop = noop_phase(base_url, args.clients, seconds, stop)
        rounds.append(Round(journeys, noop, *phases))
        print(
            f"  Round {number}: {args.clients} clients x {args.journeys} journeys, then noop "
            f"{seconds:.1f} s: {rounds[-1].cpu_ms_per_journey:.1f} ms a journey, "
            f"{rounds[-1].cpu_ms_per_noop:.2f} ms a noop"
        )
    return warm, rounds


def run_database(target: Target, instance: Path, args: argparse.Namespace) -> Outcome:
    env = server_environment(instance, target.url)
    before = count_responses(target.url)
    port, stop = free_port(), threading.Event()
    base_url = f"http://127.0.0.1:{port}"
    with open(instance / "gunicorn.log", "w+", encoding="utf-8") as log:
        server = start_server(env, port, args.workers, log)
        try:
            wait_until_serving(server, base_url, args.workers)
            print(f"  gunicorn pid {server.pid} serving {base_url}, every worker booted")
            rounds = run_rounds(args, server, base_url, stop, target.backends)
            outcome = Outcome(target.label, *rounds)
        finally:
            stop.set()
            stop_server(server)  # the workers write their accounts as they exit
            log.seek(0)
            log_clean = print_server_log(log.read())
    outcome.log_clean = log_clean
    outcome.accounts, outcome.outside_seconds = read_accounting(instance)
    print_report(outcome)
    print_failures("journeys", outcome.warm.failures + outcome.journeys.failures)
    print_failures("noop requests", outcome.noop.failures)
    outcome.stored_ok = check_database(target.url, before, outcome)
    return outcome


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(
        f"FFT journey benchmark: {args.clients} clients, {args.workers} gunicorn sync workers, "
        f"{os.cpu_count()} CPUs, location {args.location}, {args.rounds} rounds"
    )
    outcomes: list[Outcome] = []
    if args.database in ("sqlite", "both"):
        with tempfile.TemporaryDirectory(prefix="feedback-benchmark-") as folder:
            print(f"\nSQLite: building the database in {folder} ...")
            with sqlite_target(Path(folder), args.reuse_seed) as target:
                outcomes.append(run_database(target, Path(folder), args))
    if args.database in ("postgresql", "both"):
        with tempfile.TemporaryDirectory(prefix="feedback-benchmark-") as folder:
            print("\nPostgreSQL: building the database ...")
            with postgres_target(args.postgres_url, Path(folder), args.reuse_seed) as pg:
                if pg is not None:
                    outcomes.append(run_database(pg, Path(folder), args))
    if outcomes:
        print_summary(outcomes)
    return 1 if any(outcome.failed for outcome in outcomes) else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print(
            "\nInterrupted: gunicorn stopped (if started), temp folder removed, database dropped.",
            file=sys.stderr,
        )
        sys.exit(130)
