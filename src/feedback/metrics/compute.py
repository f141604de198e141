"""Filling the FFT summary tables in SQL: days from responses, periods from days.

Everything a call changes happens in the caller's transaction, so a run killed half-way
leaves the summary tables as they were. Recomputing a range replaces its rows: running it
twice gives the same tables as running it once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    and_,
    delete,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)

from feedback.extensions import db
from feedback.metrics.calendar import PERIOD_START, ensure_calendar, year_start
from feedback.metrics.models import (
    COUNT_COLUMNS,
    LANGUAGES,
    LEGACY_COLUMNS,
    MONTHLY_COLUMNS,
    RATING_COLUMNS,
    CalendarDay,
    EligibleCount,
    FftDay,
    FftSummary,
    LegacyFftMonth,
)
from feedback.organisation.models import Directorate, Location, ServiceDirectorate
from feedback.organisation.services import in_directorate_then
from feedback.surveys.models import Response, ResponseMode

FFT = "fft"
_RESPONDENTS = ("patient", "carer", "family_or_friend", "staff_helping")


def _count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    # COUNT(*) FILTER (WHERE ...) is SQL both databases accept, and quicker than SUM(CASE).
    return func.count().filter(condition)


def _response_counts(first: date, last: date) -> Select:
    """Each location's day from its responses, grouped before anything else is added."""
    rated = Response.fft_rating.is_not(None)
    columns: list[ColumnElement] = [
        _count_where(Response.fft_rating == rating).label(name)
        for rating, name in enumerate(RATING_COLUMNS, start=1)
    ]
    columns.append(_count_where(Response.fft_rating.is_(None)).label("no_rating"))
    columns += [
        _count_where(and_(rated, Response.mode == mode)).label(f"mode_{mode.value}")
        for mode in ResponseMode
    ]
    columns += [
        _count_where(and_(rated, Response.respondent == value)).label(f"respondent_{value}")
        for value in _RESPONDENTS
    ]
    not_given = or_(Response.respondent.is_(None), Response.respondent.not_in(_RESPONDENTS))
    columns.append(_count_where(and_(rated, not_given)).label("respondent_not_given"))
    columns.append(_count_where(and_(rated, Response.easy_read.is_(True))).label("easy_read"))
    columns += [
        _count_where(and_(rated, Response.language == code)).label(f"language_{code}")
        for code in LANGUAGES
    ]
    columns.append(
        _count_where(and_(rated, Response.language.not_in(LANGUAGES))).label("language_other")
    )
    return (
        select(
            Response.location_id.label("location_id"),
            Response.submitted_on.label("day"),
            *columns,
            null().cast(Integer).label("eligible"),
            null().cast(Integer).label("legacy_responses"),
        )
        .where(Response.questionnaire == FFT, _days(Response.submitted_on, first, last))
        .group_by(Response.location_id, Response.submitted_on)
    )


def _days(column, first: date, last: date, days: Sequence[date] | None = None):  # type: ignore[no-untyped-def]
    return column.in_(days) if days is not None else column.between(first, last)


def _monthly_rows(first: date, last: date, days: Sequence[date] | None) -> list[Select]:
    zeros = [literal(0).label(name) for name in COUNT_COLUMNS]
    eligible = select(
        EligibleCount.location_id.label("location_id"),
        EligibleCount.month.label("day"),
        *zeros,
        EligibleCount.eligible.label("eligible"),
        null().cast(Integer).label("legacy_responses"),
    ).where(_days(EligibleCount.month, first, last, days))
    legacy_total = sum((getattr(LegacyFftMonth, name) for name in LEGACY_COLUMNS), literal(0))
    legacy = select(
        LegacyFftMonth.location_id.label("location_id"),
        LegacyFftMonth.month.label("day"),
        *zeros,
        null().cast(Integer).label("eligible"),
        legacy_total.label("legacy_responses"),
    ).where(_days(LegacyFftMonth.month, first, last, days))
    return [eligible, legacy]


def _fill_days(first: date, last: date, days: Sequence[date] | None = None) -> int:
    """Replace the day rows from first to last (or only `days`, when given)."""
    db.session.execute(delete(FftDay).where(_days(FftDay.day, first, last, days)))
    responses = _response_counts(first, last)
    if days is not None:
        responses = responses.where(Response.submitted_on.in_(days))
    rows = union_all(responses, *_monthly_rows(first, last, days)).subquery()
    # Most (location, day) keys come from one part only; the few first-of-month rows that have
    # responses, an eligible count and legacy results are summed into one.
    summed = [func.sum(rows.c[name]) for name in (*COUNT_COLUMNS, *MONTHLY_COLUMNS)]
    query = select(rows.c.location_id, rows.c.day, *summed).group_by(rows.c.location_id, rows.c.day)
    names = ["location_id", "day", *COUNT_COLUMNS, *MONTHLY_COLUMNS]
    result = db.session.execute(
        FftDay.__table__.insert()
        .from_select(names, query)
        .execution_options(preserve_rowcount=True)
    )
    return max(result.rowcount or 0, 0)


