"""Benchmark: the staff dashboard and People's Council pages on a trust's five years.

    .venv/bin/python benchmarks/dashboard.py [--responses N] [--complaints N]
                                             [--comment-share F] [--only sqlite|postgresql]
                                             [--profile]

For each database (SQLite in a temp file; PostgreSQL in a temp schema, dropped at the end,
skipped with a note when the server does not answer), in a schema built by the real migrations:

1. loads the metrics benchmark's trust (`metrics.load`: 3 directorates, 30 services, 100 wards,
   units and teams, one service moved directorate two years ago; N FFT responses over the five
   years up to today, the monthly eligible counts, the complaints benchmark's cases and
   compliments), and gives a share of the responses (0.3 unless told) a tagged comment with one
   to three themes, as the tagging job would have left them; then (VACUUM) ANALYZE;
2. fills every summary table with the scheduler's own job functions, in the order
   `flask seed-demo` (`cli._refresh_summaries`) runs them: FFT `recompute_everything`,
   `summarise_complaints`, `evaluate_all_targets`, `summarise_themes`,
   `compute_early_warnings`, each committed and timed on a fresh session; ANALYZE again, then
   the early-warnings job once more (its hourly run, the tables already full);
3. signs in a px_team user, a service manager (one busy service) and a People's Council member
   through the real sign-in form, and times through the Flask test client (server time, no
   network), for each page: the first (cold) call, then the median and p95 of 20 warm calls;
   every call must answer 200 with a figure predicted from the seeded responses (a count the
   page shows, counted here straight from the response table), so a failing page is never
   timed as fast; one more call counts its SQL statements and their time;
4. against a floor measured in the same run, on the same app and database, through the same
   signed-in client: a do-nothing view added to the app for the benchmark (median of 20).

Pages: the trust (last complete month; a financial year against the year before), a
directorate, a busy inpatient ward, the service manager's service, the People's Council summary
for the last complete quarter, and the CSV exports of the trust breakdown and a ward's trend.

Goal: every page under 200 ms (median warm, server time), on both databases. Only the ratios
to the floor carry across machines; the milliseconds are this run's, on a machine (2 cores)
other work shares, so they are noisy: the floor is measured again after the pages to show it.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import math
import pstats
import random
import signal
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

# The metrics and complaints benchmarks sit beside this file (sys.path[0] when run as a
# script): their databases, app, trust and load are this benchmark's too.
import complaints as complaints_benchmark
import metrics as metrics_benchmark
import sqlalchemy as sa
from flask import Flask, Response
from flask.testing import FlaskClient
from markupsafe import escape

from feedback.auth.models import Role
from feedback.auth.services import create_user
from feedback.complaints.summary import summarise_complaints
from feedback.dashboard.periods import (
    Span,
    comparison_for,
    financial_year_of,
    latest_complete_month,
    month_span,
    quarter_from_args,
    quarter_of,
    year_span,
)
from feedback.dashboard.warning_job import compute_early_warnings
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.compute import recompute_everything
from feedback.organisation.models import (
    CareSetting,
    Directorate,
    Location,
    LocationKind,
    Service,
    Trust,
)
from feedback.surveys.models import Response as FftResponse
from feedback.targets.evaluate import evaluate_all_targets
from feedback.themes.models import Comment, CommentTheme, Theme
from feedback.themes.summary import summarise_themes

PAGE_RUNS, FLOOR_RUNS, GOAL_MS = 20, 20, 200.0
COMMENT_SHARE, CHUNK = 0.3, 20_000
NOOP_PATH = "/__benchmark/dashboard-noop"
PASSWORD = complaints_benchmark.PASSWORD
# As tests/conftest.py `_settings` builds the app, on top of the complaints benchmark's.
SETTINGS = {
    "SERVER_NAME": "feedback.test",
    "SESSION_COOKIE_SECURE": False,
    "WTF_CSRF_ENABLED": False,
    "THEMES_DEMO_LABELLED": "",
}
USERS = {
    "px_team": ("px.dashboard@benchmark.example", "Pat Dashboard", Role.PX_TEAM),
    "service_manager": ("manager@benchmark.example", "Sam Manager", Role.SERVICE_MANAGER),
    "peoples_council": ("council@benchmark.example", "Chris Council", Role.PEOPLES_COUNCIL),
}
SUMMARY_TABLES = (
    "fft_day",
    "fft_summary",
    "complaint_summary",
    "target_status",
    "theme_summary",
    "spc_series",
    "spc_point",
    "early_warning",
)
# Sentiment the tagging job gives, by FFT rating (1 very good .. 5 very poor, 6 don't know).
SENTIMENTS = {1: "positive", 2: "positive", 3: "neutral", 4: "negative", 5: "negative"}
COMMENT_COLUMNS = (
    "id",
    "source",
    "source_id",
    "source_ref",
    "text",
    "question",
    "rating",
    "language",
    "location_id",
    "service_id",
    "received_on",
    "received_month",
    "collected_at",
    "tagged_at",
    "tagged_by",
    "sentiment",
    "sentiment_scale",
    "is_urgent",
)
THEME_COLUMNS = ("comment_id", "theme_id", "origin", "score")


def _noop() -> Response:
    return Response("ok", mimetype="text/plain")


def build_app(target: tuple[str, dict[str, Any], str]) -> Flask:
    """The complaints benchmark's app (the real migrations), set up as the tests set it up,
    plus the do-nothing view: on this app object only, before its first request."""
    url, options, folder = target
    app = complaints_benchmark.build_app(url, options, folder)
    app.config.update(SETTINGS)
    app.add_url_rule(NOOP_PATH, "benchmark_dashboard_noop", _noop, methods=["GET"])
    return app


# --- Comments: what the tagging job would have left ---------------------------------------------


def insert_rows(table: sa.Table, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """COPY on PostgreSQL; Core executemany in chunks on SQLite (as metrics.insert_responses)."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        raw = connection.connection.driver_connection
        assert raw is not None
        copying = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(copying) as copy:
            for row in rows:
                copy.write_row(row)
        return
    statement = sa.insert(table)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        connection.execute(statement, [dict(zip(columns, row, strict=True)) for row in chunk])


