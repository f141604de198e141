"""Benchmark: what one Friends and Family Test submission costs the server, against a baseline.

    .venv/bin/python benchmarks/submit.py [--clients N] [--journeys M] [--workers W]

What it does, start to finish, in a throwaway instance folder:

1. builds a fresh SQLite database (`flask db upgrade`, `flask seed-demo`);
2. serves `baseline_app:app` with gunicorn on 127.0.0.1: the real app plus a do-nothing view
   at /__benchmark/noop, so both are measured on the same server and workers in one run;
3. warms up, then N client threads each complete M home-link FFT journeys at
   /feedback/<location>/ (start page, rating, reason, respondent, about you,
   thank-you: every redirect followed by hand and counted, one cookie jar per journey);
4. then the same number of threads call the noop view for as long as the journeys took;
5. reads the CPU time of the gunicorn master and workers from /proc before and after each
   phase: server CPU per journey, and per noop request;
6. checks that the database gained exactly one `response` row per confirmed submission,
   with the ratings that were sent (exit status 1 if anything was lost or duplicated).

Why ratios against a baseline measured in the same run: on a small machine (2 cores is the
target) the load generator competes with the server for the CPU, and timings move with the
machine, its load and its clock. Absolute latencies are only comparable within one run; the
ratios (journey request / noop request latency, journey CPU / noop CPU) are what carry over.
Server CPU time read from /proc does not include the load generator, which is why the 8 ms
budget for a whole FFT journey is checked against it rather than against wall time.
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TypeVar
from urllib.parse import urlsplit

import requests

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent
NOOP_PATH = "/__benchmark/noop"  # the route benchmarks/baseline_app.py adds
DATABASE_FILE = "feedback.sqlite3"
TARGET_CPU_MS_PER_JOURNEY = 8.0
WARMUP_JOURNEYS_PER_CLIENT = 2
WARMUP_NOOP_REQUESTS_PER_CLIENT = 25
MIN_NOOP_SECONDS = 3.0
REQUEST_TIMEOUT = 30.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
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


@dataclass(frozen=True)
class Phase:
    """One measured phase: wall time, server CPU and the load generator's own CPU."""

    wall_seconds: float
    server_cpu_seconds: float
    client_cpu_seconds: float


def percentile_ms(seconds: Sequence[float], pct: int) -> float:
    if not seconds:
        return float("nan")
    if len(seconds) == 1:
        return seconds[0] * 1000
    return statistics.quantiles(seconds, n=100, method="inclusive")[pct - 1] * 1000


# --- Server CPU from /proc -------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for path in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in path.read_text().split()]
        except OSError:
            continue  # the thread ended while we looked
    return found


def process_tree(root: int) -> list[int]:
    """The gunicorn master and every process below it (its workers)."""
    pids, index = [root], 0
    while index < len(pids):
        pids += _children(pids[index])
        index += 1
    return pids


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc/<pid>/stat (fields 14 and 15)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()  # the name in brackets may hold spaces
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def server_cpu(root: int) -> dict[int, float]:
    snapshot: dict[int, float] = {}
    for pid in process_tree(root):
        try:
            snapshot[pid] = cpu_seconds(pid)
        except OSError:
            continue
    return snapshot


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    if set(before) != set(after):
        print(
            f"  ! gunicorn processes changed during the phase: {sorted(before)} -> {sorted(after)}"
        )
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


@contextmanager
def measured(server_pid: int, into: list[Phase]) -> Iterator[None]:
    """Time the block and the CPU the server and this process spent in it."""
    server_before, client_before = server_cpu(server_pid), time.process_time()
    started = time.perf_counter()
    yield
    wall = time.perf_counter() - started
    server = cpu_used(server_before, server_cpu(server_pid))
    into.append(Phase(wall, server, time.process_time() - client_before))


# --- The database and the server -------------------------------------------------------------


