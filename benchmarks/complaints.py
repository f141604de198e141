"""Benchmark: complaint figures and case lists over five years of cases, against floors.

    .venv/bin/python benchmarks/complaints.py [--cases N] [--backend sqlite|postgres|both]

For each backend (SQLite in a temp file; PostgreSQL in a temp schema, skipped with a note when
the server does not answer), in a database built by the real migrations:

1. loads a small organisation (a trust, 3 directorates, 21 services), a px_team user, N cases
   received over the five years up to today and worked as the team would (most closed, some
   open and overdue; clock dates from the clock module, KO41a coding when closed) and N/5
   compliments, all with bulk inserts;
2. times, median of 5 runs after a warm-up and each with a fresh session: the figures for the
   last full financial year (trust, directorate, service), the KO41a rows, the worklists and
   their counts, and the real pages through the Flask test client, signed in as px_team;
3. beside floors measured in the same run on the same database: SELECT 1, one hand-written
   GROUP BY over the complaint table, and a do-nothing page.

Only the ratios to the floors carry across machines; the milliseconds are this run's. The
PostgreSQL schema is ANALYZEd after loading (autovacuum would do it within a minute); the
SQLite file is not, as nothing in the app runs ANALYZE there.
"""

from __future__ import annotations

import argparse
import io
import random
import signal
import statistics
import sys
import tempfile
import time
import uuid
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from feedback import create_app
from feedback.auth.models import Role, User
from feedback.auth.services import create_user
from feedback.complaints import clock, figures
from feedback.complaints.models import (
    CaseKind,
    CaseStatus,
    CategoryList,
    Complaint,
    Compliment,
    ComplimentSource,
    ContactPreference,
    Ko41aCategory,
    Outcome,
    ReceivedBy,
    complaint_category,
)
from feedback.complaints.queries import count_worklists, list_worklist
from feedback.extensions import db
from feedback.organisation.models import Directorate, Service, Trust

POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
EMAIL, PASSWORD = "px.team@benchmark.example", "benchmark-password"
NOOP_PATH = "/bench-nothing"
RUNS, CHUNK, TARGET_DAYS = 5, 5000, 25
WORKLISTS = ("acknowledge", "overdue", "open", "closed")
DIRECTORATES = (("MH", "Mental health"), ("CH", "Community health"), ("FYPC", "Families"))
STORIES = (
    "My father was discharged without anyone telling the family.",
    "I waited four months for a first appointment with the community team.",
    "A nurse spoke to me rudely in front of other patients.",
    "My medication was changed and nobody explained why.",
    "Appointments were cancelled twice at short notice.",
)
GROUP_BY_FLOOR = sa.text(
    "SELECT service_id, kind, COUNT(*) FROM complaint"
    " WHERE received_on BETWEEN :start AND :end GROUP BY service_id, kind"
).bindparams(sa.bindparam("start", type_=sa.Date), sa.bindparam("end", type_=sa.Date))

between = cache(clock.working_days_between)
clock_for = cache(lambda received: clock.compute_clock(received, TARGET_DAYS))
WORKING_DAYS: list[date] = []  # every working day of the data's span, by clock.is_working_day


def index_working_days(first: date, last: date) -> None:
    """Make `after` a lookup: 80,000 distinct (day, count) calls would take a minute."""
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    WORKING_DAYS[:] = [day for day in days if clock.is_working_day(day)]
    for day, count in ((first, 1), (first + timedelta(days=400), 45), (last - timedelta(400), 3)):
        assert after(day, count) == clock.working_days_after(day, count)


def after(day: date, count: int) -> date:
    """The `count`th working day strictly after `day`, as clock.working_days_after counts."""
    return WORKING_DAYS[bisect_right(WORKING_DAYS, day) + count - 1]


# --- The databases ---------------------------------------------------------------------------


@contextmanager
def sqlite_database() -> Iterator[tuple[str, dict[str, Any], str]]:
    with tempfile.TemporaryDirectory(prefix="complaints-benchmark-") as folder:
        yield f"sqlite:///{folder}/bench.sqlite3", {}, folder