def _sentiment(rating: int | None, rng: random.Random) -> str:
    if rng.random() < 0.1:  # the model is not always the rating's echo
        return rng.choice(("positive", "neutral", "negative"))
    return SENTIMENTS.get(rating or 6, "neutral")


def seed_comments(app: Flask, share: float) -> tuple[int, int, float]:
    """A comment for `share` of the responses (each with its response's place, day and rating),
    tagged with one to three themes, a few themes far more often than the rest."""
    rng, started = random.Random(2026), time.perf_counter()
    with app.app_context():
        service_of = dict(db.session.execute(sa.select(Location.id, Location.service_id)).all())
        themes = db.session.scalars(
            sa.select(Theme.id).where(Theme.group != "No theme").order_by(Theme.position)
        ).all()
        weights = [1 / (rank + 1) for rank in range(len(themes))]
        r = FftResponse
        found = db.session.execute(
            sa.select(
                r.id, r.location_id, r.submitted_on, r.submitted_month, r.fft_rating, r.language
            ).order_by(r.id)
        ).all()
        now, comments, links = datetime.now(UTC), [], []
        for response_id, location, day, month, rating, language in found:
            if rng.random() >= share:
                continue
            comment_id = len(comments) + 1
            comments.append(
                (comment_id, "fft", response_id, f"FFT-{response_id}", "Benchmark comment.",
                 "What was good or could be better?", rating, language, location,
                 service_of.get(location), day, month, now, now, "model 1",
                 _sentiment(rating, rng), rating if rating and rating <= 5 else None, False)
            )  # fmt: skip
            chosen = set(rng.choices(themes, weights=weights, k=rng.choice((1, 1, 2, 3))))
            links += [(comment_id, theme, "model", 0.8) for theme in sorted(chosen)]
        insert_rows(Comment.__table__, COMMENT_COLUMNS, comments)
        insert_rows(CommentTheme.__table__, THEME_COLUMNS, links)
        db.session.commit()
        if db.engine.dialect.name == "postgresql":  # the ids were given: move the sequence on
            db.session.execute(
                sa.text("SELECT setval(pg_get_serial_sequence('comment', 'id'), :n)"),
                {"n": max(len(comments), 1)},
            )
            db.session.commit()
        db.session.remove()
        metrics_benchmark.analyse()
    return len(comments), len(links), time.perf_counter() - started


