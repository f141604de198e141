"""Benchmark: the FFT summary recompute and the monthly return on a trust's five years.

    .venv/bin/python benchmarks/metrics.py [--responses N] [--complaints N]
                                           [--only sqlite|postgresql]

For each database (SQLite in a temp file; PostgreSQL in a temp schema, dropped at the end,
skipped with a note when the server does not answer), in a schema built by the real migrations:

1. loads a trust (3 directorates, 30 services, 100 wards, units and teams in the three care
   settings; one service moved directorate two years ago), N FFT responses over the five years
   up to today (more each year, fewer at weekends, chronological ids as the app writes them),
   each location's monthly eligible count, and the complaints benchmark's cases and
   compliments; then ANALYZE (VACUUM ANALYZE on PostgreSQL), again after each full recompute,
   as autovacuum would between runs on a live server;
2. times, each call committed inside its timing and on a fresh session: the full recompute
   (FFT summaries, then complaint summaries, as `flask metrics recompute --all` runs them;
   twice, the second reported: the tables already full, as on every run but the first), one
   day's recompute on five days (median and max), and the monthly return for the last
   complete month (best of 3);
3. against a floor measured in the same run on the same database: one hand-written GROUP BY
   counting responses per location per month, fetched whole (best of 3, warm).

Goals: the full recompute within 3x the floor, one day under 1 s (its slowest of five), on
both databases. Only the ratios carry across machines; the seconds are this run's.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from operator import itemgetter
from typing import Any

# The complaints benchmark sits beside this file (sys.path[0] when run as a script): its
# databases, app and cases are this benchmark's too.
import complaints as complaints_benchmark
import sqlalchemy as sa
from flask import Flask

from feedback.auth.models import Role
from feedback.auth.services import create_user
from feedback.complaints.models import Complaint, Compliment, ComplimentSource, complaint_category
from feedback.complaints.summary import summarise_complaints
from feedback.db import TRUST_TIMEZONE, trust_today
from feedback.extensions import db
from feedback.metrics.compute import recompute_everything, recompute_range
from feedback.metrics.fft_return import render_csv, return_rows
from feedback.metrics.models import EligibleCount
from feedback.organisation.models import (
    CareSetting,
    Directorate,
    Location,
    LocationKind,
    Service,
    ServiceDirectorate,
    Trust,
)
from feedback.surveys.models import Response, ResponseMode

CHUNK, YEARS, FLOOR_RUNS, RETURN_RUNS = 20_000, 5, 3, 3
FULL_GOAL_RATIO, DAY_GOAL_SECONDS = 3.0, 1.0
FLOOR = sa.text(
    "SELECT location_id, submitted_month, COUNT(*) FROM response"
    " GROUP BY location_id, submitted_month"
)

INPATIENT, COMMUNITY, MENTAL_HEALTH = (
    CareSetting.INPATIENT,
    CareSetting.COMMUNITY,
    CareSetting.MENTAL_HEALTH,
)
WARD, UNIT, TEAM = LocationKind.WARD, LocationKind.UNIT, LocationKind.COMMUNITY_TEAM
# Directorate -> services: (name, setting, kind, locations, NHS England return grouping).
ORGANISATION = (
    ("CHS", "Community health services", (
        ("Loughborough Hospital", INPATIENT, WARD, 3, None),
        ("Coalville Community Hospital", INPATIENT, WARD, 3, None),
        ("Hinckley and Bosworth Hospital", INPATIENT, WARD, 3, None),
        ("St Luke's Hospital", INPATIENT, WARD, 2, None),
        ("Melton Mowbray Hospital", INPATIENT, WARD, 2, None),
        ("District nursing", COMMUNITY, TEAM, 7, "District nursing"),
        ("Community therapy", COMMUNITY, TEAM, 3, "Physiotherapy"),
        ("Podiatry", COMMUNITY, TEAM, 3, "Podiatry"),
        ("Continence service", COMMUNITY, TEAM, 1, "Continence"),
        ("Specialist nursing", COMMUNITY, TEAM, 3, "Specialist nursing"),
    )),
    ("MH", "Adult mental health", (
        ("Bradgate Mental Health Unit", MENTAL_HEALTH, UNIT, 6, "Mental health inpatient"),
        ("Older people's wards", MENTAL_HEALTH, WARD, 3, "Mental health inpatient"),
        ("Rehabilitation units", MENTAL_HEALTH, UNIT, 2, "Mental health inpatient"),
        ("Community mental health", MENTAL_HEALTH, TEAM, 6, "Community mental health"),
        ("Crisis and home treatment", MENTAL_HEALTH, TEAM, 2, "Crisis"),
        ("Psychological therapies", MENTAL_HEALTH, TEAM, 3, "Psychological therapies"),
        ("Memory service", MENTAL_HEALTH, TEAM, 2, "Older people's mental health"),
        ("Early intervention in psychosis", MENTAL_HEALTH, TEAM, 2, "Early intervention"),
        ("Learning disabilities", MENTAL_HEALTH, TEAM, 3, "Learning disabilities"),
        ("Eating disorders", MENTAL_HEALTH, TEAM, 1, "Eating disorders"),
    )),
    ("FYPC", "Families, young people and children", (
        ("Health visiting", COMMUNITY, TEAM, 10, "Health visiting"),
        ("School nursing", COMMUNITY, TEAM, 6, "School nursing"),
        ("CAMHS community", MENTAL_HEALTH, TEAM, 5, "Child and adolescent mental health"),
        ("CAMHS inpatient", MENTAL_HEALTH, UNIT, 1, "Child and adolescent mental health"),
        ("Children's community nursing", COMMUNITY, TEAM, 3, "Children's nursing"),
        ("Speech and language therapy", COMMUNITY, TEAM, 4, "Speech and language therapy"),
        ("Family nurse partnership", COMMUNITY, TEAM, 2, "Health visiting"),
        ("Children's physiotherapy", COMMUNITY, TEAM, 3, "Physiotherapy"),
        ("Community paediatrics", COMMUNITY, TEAM, 4, "Community paediatrics"),
        ("Immunisation team", COMMUNITY, TEAM, 2, "Immunisation"),
    )),
)  # fmt: skip
MOVED_SERVICE, MOVED_TO, MOVED_DAYS_AGO = "Memory service", "CHS", 2 * 365

# How busy each kind of place is, before a random factor: wards discharge every day.
VOLUME = {WARD: 3.0, UNIT: 1.0, TEAM: 1.5}
# Monday .. Sunday. Wards discharge at weekends too (fewer); most teams do not visit then.
WEEKDAYS = {
    INPATIENT: (1.1, 1.05, 1.05, 1.05, 1.25, 0.8, 0.7),
    MENTAL_HEALTH: (1.05, 1.05, 1.0, 1.0, 1.0, 0.7, 0.6),
    COMMUNITY: (1.2, 1.1, 1.1, 1.1, 1.0, 0.25, 0.15),
}
MODES = tuple(ResponseMode)  # sms, electronic/paper at discharge and home, phone, online, other
MODE_WEIGHTS = {
    INPATIENT: (10, 40, 8, 30, 2, 3, 5, 2),
    MENTAL_HEALTH: (30, 15, 15, 15, 5, 10, 8, 2),
    COMMUNITY: (45, 3, 20, 5, 10, 8, 7, 2),
}
RATINGS, RATING_WEIGHTS = (1, 2, 3, 4, 5, 6, None), (48.5, 24.25, 7.76, 5.82, 4.85, 5.82, 3)
LANGUAGES, LANGUAGE_WEIGHTS = ("en", "ur", "gu", "pa", "pl"), (95, 1.6, 1.6, 1.0, 0.8)
RESPONDENTS = ("patient", "carer", "family_or_friend", "staff_helping", None)
RESPONDENT_WEIGHTS = (72, 8, 10, 4, 6)
HOURS = tuple(range(8, 22))  # local time: visiting hours, clinics, the evening SMS reply
HOUR_WEIGHTS = (2, 5, 8, 9, 9, 8, 8, 9, 8, 7, 6, 5, 4, 2)
COLUMNS = (
    "idempotency_key",
    "questionnaire",
    "questionnaire_version",
    "location_id",
    "mode",
    "language",
    "easy_read",
    "fft_rating",
    "respondent",
    "submitted_at",
    "submitted_on",
    "submitted_month",
)
Row = tuple[Any, ...]  # a response, in COLUMNS order


# --- The data --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    id: int
    setting: CareSetting
    weight: float


def seed_organisation(today: date, rng: random.Random) -> tuple[list[int], list[Place], int]:
    """The trust through the ORM (each service gets its history row); one service's move."""
    trust = Trust(code="RBENCH", name="Benchmark Partnership NHS Trust")
    db.session.add(trust)
    db.session.flush()
    directorates: dict[str, Directorate] = {}
    services: list[Service] = []
    locations: list[Location] = []
    for d_code, d_name, specs in ORGANISATION:
        directorate = Directorate(trust_id=trust.id, code=d_code, name=d_name)
        directorates[d_code] = directorate
        for s, (name, setting, kind, count, grouping) in enumerate(specs, start=1):
            service = Service(directorate=directorate, code=f"{d_code}-{s:02d}", name=name)
            services.append(service)
            for n in range(1, count + 1):
                noun = {WARD: "ward", UNIT: "unit", TEAM: "team"}[kind]
                location = Location(
                    code=f"{d_code}-{s:02d}-{n}",
                    name=f"{name} {noun} {n}",
                    kind=kind,
                    setting=setting,
                    site_code=f"RT5{s:02d}" if setting == INPATIENT else None,
                    return_grouping=grouping,
                )
                service.locations.append(location)
                locations.append(location)
    db.session.add_all(directorates.values())
    user = create_user(
        email=complaints_benchmark.EMAIL,
        name="Pat Experience",
        role=Role.PX_TEAM,
        password=complaints_benchmark.PASSWORD,
    )
    db.session.flush()
    move_service(services, directorates[MOVED_TO], today - timedelta(days=MOVED_DAYS_AGO))
    places = [
        Place(loc.id, loc.setting, VOLUME[loc.kind] * rng.uniform(0.3, 1.7)) for loc in locations
    ]
    return [s.id for s in services], places, user.id


