"""Benchmark: half an hour of steady FFT submissions on PostgreSQL; nothing leaks, nothing fails.

    .venv/bin/python benchmarks/soak.py [--minutes 30] [--rate 20] [--clients 24] [--workers 2]
                                        [--only postgresql|sqlite] [--postgres-url URL]

Not part of CI (it takes as long as it is told to). For the database (PostgreSQL in a fresh
schema by default, dropped at the end; SQLite in a temp file with --only sqlite):

1. builds the schema with the real migrations and loads the demo organisation only, as
   benchmarks/chaos.py does;
2. serves `baseline_app:app` with gunicorn (W sync workers, 2) and waits until every worker
   has booted;
3. C client threads (24) complete home-link FFT journeys (benchmarks/submit.py's client: start
   page, rating, reason, who is answering, "about you" declined, thank-you page) paced to R
   submissions a second in all (20): journey k starts at k/R seconds, as soon after as a
   client is free, so a slow server builds a backlog instead of quietly lowering the rate;
4. prints, each minute: submissions, throughput, p95 request latency, errors, and the resident
   memory (VmRSS from /proc) of the gunicorn master and workers, in total and the largest
   worker;
5. at the end reads the database: every submission the client saw confirmed is stored once.

Exit status 1 on any error, any lost or extra response, or memory that grew by more than 20%
between the second minute (after warm-up) and the last.
"""

from __future__ import annotations

import argparse
import itertools
import math
import signal
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import chaos
import complaints as complaints_benchmark
import sqlalchemy as sa
import submit as submit_benchmark
from flask import Flask

from feedback.extensions import db
from feedback.surveys.models import Response

MEMORY_GROWTH_LIMIT = 0.20


@dataclass
class Pace:
    """Hands out start times k/R after the start: the open-loop schedule the clients follow."""

    rate: float
    started: float
    ends: float
    _next: itertools.count = field(default_factory=itertools.count)  # type: ignore[type-arg]
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def next_start(self) -> float | None:
        with self._lock:
            start = self.started + next(self._next) / self.rate
        return None if start >= self.ends else start


def client(
    base_url: str, location: str, pace: Pace, results: submit_benchmark.JourneyResults
) -> None:
    person = submit_benchmark.JourneyClient(base_url, location, results, "soak")
    for number in itertools.count():
        start = pace.next_start()
        if start is None:
            return
        time.sleep(max(start - time.monotonic(), 0))
        person.new_person()
        try:
            person.journey(
                rating=number % 6 + 1,
                comment=submit_benchmark.COMMENTS[number % len(submit_benchmark.COMMENTS)],
            )
        except Exception as error:  # a client that dies must count as failed, not vanish
            results.failures.append(f"{type(error).__name__}: {error}")


def resident_kib(root: int) -> tuple[int, int]:
    """Total VmRSS of the gunicorn master and workers, and the largest one, in KiB."""
    sizes = []
    for pid in submit_benchmark.process_tree(root):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]))
    return sum(sizes), max(sizes, default=0)


@dataclass
class Minute:
    number: int
    submissions: int
    seconds: float
    p95_ms: float
    errors: int
    rss_mib: float
    largest_mib: float


def watch(
    server_pid: int, parts: list[submit_benchmark.JourneyResults], pace: Pace
) -> list[Minute]:
    minutes: list[Minute] = []
    done_before, errors_before, requests_before = 0, 0, [0] * len(parts)
    started = time.monotonic()
    print(f"  {'min':>4} {'submitted':>10} {'per s':>7} {'p95 ms':>8} {'errors':>7} "
          f"{'RSS MiB':>9} {'largest':>8}")  # fmt: skip
    while len(minutes) < math.ceil((pace.ends - pace.started) / 60):
        time.sleep(max(started + 60 * (len(minutes) + 1) - time.monotonic(), 0))
        done = sum(p.submissions for p in parts)
        errors = sum(len(p.failures) for p in parts)
        latest: list[float] = []
        for index, part in enumerate(parts):
            latest += part.request_seconds[requests_before[index] :]
            requests_before[index] = len(part.request_seconds)
        p95 = statistics.quantiles(latest, n=20)[-1] * 1000 if len(latest) > 1 else 0.0
        total, largest = resident_kib(server_pid)
        minute = Minute(
            len(minutes) + 1, done - done_before, 60.0, p95, errors - errors_before,
            total / 1024, largest / 1024,
        )  # fmt: skip
        minutes.append(minute)
        print(
            f"  {minute.number:>4} {minute.submissions:>10} {minute.submissions / 60:>7.1f} "
            f"{minute.p95_ms:>8.0f} {minute.errors:>7} {minute.rss_mib:>9.1f} "
            f"{minute.largest_mib:>8.1f}",
            flush=True,
        )
        done_before, errors_before = done, errors
    return minutes