# --- The summary jobs ------------------------------------------------------------------------


@dataclass
class JobRun:
    name: str
    seconds: float
    rows: int


def _jobs(today: date) -> list[tuple[str, Callable[[], int]]]:
    """`cli._refresh_summaries`'s order: FFT, complaints, targets, themes, early warnings."""
    return [
        ("FFT summaries: recompute_everything", lambda: recompute_everything(today)),
        ("complaint summary: summarise_complaints", summarise_complaints),
        ("target statuses: evaluate_all_targets", evaluate_all_targets),
        ("theme summary: summarise_themes", summarise_themes),
        ("early warnings: compute_early_warnings", lambda: compute_early_warnings(today)),
    ]


def run_job(name: str, job: Callable[[], int]) -> JobRun:
    """One job and its commit, on a fresh session, as the scheduler runs it."""
    db.session.remove()
    started = time.perf_counter()
    rows = job()
    db.session.commit()
    seconds = time.perf_counter() - started
    db.session.remove()
    return JobRun(name, seconds, rows or 0)


def fill_summaries(app: Flask, today: date) -> tuple[list[JobRun], dict[str, int]]:
    with app.app_context():
        runs = [run_job(name, job) for name, job in _jobs(today)]
        metrics_benchmark.analyse()  # as autovacuum would, before anyone opens a page
        runs.append(
            run_job(
                "early warnings again (tables full, hourly run)",
                lambda: compute_early_warnings(today),
            )
        )
        metrics_benchmark.analyse()
        count = db.session.scalar
        rows = {t: count(sa.text(f"SELECT COUNT(*) FROM {t}")) or 0 for t in SUMMARY_TABLES}  # noqa: S608
        db.session.remove()
    return runs, rows


# --- What the pages must show, counted from the responses -----------------------------------


@dataclass
class Seeded:
    """Rated responses (1-6, as the FFT counts them) per location and month, and the trust."""

    trust_id: int
    trust_name: str
    counts: dict[tuple[int, date], int]
    location_service: dict[int, int]
    service_directorate: dict[int, int]  # today's: the move was two years ago
    names: dict[tuple[str, int], str]
    inpatient_wards: list[int]

    def total(self, span: Span, keep: Callable[[int], bool] = lambda _: True) -> int:
        months = set(span.months)
        return sum(n for (loc, month), n in self.counts.items() if month in months and keep(loc))

    def in_service(self, service: int) -> Callable[[int], bool]:
        return lambda loc: self.location_service[loc] == service

    def in_directorate(self, directorate: int) -> Callable[[int], bool]:
        return lambda loc: self.service_directorate[self.location_service[loc]] == directorate

    def busiest(
        self, units: Iterable[int], keep: Callable[[int], Callable[[int], bool]], span: Span
    ) -> int:
        return max(units, key=lambda unit: (self.total(span, keep(unit)), -unit))


