"""The trust's calendar as a table: weeks start on Monday, quarters and years are financial."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback.extensions import db
from feedback.metrics.models import CalendarDay


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def month_start(day: date) -> date:
    return day.replace(day=1)


def quarter_start(day: date) -> date:
    """Financial quarters begin in April, July, October and January."""
    return date(day.year, day.month - (day.month - 1) % 3, 1)


def year_start(day: date) -> date:
    """Financial years begin on 1 April."""
    return date(day.year if day.month >= 4 else day.year - 1, 4, 1)


def add_months(month: date, count: int) -> date:
    """The first day of the month `count` months after (or, negative, before) `month`."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def month_end(month: date) -> date:
    return add_months(month, 1) - timedelta(days=1)


def months_between(first: date, last: date) -> list[date]:
    """The first day of every month from first's month to last's, inclusive."""
    months, month = [], month_start(first)
    while month <= last:
        months.append(month)
        month = add_months(month, 1)
    return months


PERIOD_START = {
    "week": week_start,
    "month": month_start,
    "quarter": quarter_start,
    "year": year_start,
}


def _row(day: date) -> dict[str, date]:
    return {
        "day": day,
        "week_start": week_start(day),
        "month_start": month_start(day),
        "quarter_start": quarter_start(day),
        "year_start": year_start(day),
    }


def ensure_calendar(first: date, last: date) -> None:
    """Add any day between first and last that the calendar table does not hold yet."""
    known = set(
        db.session.scalars(select(CalendarDay.day).where(CalendarDay.day.between(first, last)))
    )
    missing = []
    day = first
    while day <= last:
        if day not in known:
            missing.append(_row(day))
        day += timedelta(days=1)
    if not missing:
        return
    try:
        with db.session.begin_nested():
            db.session.execute(CalendarDay.__table__.insert(), missing)
    except IntegrityError:
        # Another job added some of these days at the same moment: add the rest one by one.
        for row in missing:
            with contextlib.suppress(IntegrityError), db.session.begin_nested():
                db.session.execute(CalendarDay.__table__.insert(), [row])


def calendar_rows(first: date, last: date) -> list[dict[str, date]]:
    """Every day from first to last with its week, month, quarter and year (the migration
    fills 2000 to 2040 with these, so jobs rarely need to add any)."""
    rows, day = [], first
    while day <= last:
        rows.append(_row(day))
        day += timedelta(days=1)
    return rows