@contextmanager
def postgres_database(url: str) -> Iterator[tuple[str, dict[str, Any], str] | None]:
    """A fresh schema, dropped afterwards whatever happens; None when PostgreSQL is not there."""
    admin = sa.create_engine(url, connect_args={"connect_timeout": 3})
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    try:
        with admin.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError as error:
        print(f"  PostgreSQL not reachable at {url}: skipped ({str(error).splitlines()[0]})")
        admin.dispose()
        yield None
        return
    try:
        with tempfile.TemporaryDirectory(prefix="complaints-benchmark-") as folder:
            yield url, {"connect_args": {"options": f"-csearch_path={schema}"}}, folder
    finally:
        with admin.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
        print(f"  Dropped schema {schema}")


def build_app(url: str, engine_options: dict[str, Any], folder: str) -> Flask:
    settings = {
        "TESTING": True,
        "SECRET_KEY": "complaints-benchmark-secret",
        "DATABASE_URL": url,
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options,
        "SESSION_COOKIE_SECURE": False,
        "WTF_CSRF_ENABLED": False,
    }
    app = create_app(settings, instance_path=folder)
    app.add_url_rule(NOOP_PATH, "bench_nothing", lambda: "ok")  # before the first request
    log = io.StringIO()
    try:
        with app.app_context(), redirect_stderr(log):  # Alembic's INFO lines, unless it fails
            upgrade()
    except Exception:
        print(log.getvalue(), file=sys.stderr)
        raise
    return app


# --- The data --------------------------------------------------------------------------------


def seed_organisation() -> tuple[list[int], int]:
    trust = Trust(code="RBENCH", name="Benchmark Partnership NHS Trust")
    db.session.add(trust)
    db.session.flush()
    services = []
    for code, name in DIRECTORATES:
        directorate = Directorate(trust_id=trust.id, code=code, name=name)
        services += [
            Service(directorate=directorate, code=f"{code}-{n}", name=f"{name} {n}")
            for n in range(1, 8)
        ]
        db.session.add(directorate)
    user = create_user(email=EMAIL, name="Pat Experience", role=Role.PX_TEAM, password=PASSWORD)
    db.session.flush()
    return [s.id for s in services], user.id


def read_categories() -> dict[CategoryList, list[int]]:
    lists: dict[CategoryList, list[int]] = {which: [] for which in CategoryList}
    for category in db.session.scalars(sa.select(Ko41aCategory).order_by(Ko41aCategory.position)):
        lists[category.list].append(category.id)
    return lists


# Every column, so each row has the same keys; what the team does later fills the None ones.
CASE_START: dict[str, Any] = dict.fromkeys(Complaint.__table__.columns.keys()) | {
    "status": CaseStatus.RECEIVED,
    "complainant_name": "Sam Taylor",
    "contact_preference": ContactPreference.EMAIL,
    "email": "sam@example.com",
    "outcome_wanted": "An explanation",
    "language": "en",
    "target_working_days": TARGET_DAYS,
}


def new_case(i: int, received: date, services: list[int], rng: random.Random) -> dict[str, Any]:
    computed, by_patient = clock_for(received), rng.random() < 0.6
    return CASE_START | {
        "id": i + 1,
        "reference": f"PX-{i:08d}",
        "kind": CaseKind.PALS if rng.random() < 0.4 else CaseKind.COMPLAINT,
        "received_by": rng.choice(list(ReceivedBy)),
        "received_on": received,
        "service_id": rng.choice(services) if rng.random() < 0.95 else None,
        "raised_by_patient": by_patient,
        "patient_consent": None if by_patient else rng.random() < 0.9,
        "patient_name": None if by_patient else "Alex Taylor",
        "what_happened": rng.choice(STORIES),
        "happened_on": received - timedelta(days=rng.randint(1, 60)),
        "acknowledgement_due": computed.acknowledgement_due,
        "original_response_due": computed.original_response_due,
        "response_due": computed.response_due,
        "created_at": datetime(received.year, received.month, received.day, 10, tzinfo=UTC),
    }