def server_environment(instance: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FLASK_APP="wsgi.py",
        FEEDBACK_INSTANCE_PATH=str(instance),
        FEEDBACK_DATABASE_URL=f"sqlite:///{instance / DATABASE_FILE}",
        FEEDBACK_SECRET_KEY=secrets.token_hex(32),
        FEEDBACK_SESSION_COOKIE_SECURE="false",
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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    env: dict[str, str], port: int, workers: int, log: IO[str]
) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(workers),
        "--bind", f"127.0.0.1:{port}",
        "--chdir", str(PROJECT_ROOT),
        "--pythonpath", str(BENCHMARKS),
        "--error-logfile", "-",
        "baseline_app:app",
    ]  # fmt: skip
    # A session of its own: Ctrl-C reaches only this script, which then stops the server.
    return subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_until_serving(server: subprocess.Popen[str], base_url: str, workers: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode} (log below)")
        if _answers(base_url + NOOP_PATH) and len(process_tree(server.pid)) > workers:
            return
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 60 s")


def _answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def stop_server(server: subprocess.Popen[str]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # the group this script started: master and workers
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def count_responses(database: Path) -> tuple[int, int]:
    """How many responses there are, and the highest id."""
    with closing(sqlite3.connect(database)) as connection:
        count, highest = connection.execute("SELECT COUNT(*), MAX(id) FROM response").fetchone()
    return int(count), int(highest or 0)


def ratings_since(database: Path, after_id: int) -> Counter[int | None]:
    """Responses added after `after_id`, by FFT rating (None: rating not answered)."""
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT fft_rating, COUNT(*) FROM response WHERE id > ? GROUP BY fft_rating",
            (after_id,),
        ).fetchall()
    return Counter(dict(rows))


# --- Clients ---------------------------------------------------------------------------------


class JourneyClient:
    """One person after another completing the FFT from a home link, each with a new browser."""

    def __init__(self, base_url: str, location: str, results: JourneyResults) -> None:
        self.base_url = base_url
        self.prefix = f"/feedback/{location}"
        self.results = results
        self.http = requests.Session()

    def run(self, journeys: int, first: int, stop: threading.Event) -> None:
        for number in range(first, first + journeys):
            if stop.is_set():
                return
            self.http = requests.Session()  # a new person: no cookies, a new CSRF token
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


def noop_client(base_url: str, seconds: float, results: NoopResults, stop: threading.Event) -> None:
    http, url = requests.Session(), base_url + NOOP_PATH
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
    base_url: str, location: str, clients: int, journeys: int, stop: threading.Event
) -> JourneyResults:
    per_client = [JourneyResults() for _ in range(clients)]

    def work(index: int) -> None:
        client = JourneyClient(base_url, location, per_client[index])
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
    warm = journey_phase(base_url, location, clients, WARMUP_JOURNEYS_PER_CLIENT, stop)
    for _ in range(WARMUP_NOOP_REQUESTS_PER_CLIENT * clients):
        requests.get(base_url + NOOP_PATH, timeout=REQUEST_TIMEOUT)
    return warm


# --- Report ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    args: argparse.Namespace
    warm: JourneyResults
    journeys: JourneyResults
    noop: NoopResults
    journey_phase: Phase
    noop_phase: Phase


@dataclass(frozen=True)
class Summary:
    """The derived figures the table, the ratios and the target verdict are printed from."""

    completed: int
    cpu_ms_per_journey: float
    cpu_ms_per_journey_request: float
    cpu_ms_per_noop_request: float
    journey_request_p50: float
    noop_request_p50: float

    @classmethod
    def of(cls, outcome: Outcome) -> Summary:
        journeys, noop = outcome.journeys, outcome.noop
        fft_cpu_ms = outcome.journey_phase.server_cpu_seconds * 1000
        return cls(
            completed=journeys.journeys,
            cpu_ms_per_journey=fft_cpu_ms / max(journeys.journeys, 1),
            cpu_ms_per_journey_request=fft_cpu_ms / max(journeys.requests, 1),
            cpu_ms_per_noop_request=outcome.noop_phase.server_cpu_seconds
            * 1000
            / max(noop.requests, 1),
            journey_request_p50=percentile_ms(journeys.request_seconds, 50),
            noop_request_p50=percentile_ms(noop.request_seconds, 50),
        )


def _rate(count: int, phase: Phase) -> str:
    return f"{count / phase.wall_seconds:.1f}"