def move_service(services: list[Service], to: Directorate, on: date) -> None:
    """A reorganisation, so the directorate rollups meet real history, not only NULL ranges."""
    service = next(s for s in services if s.name == MOVED_SERVICE)
    db.session.execute(
        sa.update(ServiceDirectorate)
        .where(ServiceDirectorate.service_id == service.id)
        .values(valid_to=on)
    )
    db.session.add(ServiceDirectorate(service_id=service.id, directorate_id=to.id, valid_from=on))
    service.directorate = to
    db.session.flush()


def day_weights(first: date, days: int) -> dict[CareSetting, list[float]]:
    """Cumulative weights per setting: use growing threefold over the years, by weekday."""
    cumulative: dict[CareSetting, list[float]] = {}
    for setting, by_weekday in WEEKDAYS.items():
        total, weights = 0.0, []
        for n in range(days):
            total += (1 + 2 * n / days) * by_weekday[(first + timedelta(days=n)).weekday()]
            weights.append(total)
        cumulative[setting] = weights
    return cumulative


def utc_starts(first: date, days: int) -> list[datetime]:
    """Each day's local midnight in UTC, at that day's daytime offset (the clocks change at
    1 am, before anyone answers), so a local time of day becomes submitted_at by addition."""
    starts = []
    for n in range(days):
        day = first + timedelta(days=n)
        offset = datetime(day.year, day.month, day.day, 12, tzinfo=TRUST_TIMEZONE).utcoffset()
        starts.append(datetime(day.year, day.month, day.day, tzinfo=UTC) - (offset or timedelta()))
    return starts