def stored_since(app: Flask, after_id: int) -> tuple[int, int]:
    with app.app_context():
        count = db.session.scalar(sa.select(sa.func.count()).where(Response.id > after_id))
        highest = db.session.scalar(sa.select(sa.func.max(Response.id))) or 0
        db.session.remove()
        db.engine.dispose()
    return int(count or 0), int(highest)


def soak(target: tuple[str, dict, str], args: argparse.Namespace) -> bool:  # type: ignore[type-arg]
    url, options, folder = target
    app = complaints_benchmark.build_app(url, options, folder)
    places = chaos.seed(app)
    _, before = stored_since(app, 0)
    server = chaos.Server(
        chaos.server_environment(folder, url, options), submit_benchmark.free_port(), args.workers
    )
    with open(Path(folder) / "gunicorn.log", "w+", encoding="utf-8") as log:
        try:
            chaos.cold_start(server, log, chaos.Chaos())
            now = time.monotonic()
            pace = Pace(args.rate, now, now + args.minutes * 60)
            parts = [submit_benchmark.JourneyResults() for _ in range(args.clients)]
            threads = [
                threading.Thread(
                    target=client,
                    args=(server.base_url, places.locations[i % len(places.locations)], pace, part),
                    daemon=True,
                )
                for i, part in enumerate(parts)
            ]
            for thread in threads:
                thread.start()
            minutes = watch(server.process.pid, parts, pace)  # type: ignore[union-attr]
            for thread in threads:
                thread.join(timeout=60)
        finally:
            server.stop()
        log.seek(0)
        clean = submit_benchmark.print_server_log(log.read())
    stored, _ = stored_since(app, before)
    confirmed = sum(p.submissions for p in parts)
    errors = sum(len(p.failures) for p in parts)
    submit_benchmark.print_failures("journeys", [f for p in parts for f in p.failures])
    steady = minutes[1:] or minutes
    growth = (steady[-1].rss_mib - steady[0].rss_mib) / max(steady[0].rss_mib, 1)
    p95s = [m.p95_ms for m in steady]
    print(
        f"\n  {confirmed} submissions confirmed in {args.minutes:g} min "
        f"({confirmed / (args.minutes * 60):.1f}/s against {args.rate:g}/s asked), "
        f"{stored} stored, {errors} errors; p95 per minute {min(p95s):.0f}-{max(p95s):.0f} ms; "
        f"resident memory {steady[0].rss_mib:.0f} -> {steady[-1].rss_mib:.0f} MiB "
        f"({growth:+.1%} after the first minute)"
    )
    # No submissions at all is a broken benchmark, never a pass.
    return (
        clean
        and confirmed > 0
        and not errors
        and stored == confirmed
        and growth <= MEMORY_GROWTH_LIMIT
    )


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=20.0, help="submissions a second (20)")
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--postgres-url", default=complaints_benchmark.POSTGRES_URL)
    args = parser.parse_args(argv)
    if args.minutes < 2 or args.rate <= 0 or min(args.clients, args.workers) < 1:
        parser.error("--minutes at least 2, --rate above 0, --clients and --workers at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    # Ctrl-C, or SIGTERM when started in the background (where SIGINT is ignored): gunicorn is
    # stopped and the schema dropped on the way out.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    print(
        f"Soak: {args.rate:g} FFT submissions/s for {args.minutes:g} min on {args.only}, "
        f"gunicorn with {args.workers} sync workers, {args.clients} clients"
    )
    if args.only == "sqlite":
        with complaints_benchmark.sqlite_database() as target:
            passed = soak(target, args)
    else:
        with complaints_benchmark.postgres_database(args.postgres_url) as pg_target:
            if pg_target is None:
                print("  PostgreSQL does not answer: nothing measured")
                return 1
            passed = soak(pg_target, args)
    print("OK" if passed else "FAILED")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