def _busy(cpu_seconds: float, phase: Phase) -> str:
    return f"{100 * cpu_seconds / phase.wall_seconds:.0f}"


def _p(seconds: Sequence[float], pct: int) -> str:
    return f"{percentile_ms(seconds, pct):.1f}"


def table_rows(outcome: Outcome, summary: Summary) -> list[tuple[str, str, str]]:
    """(measure, FFT journey, noop view); an empty cell where a measure does not apply."""
    fft, noop = outcome.journeys, outcome.noop
    fft_phase, noop_phase_ = outcome.journey_phase, outcome.noop_phase
    done = max(fft.journeys, 1)
    return [
        ("phase wall time (s)", f"{fft_phase.wall_seconds:.1f}", f"{noop_phase_.wall_seconds:.1f}"),
        ("completed journeys / requests", str(fft.journeys), str(noop.requests)),
        ("journeys/s", _rate(fft.journeys, fft_phase), ""),
        ("submissions/s", _rate(fft.submissions, fft_phase), ""),
        ("requests/s", _rate(fft.requests, fft_phase), _rate(noop.requests, noop_phase_)),
        ("journey latency p50 (ms)", _p(fft.journey_seconds, 50), ""),
        ("journey latency p95 (ms)", _p(fft.journey_seconds, 95), ""),
        ("request latency p50 (ms)", _p(fft.request_seconds, 50), _p(noop.request_seconds, 50)),
        ("request latency p95 (ms)", _p(fft.request_seconds, 95), _p(noop.request_seconds, 95)),
        ("requests per journey", f"{fft.requests / done:.1f}", ""),
        ("redirects per journey (followed by hand)", f"{fft.redirects / done:.1f}", ""),
        ("POSTs per journey (each one commits)", f"{fft.posts / done:.1f}", ""),
        ("server CPU per journey (ms)", f"{summary.cpu_ms_per_journey:.1f}", ""),
        (
            "server CPU per request (ms)",
            f"{summary.cpu_ms_per_journey_request:.2f}",
            f"{summary.cpu_ms_per_noop_request:.2f}",
        ),
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


def print_report(outcome: Outcome) -> None:
    summary = Summary.of(outcome)
    print(f"\n  {'':<44}{'FFT journey':>14}{'noop view':>14}")
    for label, fft, noop in table_rows(outcome, summary):
        print(f"  {label:<44}{fft:>14}{noop:>14}")
    _print_steps(outcome.journeys)
    _print_ratios(summary)
    _print_target(summary)


def _print_steps(journeys: JourneyResults) -> None:
    print(f"\n  {'FFT request latency by step (ms)':<44}{'count':>8}{'p50':>10}{'p95':>10}")
    for step, seconds in journeys.step_seconds.items():
        print(f"    {step:<42}{len(seconds):>8}{_p(seconds, 50):>10}{_p(seconds, 95):>10}")


def _print_ratios(summary: Summary) -> None:
    noop_cpu = summary.cpu_ms_per_noop_request or float("nan")  # nan: too little CPU to read
    ratios = (
        (
            "journey request p50 / noop request p50",
            summary.journey_request_p50 / summary.noop_request_p50,
        ),
        (
            "server CPU: journey request / noop request",
            summary.cpu_ms_per_journey_request / noop_cpu,
        ),
        ("server CPU: whole journey / noop request", summary.cpu_ms_per_journey / noop_cpu),
    )
    print("\n  Against the noop view (same server, same run)")
    for label, ratio in ratios:
        print(f"    {label:<52}{ratio:>8.1f}x")


def _print_target(summary: Summary) -> None:
    budget = TARGET_CPU_MS_PER_JOURNEY
    print(f"\n  Target: at most {budget:.0f} ms of server CPU per whole FFT journey")
    if summary.completed == 0:
        print("  Not measured: no journey completed")
        return
    spent = summary.cpu_ms_per_journey
    verdict = "MET" if spent <= budget else "NOT MET"
    print(f"  {verdict}: {spent:.1f} ms per journey ({spent / budget:.1f}x the budget)")


def print_failures(label: str, failures: list[str]) -> None:
    if not failures:
        return
    print(f"\n  ! {len(failures)} {label} failed; the most common reasons:")
    for reason, count in Counter(failures).most_common(5):
        print(f"    {count:>5} x {reason}")


def check_database(database: Path, before: tuple[int, int], outcome: Outcome) -> bool:
    """Exactly one new response per confirmed submission, with the ratings sent."""
    count, _ = count_responses(database)
    submitted = outcome.warm.submissions + outcome.journeys.submissions
    unconfirmed = outcome.warm.unconfirmed + outcome.journeys.unconfirmed
    added = count - before[0]
    stored = ratings_since(database, before[1])
    sent = outcome.warm.ratings + outcome.journeys.ratings
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


def print_server_log(log_text: str) -> bool:
    """Show tracebacks and errors from gunicorn's log; True when there were none."""
    problems = [
        line
        for line in log_text.splitlines()
        if "[ERROR]" in line
        or "[CRITICAL]" in line
        or "Traceback" in line
        or "WORKER TIMEOUT" in line
        or "Exception" in line
    ]
    if not problems:
        print("  Server log: no errors")
        return True
    print(f"\n  ! Server log has {len(problems)} error lines; the log from the first one:")
    start = log_text.find(problems[0])
    print("    " + "\n    ".join(log_text[start:].splitlines()[:80]))
    return False


# --- Main ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument(
        "--journeys", type=int, default=30, help="FFT journeys per client (default 30)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--location", default="BRAD-ASH", help="location code (default BRAD-ASH)")
    args = parser.parse_args(argv)
    if min(args.clients, args.journeys, args.workers) < 1:
        parser.error("--clients, --journeys and --workers must be at least 1")
    return args