def read_seeded(app: Flask) -> Seeded:
    with app.app_context():
        r = FftResponse
        counts = db.session.execute(
            sa.select(r.location_id, r.submitted_month, sa.func.count())
            .where(r.fft_rating.between(1, 6))
            .group_by(r.location_id, r.submitted_month)
        ).all()
        trust = db.session.execute(sa.select(Trust.id, Trust.name).order_by(Trust.id)).first()
        assert trust is not None
        locations = db.session.execute(
            sa.select(
                Location.id, Location.name, Location.service_id, Location.kind, Location.setting
            )
        ).all()
        services = db.session.execute(
            sa.select(Service.id, Service.name, Service.directorate_id)
        ).all()
        directorates = db.session.execute(sa.select(Directorate.id, Directorate.name)).all()
        db.session.remove()
    names = {("location", i): name for i, name, *_ in locations}
    names |= {("service", i): name for i, name, _ in services}
    names |= {("directorate", i): name for i, name in directorates}
    wards = [
        i
        for i, _, _, kind, setting in locations
        if kind == LocationKind.WARD and setting == CareSetting.INPATIENT
    ]
    return Seeded(
        trust.id,
        trust.name,
        {(loc, month): n for loc, month, n in counts},
        {i: service for i, _, service, *_ in locations},
        {i: directorate for i, _, directorate in services},
        names,
        wards,
    )


def change_words(now: int, before: int) -> str:
    """The page's `change` macro."""
    diff = now - before
    return f"up {diff}" if diff > 0 else f"down {-diff}" if diff < 0 else "no change"


def headline(
    seeded: Seeded, span: Span, compare: str | None, keep: Callable[[int], bool] = lambda _: True
) -> str:
    """The FFT responses headline as unit.html renders it, with its change on the comparison."""
    before = comparison_for(span, compare)
    assert before is not None
    now, then = seeded.total(span, keep), seeded.total(before, keep)
    return (
        f'<dd class="nhsuk-summary-list__value">{now} '
        f'<span class="app-change">{change_words(now, then)} on {before.label}</span>'
    )


def html_has(*needles: str) -> Callable[[str], str | None]:
    def check(body: str) -> str | None:
        missing = [n for n in needles if n not in body]
        return f"missing {missing!r}" if missing else None

    return check


def csv_has(*rows: tuple[str, ...]) -> Callable[[str], str | None]:
    """Each expected row's first cells must start some row of the CSV."""

    def check(body: str) -> str | None:
        found = list(csv.reader(io.StringIO(body)))
        missing = [row for row in rows if not any(tuple(r[: len(row)]) == row for r in found)]
        return f"no row starting {missing!r}" if missing else None

    return check


# --- Timing ----------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    path: str
    user: str
    check: Callable[[str], str | None]


@dataclass
class PageTiming:
    page: Page
    cold: float
    warm: list[float]
    queries: int = 0
    sql: float = 0.0

    @property
    def median(self) -> float:
        return statistics.median(self.warm)

    @property
    def p95(self) -> float:
        ordered = sorted(self.warm)  # nearest rank: the 19th of 20
        return ordered[math.ceil(0.95 * len(ordered)) - 1]