class _Table:
    """What a rollup needs to know of one pair of tables (counts, or responses by language)."""

    def __init__(self, day, summary, sums: tuple[str, ...], keys: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
        self.day, self.summary, self.sums, self.keys = day, summary, sums, keys

    def insert(self, query: Select) -> int:
        names = ["level", "unit_id", "period", "period_start", *self.keys, *self.sums]
        if self.summary is FftSummary:
            names.append("total")
        result = db.session.execute(
            self.summary.__table__.insert()
            .from_select(names, query)
            .execution_options(preserve_rowcount=True)
        )
        return max(result.rowcount or 0, 0)

    def sums_of(self, source, period: str) -> list[ColumnElement]:  # type: ignore[no-untyped-def]
        columns: list[ColumnElement] = []
        for name in self.sums:
            if name in MONTHLY_COLUMNS and period == "week":
                # A week holds part of a month: it has no monthly figures.
                columns.append(null().cast(Integer))
            else:
                columns.append(func.sum(getattr(source, name)))
        if self.summary is FftSummary:
            columns.append(func.sum(sum((getattr(source, n) for n in RATING_COLUMNS), literal(0))))
        return columns


_COUNTS = _Table(FftDay, FftSummary, (*COUNT_COLUMNS, *MONTHLY_COLUMNS))


def _locations_from_days(table: _Table, period: str, first: date, last: date) -> int:
    start = getattr(CalendarDay, f"{period}_start")
    keys = [getattr(table.day, k) for k in table.keys]
    query = (
        select(
            literal("location"),
            table.day.location_id,
            literal(period),
            start,
            *keys,
            *table.sums_of(table.day, period),
        )
        .join(CalendarDay, CalendarDay.day == table.day.day)
        .where(start.between(first, last))
        .group_by(table.day.location_id, start, *keys)
    )
    return table.insert(query)


def _from_months(table: _Table, level: str, period: str, first: date, last: date) -> int:
    """Quarters and years add up their months, at the same level."""
    s = table.summary
    start = getattr(CalendarDay, f"{period}_start")
    keys = [getattr(s, k) for k in table.keys]
    query = (
        select(literal(level), s.unit_id, literal(period), start, *keys, *table.sums_of(s, period))
        .join(CalendarDay, CalendarDay.day == s.period_start)
        .where(s.level == level, s.period == "month", start.between(first, last))
        .group_by(s.unit_id, start, *keys)
    )
    return table.insert(query)


def _up_a_level(table: _Table, level: str, period: str, first: date, last: date) -> int:
    """Services from their locations; directorates from the services they held at the start
    of each week or month; the trust from its directorates."""
    s = table.summary
    keys = [getattr(s, k) for k in table.keys]
    if level == "service":
        unit, below = Location.service_id, "location"
        joined = select().select_from(s).join(Location, Location.id == s.unit_id)
    elif level == "directorate":
        unit, below = ServiceDirectorate.directorate_id, "service"
        joined = (
            select()
            .select_from(s)
            .join(
                ServiceDirectorate,
                in_directorate_then(s.unit_id, s.period_start),
            )
        )
    else:
        unit, below = Directorate.trust_id, "directorate"
        joined = select().select_from(s).join(Directorate, Directorate.id == s.unit_id)
    query = (
        joined.add_columns(
            literal(level), unit, literal(period), s.period_start, *keys, *table.sums_of(s, period)
        )
        .where(s.level == below, s.period == period, s.period_start.between(first, last))
        .group_by(unit, s.period_start, *keys)
    )
    return table.insert(query)


def _fill_periods(table: _Table, first_day: date, last_day: date) -> int:
    written = 0
    for period in ("week", "month", "quarter", "year"):
        first = PERIOD_START[period](first_day)
        db.session.execute(
            delete(table.summary).where(
                table.summary.period == period,
                table.summary.period_start.between(first, last_day),
            )
        )
        if period in ("week", "month"):
            written += _locations_from_days(table, period, first, last_day)
            for level in ("service", "directorate", "trust"):
                written += _up_a_level(table, level, period, first, last_day)
        else:
            # Quarters and years are sums of months at every level, so a service that moved
            # directorate mid-year counts under each directorate for the months it was there.
            for level in ("location", "service", "directorate", "trust"):
                written += _from_months(table, level, period, first, last_day)
    return written


def recompute_range(first: date, last: date) -> int:
    """Replace the day rows from first to last and every period touching them; rows written."""
    ensure_calendar(year_start(first), last)
    written = _fill_days(first, last)
    return written + _fill_periods(_COUNTS, first, last)


def recompute_days(days: Iterable[date]) -> int:
    """Replace only these days (an import touching the first day of many months), then roll
    up every period between the first and the last once, not once per day."""
    chosen = sorted(set(days))
    if not chosen:
        return 0
    first, last = chosen[0], chosen[-1]
    ensure_calendar(year_start(first), last)
    written = 0
    for start in range(0, len(chosen), 500):  # keep IN lists short
        written += _fill_days(first, last, chosen[start : start + 500])
    return written + _fill_periods(_COUNTS, first, last)


def earliest_day() -> date | None:
    """The first day anything the summaries count happened on."""
    candidates = [
        db.session.scalar(select(func.min(Response.submitted_on))),
        db.session.scalar(select(func.min(EligibleCount.month))),
        db.session.scalar(select(func.min(LegacyFftMonth.month))),
    ]
    days = [day for day in candidates if day is not None]
    return min(days) if days else None


def recompute_since(first: date, today: date) -> int:
    return recompute_range(first, today)


def recompute_everything(today: date) -> int:
    first = earliest_day()
    if first is None:
        return 0
    db.session.execute(delete(FftDay))
    db.session.execute(delete(FftSummary))
    return recompute_range(first, max(today, first))