def make_responses(count: int, places: list[Place], today: date, rng: random.Random) -> list[Row]:
    """`count` responses over five years up to now, in the order they arrived."""
    first = today - timedelta(days=YEARS * 365 - 1)
    days = YEARS * 365
    calendar = [first + timedelta(days=n) for n in range(days)]
    months = [day.replace(day=1) for day in calendar]
    starts, cumulative = utc_starts(first, days), day_weights(first, days)
    now, indexes = datetime.now(UTC), range(days)
    per_place = Counter(rng.choices(places, weights=[p.weight for p in places], k=count))
    rows: list[Row] = []
    for place, n in per_place.items():
        picks = zip(
            rng.choices(indexes, cum_weights=cumulative[place.setting], k=n),
            rng.choices(HOURS, weights=HOUR_WEIGHTS, k=n),
            rng.choices(MODES, weights=MODE_WEIGHTS[place.setting], k=n),
            rng.choices(RATINGS, weights=RATING_WEIGHTS, k=n),
            rng.choices(LANGUAGES, weights=LANGUAGE_WEIGHTS, k=n),
            rng.choices(RESPONDENTS, weights=RESPONDENT_WEIGHTS, k=n),
            strict=True,
        )
        for day, hour, mode, rating, language, respondent in picks:
            seconds = hour * 3600 + rng.random() * 3600
            # Today's later hours have not happened yet: they arrive now.
            submitted = min(starts[day] + timedelta(seconds=seconds), now)
            key = f"{rng.getrandbits(144):036x}"  # as long as the journey's token
            rows.append(
                (key, "fft", 1, place.id, mode.value, language, rng.random() < 0.02, rating,
                 respondent, submitted, calendar[day], months[day])
            )  # fmt: skip
    rows.sort(key=itemgetter(9))
    return rows