def pages(seeded: Seeded, today: date) -> tuple[list[Page], dict[str, int]]:
    """The pages to time, each with what it must show; and the units they open."""
    month = month_span(latest_complete_month(today))
    fy = financial_year_of(month.first)
    year = year_span(fy if month.first.month == 3 else fy - 1)  # the last complete one
    quarter = quarter_from_args(None, today)
    q_year, q = quarter_of(quarter.first)
    units = {
        "directorate": seeded.busiest(
            set(seeded.service_directorate.values()), seeded.in_directorate, month
        ),
        "ward": seeded.busiest(seeded.inpatient_wards, lambda w: lambda loc: loc == w, month),
        "service": seeded.busiest(seeded.service_directorate, seeded.in_service, month),
    }
    d, w, s = units["directorate"], units["ward"], units["service"]
    label = {
        "directorate": seeded.names["directorate", d],
        "ward": seeded.names["location", w],
        "service": seeded.names["service", s],
    }
    name = {unit: str(escape(words)) for unit, words in label.items()}  # as the page has it
    trust = str(escape(seeded.trust_name))
    in_ward = lambda loc: loc == w  # noqa: E731
    breakdown = [
        (seeded.names["directorate", i], str(seeded.total(month, seeded.in_directorate(i))))
        for i in sorted(set(seeded.service_directorate.values()))
    ]
    listed = [
        Page(f"trust, {month.label}", "/dashboard/trust", "px_team",
             html_has(f"<h1 class=\"nhsuk-u-margin-bottom-2\">{trust}</h1>",
                      f"{month.label}, compared with", headline(seeded, month, None))),
        Page(f"trust, {year.label} against last year",
             f"/dashboard/trust?period=year&year={year.first.year}&compare=last_year", "px_team",
             html_has(trust, f"{year.label}, compared with {year.shifted(-12).label}",
                      headline(seeded, year, "last_year"))),
        Page(f"directorate: {label['directorate']}", f"/dashboard/directorate/{d}", "px_team",
             html_has(name["directorate"],
                      headline(seeded, month, None, seeded.in_directorate(d)))),
        Page(f"ward: {label['ward']}", f"/dashboard/location/{w}", "px_team",
             html_has(name["ward"], headline(seeded, month, None, in_ward))),
        Page(f"service (its manager): {label['service']}", f"/dashboard/service/{s}",
             "service_manager",
             html_has(name["service"], headline(seeded, month, None, seeded.in_service(s)))),
        Page(f"People's Council, {quarter.label.split(' (')[0]}",
             f"/council/?quarter={q_year}-Q{q}", "peoples_council",
             html_has(quarter.label, f"{seeded.total(quarter)} people answered.")),
        Page("CSV: trust breakdown", f"/dashboard/trust/{seeded.trust_id}/breakdown.csv",
             "px_team", csv_has(*breakdown)),
        Page("CSV: ward trend", f"/dashboard/location/{w}/trend.csv", "px_team",
             csv_has((month.first.strftime("%b %Y"), "2020 question",
                      str(seeded.total(month, in_ward))))),
    ]  # fmt: skip
    return listed, units


def sign_in(app: Flask, user: str) -> FlaskClient:
    email = USERS[user][0]
    client = app.test_client()
    reply = client.post("/auth/sign-in", data={"email": email, "password": PASSWORD})
    if reply.status_code != 302 or "sign-in" in reply.headers.get("Location", ""):
        raise RuntimeError(f"sign-in as {user} failed: {reply.status_code}")
    return client


def create_users(app: Flask, service_id: int) -> None:
    with app.app_context():
        service = db.session.get(Service, service_id)
        assert service is not None
        for user, (email, name, role) in USERS.items():
            services = [service] if user == "service_manager" else []
            create_user(email=email, name=name, role=role, password=PASSWORD, services=services)
        db.session.commit()
        db.session.remove()


def fetch(client: FlaskClient, page: Page) -> float:
    """One call, its body read; seconds. Anything but the page with its figure raises."""
    started = time.perf_counter()
    reply = client.get(page.path)
    body = reply.get_data(as_text=True)
    seconds = time.perf_counter() - started
    if reply.status_code != 200:
        raise RuntimeError(f"GET {page.path} ({page.user}): {reply.status_code}")
    problem = page.check(body)
    if problem:
        raise RuntimeError(f"GET {page.path} ({page.user}): {problem}")
    return seconds


def floor(client: FlaskClient) -> float:
    noop = Page("floor", NOOP_PATH, "px_team", lambda body: None if body == "ok" else body)
    fetch(client, noop)  # warm-up
    return statistics.median(fetch(client, noop) for _ in range(FLOOR_RUNS))