def work_pals(case: dict[str, Any], ack: date, today: date, rng: random.Random) -> None:
    resolved = after(ack, rng.randint(1, 8))
    if resolved <= today:
        case.update(status=CaseStatus.CLOSED, closed_on=resolved)


def work_complaint(case: dict[str, Any], today: date, rng: random.Random) -> bool:
    """Move a complaint along as the team would have; True when it was closed."""
    received = case["received_on"]
    if rng.random() < 0.2:  # an extension agreed with the complainant
        case["response_due"] = after(case["original_response_due"], rng.randint(5, 15))
    if rng.random() < 0.02:  # stuck: never answered, so overdue once its date passes
        case["status"] = CaseStatus.INVESTIGATING
        return False
    taken = rng.choices([rng.randint(12, 25), rng.randint(26, 45)], weights=[82, 18])[0]
    responded, drafted = after(received, taken), after(received, max(taken - 4, 4))
    if drafted > today:
        case["status"] = CaseStatus.INVESTIGATING
        return False
    if responded > today:
        case["status"] = CaseStatus.SIGNED_OFF
        return False
    case.update(responded_on=responded, working_days_taken=between(received, responded))
    closed = after(responded, 3)
    if closed > today:
        case["status"] = CaseStatus.RESPONDED
        return False
    ombudsman = rng.random() < 0.02
    case.update(status=CaseStatus.OMBUDSMAN if ombudsman else CaseStatus.CLOSED, closed_on=closed)
    return True


def code_case(
    case: dict[str, Any], lists: dict[CategoryList, list[int]], rng: random.Random
) -> list[dict[str, int]]:
    """The outcome and KO41a coding a closed complaint carries; its complaint_category rows."""
    clinical = rng.random() < 0.4
    case.update(
        outcome=rng.choices(list(Outcome), weights=[3, 4, 4])[0],
        is_clinical=clinical,
        age_band_id=rng.choice(lists[CategoryList.AGE_BAND]),
        # The list is (patient, someone on behalf of the patient).
        complainant_status_id=lists[CategoryList.COMPLAINANT_STATUS][not case["raised_by_patient"]],
        lessons_learned="Share discharge plans with families.",
    )
    chosen = rng.sample(lists[CategoryList.SUBJECT], rng.choice([1, 1, 2]))
    extra = [CategoryList.SERVICE_AREA, CategoryList.PROFESSION]
    extra += [CategoryList.CLINICAL_SUBJECT] if clinical else []
    chosen += [rng.choice(lists[which]) for which in extra]
    return [{"complaint_id": case["id"], "category_id": c} for c in chosen]


def make_cases(
    count: int, services: list[int], user_id: int, today: date, rng: random.Random
) -> tuple[list[dict[str, Any]], list[dict[str, int]]]:
    """Cases received over five years up to today, and their complaint_category rows."""
    lists = read_categories()
    start, cases, links = today - timedelta(days=5 * 365), [], []
    span = (today - start).days
    index_working_days(start, today + timedelta(days=400))
    for i in range(count):
        case = new_case(i, start + timedelta(days=rng.randint(0, span)), services, rng)
        cases.append(case)
        ack = after(case["received_on"], rng.choice([1, 2, 2, 3, 3, 5]))
        if ack > today or (case["kind"] == CaseKind.COMPLAINT and rng.random() < 0.005):
            continue  # waiting to be acknowledged (or forgotten: a problem for the team)
        case.update(status=CaseStatus.ACKNOWLEDGED, acknowledged_on=ack)
        if case["kind"] == CaseKind.PALS:
            work_pals(case, ack, today, rng)
            continue
        case["investigator_id"] = user_id
        if work_complaint(case, today, rng):
            links += code_case(case, lists, rng)
    return cases, links