def make_eligible(rows: list[Row], today: date, rng: random.Random) -> list[dict[str, Any]]:
    """Discharges or contacts per location per month, from a response rate of 5% to 30%;
    none yet for this month, and a few months never sent."""
    per_month = Counter((row[3], row[11]) for row in rows)
    rates: dict[int, float] = {}
    eligible = []
    for (location_id, month), responses in sorted(per_month.items()):
        rate = rates.setdefault(location_id, rng.uniform(0.05, 0.30))
        if month == today.replace(day=1) or rng.random() < 0.03:
            continue
        sent = datetime(month.year, month.month, 1, tzinfo=UTC) + timedelta(days=35)
        eligible.append(
            {"location_id": location_id, "month": month, "source": "PAS monthly extract",
             "eligible": max(responses, round(responses / rate * rng.uniform(0.9, 1.1))),
             "updated_at": sent}
        )  # fmt: skip
    return eligible


def make_compliments(
    count: int, services: list[int], user_id: int, today: date, rng: random.Random
) -> list[dict[str, Any]]:
    """As many compliments as the complaints benchmark gives its cases: one for five."""
    first, thanks = today - timedelta(days=YEARS * 365), "Thank you to the whole team."
    return [
        {"received_on": first + timedelta(days=rng.randint(0, YEARS * 365)), "team": None,
         "service_id": rng.choice(services), "source": rng.choice(list(ComplimentSource)),
         "summary": thanks, "logged_by_id": user_id, "created_at": datetime.now(UTC)}
        for _ in range(max(count // 5, 1))
    ]  # fmt: skip


# --- Loading ---------------------------------------------------------------------------------


def insert_responses(rows: list[Row]) -> None:
    """COPY on PostgreSQL (a million rows in seconds); Core executemany in chunks on SQLite."""
    connection = db.session.connection()
    if connection.dialect.name == "postgresql":
        raw = connection.connection.driver_connection
        assert raw is not None
        copying = f"COPY response ({', '.join(COLUMNS)}) FROM STDIN"
        with raw.cursor() as cursor, cursor.copy(copying) as copy:
            for row in rows:
                copy.write_row(row)
        return
    statement = sa.insert(Response.__table__)
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        connection.execute(statement, [dict(zip(COLUMNS, row, strict=True)) for row in chunk])


def analyse() -> None:
    """Statistics as a live database has them, after a load or a full recompute. On
    PostgreSQL VACUUM too: autovacuum would do it soon after (better not in the middle of
    the timings), and it sets the visibility map that index-only scans need."""
    if db.engine.dialect.name != "postgresql":
        with db.engine.begin() as connection:
            connection.execute(sa.text("ANALYZE"))
        return
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        tables = connection.scalars(
            sa.text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
        ).all()
        for table in tables:  # this schema's only: others may hold other runs' tests
            connection.execute(sa.text(f'VACUUM ANALYZE "{table}"'))


@dataclass
class Loaded:
    responses: int
    eligible: int
    cases: int
    seconds: dict[str, float] = field(default_factory=dict)


def load(app: Flask, responses: int, cases: int, today: date) -> Loaded:
    rng, steps = random.Random(2025), dict[str, float]()
    with app.app_context():
        started = time.perf_counter()
        services, places, user_id = seed_organisation(today, rng)
        rows = make_responses(responses, places, today, rng)
        eligible = make_eligible(rows, today, rng)
        case_rows, links = complaints_benchmark.make_cases(cases, services, user_id, today, rng)
        compliments = make_compliments(cases, services, user_id, today, rng)
        steps["generate (Python)"] = time.perf_counter() - started

        started = time.perf_counter()
        insert_responses(rows)
        steps["insert responses"] = time.perf_counter() - started
        started = time.perf_counter()
        complaints_benchmark.bulk_insert(EligibleCount, eligible)
        complaints_benchmark.bulk_insert(Complaint, case_rows)
        complaints_benchmark.bulk_insert(complaint_category, links)
        complaints_benchmark.bulk_insert(Compliment, compliments)
        db.session.commit()
        steps["insert the rest, commit"] = time.perf_counter() - started
        db.session.remove()
        started = time.perf_counter()
        if db.engine.dialect.name == "postgresql":  # the cases' ids were given: move it on
            with db.engine.begin() as connection:
                connection.execute(
                    sa.text("SELECT setval(pg_get_serial_sequence('complaint', 'id'), :n)"),
                    {"n": cases},
                )
        analyse()
        steps["(VACUUM) ANALYZE"] = time.perf_counter() - started
    return Loaded(len(rows), len(eligible), len(case_rows), steps)


# --- Timing ----------------------------------------------------------------------------------


def server_notes() -> str:
    """What moves the seconds: the machine's other load; PostgreSQL's memory and autovacuum."""
    cpus, load = os.cpu_count(), os.getloadavg()[0]
    notes = f"{cpus} CPUs, load average {load:.1f} before timing"
    if db.engine.dialect.name == "postgresql":
        with db.engine.connect() as connection:
            show = {
                name: connection.scalar(sa.text(f"SHOW {name}"))
                for name in ("work_mem", "shared_buffers", "autovacuum")
            }
        notes += "; " + ", ".join(f"{name} {value}" for name, value in show.items())
    return notes


def timed(action: Callable[[], object]) -> float:
    """Seconds for one call and its commit, on a fresh session."""
    db.session.remove()
    started = time.perf_counter()
    action()
    db.session.commit()
    return time.perf_counter() - started


def floor_query() -> None:
    db.session.execute(FLOOR).all()


def monthly_return(month: date) -> None:
    for setting, rows in return_rows(month).items():
        render_csv(month, setting, rows)


@dataclass
class Timings:
    floor: float
    fft: list[float]  # each full run, first then second
    complaints: list[float]
    days: list[tuple[date, float]]
    monthly_return: float
    month: date
    rows: dict[str, int]

    @property
    def full(self) -> float:
        """The second run: the tables already full, as every night after the first."""
        return self.fft[-1] + self.complaints[-1]

    @property
    def day_median(self) -> float:
        return statistics.median(seconds for _, seconds in self.days)

    @property
    def day_max(self) -> float:
        return max(seconds for _, seconds in self.days)


def sample_days(today: date) -> list[date]:
    """Mid-history, three-quarters through, the nightly job's oldest day, yesterday, today."""
    first = today - timedelta(days=YEARS * 365 - 1)
    span = (today - first).days
    return [
        first + timedelta(days=span // 2),
        first + timedelta(days=span * 3 // 4),
        today - timedelta(days=35),
        today - timedelta(days=1),
        today,
    ]


def time_everything(app: Flask, today: date) -> Timings:
    month = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    with app.app_context():
        timed(floor_query)  # warm-up: the floor is measured warm, as the recompute runs
        floor = min(timed(floor_query) for _ in range(FLOOR_RUNS))
        fft, complaints = [], []
        for _ in range(2):
            fft.append(timed(lambda: recompute_everything(today)))
            complaints.append(timed(summarise_complaints))
            db.session.remove()
            # Between runs a live database's autovacuum clears the rows just replaced and
            # counts the new ones (the test server runs with it off): without this the next
            # run plans with empty-table statistics and walks dead rows.
            analyse()
        days = [(day, timed(lambda d=day: recompute_range(d, d))) for day in sample_days(today)]
        returned = min(timed(lambda: monthly_return(month)) for _ in range(RETURN_RUNS))
        tables = ("fft_day", "fft_summary")
        tables += ("complaint_summary",)
        rows = {t: db.session.scalar(sa.text(f"SELECT COUNT(*) FROM {t}")) for t in tables}  # noqa: S608
        db.session.remove()
    return Timings(floor, fft, complaints, days, returned, month, rows)


# --- Printing --------------------------------------------------------------------------------


def met(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def print_table(label: str, t: Timings) -> None:
    full_ok = t.full <= FULL_GOAL_RATIO * t.floor
    day_ok = t.day_max < DAY_GOAL_SECONDS
    rows: list[tuple[str, float, str, str]] = [
        (f"floor: GROUP BY location, month (best of {FLOOR_RUNS})", t.floor, "", ""),
        ("full recompute: FFT + complaints (2nd run)", t.full, "<= 3x floor", met(full_ok)),
        ("  FFT summaries: recompute_everything", t.fft[-1], "", ""),
        ("  complaint summary: summarise_complaints", t.complaints[-1], "", ""),
        ("one day: recompute_range(day, day), median of 5", t.day_median, "< 1 s", ""),
        ("one day: recompute_range(day, day), max of 5", t.day_max, "< 1 s", met(day_ok)),
        (f"monthly return {t.month:%Y-%m}, 3 CSVs (best of {RETURN_RUNS})", t.monthly_return,
         "", ""),
    ]  # fmt: skip
    print(f"\n  {label}")
    print(f"  {'operation':<52}{'seconds':>9}{'x floor':>9}  goal")
    for name, seconds, goal, verdict in rows:
        line = f"  {name:<52}{seconds:>9.3f}{seconds / t.floor:>8.1f}x  {goal:<12}{verdict}"
        print(line.rstrip())
    first = t.fft[0] + t.complaints[0]
    print(
        f"  First full run, into empty tables: {first:.3f} s "
        f"(FFT {t.fft[0]:.3f} s, complaints {t.complaints[0]:.3f} s)"
    )
    print("  One day, each: " + ", ".join(f"{day} {seconds:.3f} s" for day, seconds in t.days))
    print("  Rows: " + ", ".join(f"{table} {n}" for table, n in t.rows.items()))
    ratio = t.full / t.floor
    print(f"  Verdict: full recompute within 3x the floor: {met(full_ok)} ({ratio:.1f}x)")
    print(
        f"  Verdict: one day under 1 s: {met(day_ok)} "
        f"(max {t.day_max:.3f} s, median {t.day_median:.3f} s)"
    )


def print_verdicts(results: dict[str, Timings]) -> None:
    """Each goal holds only if it holds on every database that ran."""
    if not results:
        return
    full = {name: t.full / t.floor for name, t in results.items()}
    days = {name: t.day_max for name, t in results.items()}
    names = " and ".join(results)
    full_ok = all(ratio <= FULL_GOAL_RATIO for ratio in full.values())
    day_ok = all(seconds < DAY_GOAL_SECONDS for seconds in days.values())
    print(f"\nGoals on {names}")
    detail = ", ".join(f"{name} {ratio:.1f}x" for name, ratio in full.items())
    print(f"  Full recompute within 3x the floor: {met(full_ok)} ({detail})")
    detail = ", ".join(f"{name} {seconds:.3f} s" for name, seconds in days.items())
    print(f"  One day's recompute under 1 s: {met(day_ok)} (slowest of five: {detail})")


# --- Main ------------------------------------------------------------------------------------


def run_database(
    label: str, target: tuple[str, dict[str, Any], str], args: argparse.Namespace
) -> Timings:
    url, options, folder = target
    today = trust_today()  # the complaint summary counts to today: so does the data
    started = time.perf_counter()
    app = complaints_benchmark.build_app(url, options, folder)
    print(f"  Schema built by the migrations in {time.perf_counter() - started:.1f} s")
    try:
        loaded = load(app, args.responses, args.complaints, today)
        steps = ", ".join(f"{step} {seconds:.1f} s" for step, seconds in loaded.seconds.items())
        print(
            f"  Loaded {loaded.responses} responses, {loaded.eligible} eligible counts and "
            f"{loaded.cases} cases in {sum(loaded.seconds.values()):.1f} s: {steps}"
        )
        print(f"  Timing: today {today}, each call and its commit on a fresh session")
        with app.app_context():
            print(f"  {server_notes()}")
        timings = time_everything(app, today)
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
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument(
        "--postgres-url", default=complaints_benchmark.POSTGRES_URL, help="server, not the schema"
    )
    args = parser.parse_args(argv)
    if args.responses < 1 or args.complaints < 1:
        parser.error("--responses and --complaints must be at least 1")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(
        f"Metrics benchmark: {args.responses} FFT responses and {args.complaints} cases "
        f"over {YEARS} years"
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