@dataclass
class SqlCounter:
    queries: int = 0
    seconds: float = 0.0
    started: list[float] = field(default_factory=list)

    def before(self, *_: object) -> None:
        self.started.append(time.perf_counter())

    def after(self, *_: object) -> None:
        self.queries += 1
        self.seconds += time.perf_counter() - self.started.pop()


def count_sql(app: Flask, client: FlaskClient, timing: PageTiming) -> None:
    """One more call with every statement counted and timed (not one of the timed calls)."""
    with app.app_context():
        engine = db.engine
    counter = SqlCounter()
    sa.event.listen(engine, "before_cursor_execute", counter.before)
    sa.event.listen(engine, "after_cursor_execute", counter.after)
    try:
        fetch(client, timing.page)
    finally:
        sa.event.remove(engine, "before_cursor_execute", counter.before)
        sa.event.remove(engine, "after_cursor_execute", counter.after)
    timing.queries, timing.sql = counter.queries, counter.seconds


def profile(client: FlaskClient, page: Page) -> None:
    """Where a slow page's time goes: the app's own functions, by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    fetch(client, page)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"feedback|sqlalchemy/engine/base|jinja2/environment", 25)
    print(f"\n  Profile of one warm call: {page.name}")
    for line in out.getvalue().splitlines():
        if line.strip() and not line.startswith(("   Ordered", "   List reduced")):
            print(f"    {line.rstrip()}")


@dataclass
class Timings:
    floor: float
    floor_after: float
    pages: list[PageTiming]
    units: dict[str, int]


def time_pages(app: Flask, today: date, args: argparse.Namespace) -> Timings:
    seeded = read_seeded(app)
    listed, units = pages(seeded, today)
    create_users(app, units["service"])
    clients = {user: sign_in(app, user) for user in USERS}
    floor_seconds = floor(clients["px_team"])
    results = []
    for page in listed:
        client = clients[page.user]
        cold = fetch(client, page)
        warm = [fetch(client, page) for _ in range(PAGE_RUNS)]
        results.append(PageTiming(page, cold, warm))
    for timing in results:
        count_sql(app, clients[timing.page.user], timing)
    floor_after = floor(clients["px_team"])
    if args.profile:
        for timing in results:
            if timing.median * 1000 >= GOAL_MS:
                profile(clients[timing.page.user], timing.page)
    return Timings(floor_seconds, floor_after, results, units)


# --- Printing --------------------------------------------------------------------------------


def met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def print_jobs(runs: list[JobRun], rows: dict[str, int]) -> None:
    print("\n  Summary jobs, in the scheduler's order, each committed on a fresh session")
    print(f"  {'job':<52}{'seconds':>9}{'rows':>10}")
    for run in runs:
        print(f"  {run.name:<52}{run.seconds:>9.2f}{run.rows:>10}")
    first = sum(run.seconds for run in runs[:-1])
    print(f"  All five, first run: {first:.1f} s")
    print("  Rows: " + ", ".join(f"{table} {n}" for table, n in rows.items()))


def print_table(label: str, t: Timings) -> None:
    print(f"\n  {label}: server time through the test client, {PAGE_RUNS} warm calls each")
    print(
        f"  {'page':<50}{'cold ms':>8}{'median':>8}{'p95':>8}{'x floor':>9}"
        f"{'SQL':>5}{'SQL ms':>8}  goal"
    )
    print(f"  {'floor: do-nothing view, signed in (median)':<50}{'':>8}{t.floor * 1000:>8.2f}")
    for p in t.pages:
        ok = p.median * 1000 < GOAL_MS
        print(
            f"  {p.page.name[:50]:<50}{p.cold * 1000:>8.1f}{p.median * 1000:>8.1f}"
            f"{p.p95 * 1000:>8.1f}{p.median / t.floor:>8.0f}x{p.queries:>5}{p.sql * 1000:>8.1f}"
            f"  < 200 ms {met(ok)}"
        )
    print(
        f"  Floor again after the pages: {t.floor_after * 1000:.2f} ms (the machine's noise); "
        "SQL: statements run, and their execute time, in one more call"
    )
    for p in t.pages:
        verdict = met(p.median * 1000 < GOAL_MS)
        print(
            f"  Verdict: {p.page.name}: {verdict} ({p.median * 1000:.0f} ms median, "
            f"p95 {p.p95 * 1000:.0f} ms, {p.median / t.floor:.0f}x the floor) GET {p.page.path}"
        )


def print_verdicts(results: dict[str, Timings]) -> None:
    """The goal holds only if every page meets it on every database that ran."""
    if not results:
        return
    names = " and ".join(results)
    slow = [
        f"{name}: {p.page.name} {p.median * 1000:.0f} ms"
        for name, t in results.items()
        for p in t.pages
        if p.median * 1000 >= GOAL_MS
    ]
    worst = {name: max(p.median for p in t.pages) * 1000 for name, t in results.items()}
    detail = ", ".join(f"{name} slowest {ms:.0f} ms" for name, ms in worst.items())
    print(f"\nGoal on {names}")
    print(f"  Every page under 200 ms (median warm): {met(not slow)} ({detail})")
    for line in slow:
        print(f"    over: {line}")


# --- Main ------------------------------------------------------------------------------------


def run_database(
    label: str, target: tuple[str, dict[str, Any], str], args: argparse.Namespace
) -> Timings:
    today = trust_today()  # the pages use today: so does the data
    started = time.perf_counter()
    app = build_app(target)
    print(f"  Schema built by the migrations in {time.perf_counter() - started:.1f} s")
    try:
        loaded = metrics_benchmark.load(app, args.responses, args.complaints, today)
        steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in loaded.seconds.items())
        print(
            f"  Loaded {loaded.responses} responses, {loaded.eligible} eligible counts and "
            f"{loaded.cases} cases in {sum(loaded.seconds.values()):.1f} s: {steps}"
        )
        comments, links, seconds = seed_comments(app, args.comment_share)
        print(f"  Comments: {comments}, with {links} themes, in {seconds:.1f} s")
        runs, rows = fill_summaries(app, today)
        print_jobs(runs, rows)
        with app.app_context():
            print(f"\n  Timing: today {today}; {metrics_benchmark.server_notes()}")
        timings = time_pages(app, today, args)
        print_table(label, timings)
        return timings
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=1_000_000, help="FFT responses (1000000)")
    parser.add_argument("--complaints", type=int, default=50_000, help="cases (50000)")
    parser.add_argument(
        "--comment-share", type=float, default=COMMENT_SHARE, help="responses with a comment (0.3)"
    )
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument("--profile", action="store_true", help="profile pages over the goal")
    parser.add_argument(
        "--postgres-url", default=complaints_benchmark.POSTGRES_URL, help="server, not the schema"
    )
    args = parser.parse_args(argv)
    if args.responses < 1 or args.complaints < 1:
        parser.error("--responses and --complaints must be at least 1")
    if not 0 <= args.comment_share <= 1:
        parser.error("--comment-share must be between 0 and 1")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(
        f"Dashboard benchmark: {args.responses} FFT responses ({args.comment_share:.0%} with a "
        f"comment) and {args.complaints} cases over {metrics_benchmark.YEARS} years"
    )
    results: dict[str, Timings] = {}
    if args.only in (None, "sqlite"):
        print("\nSQLite (temp file)")
        with complaints_benchmark.sqlite_database() as target:
            results["SQLite"] = run_database("SQLite", target, args)
    if args.only in (None, "postgresql"):
        print("\nPostgreSQL (temp schema)")
        with complaints_benchmark.postgres_database(args.postgres_url) as pg_target:
            if pg_target is not None:
                results["PostgreSQL"] = run_database("PostgreSQL", pg_target, args)
    print_verdicts(results)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted: temp folder removed, schema dropped.", file=sys.stderr)
        sys.exit(130)