def run_benchmark(
    args: argparse.Namespace, server: subprocess.Popen[str], base_url: str, stop: threading.Event
) -> Outcome:
    print(f"  Warming up ({WARMUP_JOURNEYS_PER_CLIENT * args.clients} journeys) ...")
    warm = warm_up(base_url, args.location, args.clients, stop)
    phases: list[Phase] = []
    print(f"  FFT journeys: {args.clients} clients x {args.journeys} journeys ...")
    with measured(server.pid, phases):
        journeys = journey_phase(base_url, args.location, args.clients, args.journeys, stop)
    seconds = max(phases[0].wall_seconds, MIN_NOOP_SECONDS)
    print(f"  Noop view: {args.clients} clients for {seconds:.1f} s ...")
    with measured(server.pid, phases):
        noop = noop_phase(base_url, args.clients, seconds, stop)
    return Outcome(args, warm, journeys, noop, *phases)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(
        f"FFT submission benchmark: {args.clients} clients, {args.workers} gunicorn sync "
        f"workers, {os.cpu_count()} CPUs, SQLite, location {args.location}"
    )
    with tempfile.TemporaryDirectory(prefix="feedback-benchmark-") as folder:
        instance = Path(folder)
        env, database = server_environment(instance), instance / DATABASE_FILE
        print(f"  Building the database in {instance} ...")
        prepare_database(env)
        before = count_responses(database)
        port, stop = free_port(), threading.Event()
        base_url = f"http://127.0.0.1:{port}"
        with open(instance / "gunicorn.log", "w+", encoding="utf-8") as log:
            server = start_server(env, port, args.workers, log)
            try:
                wait_until_serving(server, base_url, args.workers)
                print(f"  gunicorn pid {server.pid} serving {base_url}")
                outcome = run_benchmark(args, server, base_url, stop)
            finally:
                stop.set()
                stop_server(server)
                log.seek(0)
                log_clean = print_server_log(log.read())
        print_report(outcome)
        print_failures("journeys", outcome.warm.failures + outcome.journeys.failures)
        print_failures("noop requests", outcome.noop.failures)
        stored_ok = check_database(database, before, outcome)
    failed = outcome.warm.failures or outcome.journeys.failures or outcome.noop.failures
    return 0 if stored_ok and not failed and log_clean else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted: gunicorn stopped (if started), temp folder removed.", file=sys.stderr)
        sys.exit(130)