def bulk_insert(table: Any, rows: list[dict[str, Any]]) -> None:
    """One executemany a chunk (psycopg pipelines it); render_nulls, or the ORM splits the
    rows into batches by which keys are None. (RETURNING would batch rows into one statement,
    but psycopg then spends longer parsing those statements than the server spends on them.)"""
    statement = sa.insert(table).execution_options(render_nulls=True)
    for first in range(0, len(rows), CHUNK):
        db.session.execute(statement, rows[first : first + CHUNK])


def load(app: Flask, count: int, today: date) -> tuple[int, float]:
    """Everything the benchmark reads; returns the px_team user's id and the seconds it took."""
    rng, started = random.Random(2024), time.perf_counter()
    with app.app_context():
        services, user_id = seed_organisation()
        cases, links = make_cases(count, services, user_id, today, rng)
        bulk_insert(Complaint, cases)
        bulk_insert(complaint_category, links)
        first, thanks = today - timedelta(days=5 * 365), "Thank you to the whole team."
        compliments = [
            {"received_on": first + timedelta(days=rng.randint(0, 5 * 365)), "team": None,
             "service_id": rng.choice(services), "source": rng.choice(list(ComplimentSource)),
             "summary": thanks, "logged_by_id": user_id, "created_at": datetime.now(UTC)}
            for _ in range(max(count // 5, 1))
        ]  # fmt: skip
        bulk_insert(Compliment, compliments)
        db.session.commit()
        db.session.remove()
        if db.engine.dialect.name == "postgresql":  # the ids were given: move the sequence on
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(
                    sa.text("SELECT setval(pg_get_serial_sequence('complaint', 'id'), :n)"),
                    {"n": count},
                )
                conn.execute(sa.text("ANALYZE"))
    return user_id, time.perf_counter() - started


def print_counts(app: Flask, period: figures.Period) -> None:
    tables = ("complaint", "complaint_category", "compliment", "ko41a_category", "service")
    in_period = Complaint.received_on.between(period.start, period.end)
    with app.app_context():
        count = db.session.scalar
        rows = {t: count(sa.text(f"SELECT COUNT(*) FROM {t}")) for t in tables}  # noqa: S608
        in_year = count(sa.select(sa.func.count(Complaint.id)).where(in_period))
        by_status = db.session.execute(
            sa.select(Complaint.status, sa.func.count()).group_by(Complaint.status)
        ).all()
        db.session.remove()
    print("  Rows: " + ", ".join(f"{t} {n}" for t, n in rows.items()))
    print(f"  Cases received in {period.label}: {in_year}")
    print("  By status: " + ", ".join(f"{s.value} {n}" for s, n in sorted(by_status)))


# --- Timing ----------------------------------------------------------------------------------


Timing = tuple[str, float, float]  # operation, median ms, fastest ms


def measure(
    name: str, action: Callable[[], object], reset: Callable[[], None] = lambda: None
) -> Timing:
    """The median of RUNS after a warm-up, and the fastest (what is left when others load the
    machine: on a busy 2-core box the median moves more than the minimum)."""
    reset()
    action()  # warm-up
    seconds = []
    for _ in range(RUNS):
        reset()
        started = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - started)
    return name, statistics.median(seconds) * 1000, min(seconds) * 1000


def time_queries(app: Flask, user_id: int, year: int, today: date) -> list[Timing]:
    period = figures.financial_year(year)
    with app.app_context():
        user = db.session.get(User, user_id)
        assert user is not None and user.role == Role.PX_TEAM
        db.session.expunge(user)  # detached, role loaded: usable across fresh sessions
        window = {"start": period.start, "end": period.end}
        operations: list[tuple[str, Callable[[], object]]] = [
            ("SELECT 1 (floor)", lambda: db.session.execute(sa.text("SELECT 1")).all()),
            ("GROUP BY service, kind (floor)",
             lambda: db.session.execute(GROUP_BY_FLOOR, window).all()),
            *((f"figures by {by}", lambda by=by: figures.compute_complaint_figures(period, by))
              for by in (figures.TRUST, figures.DIRECTORATE, figures.SERVICE)),
            (f"ko41a_rows({year})", lambda: figures.ko41a_rows(year)),
            *((f"list_worklist {which}", lambda which=which: list_worklist(user, which, today))
              for which in WORKLISTS),
            ("count_worklists", lambda: count_worklists(user, today)),
        ]  # fmt: skip
        results = [measure(name, action, db.session.remove) for name, action in operations]
        db.session.remove()
    return results


def time_pages(app: Flask, year: int) -> list[Timing]:
    """Through the test client, outside any app context: each request gets its own session."""
    client = app.test_client()
    reply = client.post("/auth/sign-in", data={"email": EMAIL, "password": PASSWORD})
    if reply.status_code != 302:
        raise RuntimeError(f"sign-in failed: {reply.status_code}")
    paths = (
        NOOP_PATH,
        "/complaints/?list=overdue",
        "/complaints/?list=closed",
        f"/complaints/figures/?year={year}",
        f"/complaints/figures/ko41a.csv?year={year}",
    )

    def get(path: str) -> None:
        page = client.get(path)
        if page.status_code != 200:
            raise RuntimeError(f"GET {path}: {page.status_code}")

    floor = {NOOP_PATH: " (floor)"}
    return [measure(f"GET {p}{floor.get(p, '')}", lambda p=p: get(p)) for p in paths]


def print_table(queries: list[Timing], pages: list[Timing]) -> None:
    """Queries against the hand-written GROUP BY (it against SELECT 1); pages against noop."""
    print(f"\n  {'operation':<50}{'median ms':>10}{'min ms':>9}{'ratio':>8}  to the floor")
    rows = [(queries[0], None, ""), (queries[1], queries[0], "SELECT 1")]
    rows += [(timing, queries[1], "GROUP BY") for timing in queries[2:]]
    rows += [(pages[0], None, "")] + [(timing, pages[0], "noop page") for timing in pages[1:]]
    for (name, median, fastest), floor, label in rows:
        ratio = f"{median / floor[1]:>7.1f}x  {label}" if floor else ""
        print(f"  {name:<50}{median:>10.2f}{fastest:>9.2f} {ratio}".rstrip())


def last_full_financial_year(today: date) -> int:
    return (today.year if today.month >= 4 else today.year - 1) - 1


def run_backend(label: str, target: tuple[str, dict[str, Any], str], cases: int) -> None:
    url, options, folder = target
    today = datetime.now(clock.TRUST_TIMEZONE).date()  # the pages use today: so does the data
    year = last_full_financial_year(today)
    started = time.perf_counter()
    app = build_app(url, options, folder)
    print(f"  Schema built by the migrations in {time.perf_counter() - started:.1f} s")
    try:
        user_id, seconds = load(app, cases, today)
        print(f"  Loaded {cases} cases in {seconds:.1f} s (bulk inserts, clock computed)")
        period = figures.financial_year(year)
        print_counts(app, period)
        print(f"  Timing: financial year {period.label}, today {today}, median of {RUNS} runs")
        queries = time_queries(app, user_id, year, today)
        pages = time_pages(app, year)
        print(f"\n  {label}: median of {RUNS} after a warm-up")
        print_table(queries, pages)
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=50_000, help="cases to load (50000)")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument("--postgres-url", default=POSTGRES_URL, help="server, not the schema")
    args = parser.parse_args(argv)
    if args.cases < 1:
        parser.error("--cases must be at least 1")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(f"Complaints benchmark: {args.cases} cases over five years")
    if args.backend in ("sqlite", "both"):
        print("\nSQLite (temp file)")
        with sqlite_database() as target:
            run_backend("SQLite", target, args.cases)
    if args.backend in ("postgres", "both"):
        print("\nPostgreSQL (temp schema)")
        with postgres_database(args.postgres_url) as pg_target:
            if pg_target is not None:
                run_backend("PostgreSQL", pg_target, args.cases)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\nInterrupted: temp folder removed, schema dropped.", file=sys.stderr)
        sys.exit(130)
