"""The complaints clock: England's working days and the dates the 2009 Regulations set.

Counting, as the Regulations word it: the Europe/London calendar date of receipt is day 0
whatever kind of day it is, and "N working days after receipt" is the Nth working day strictly
after it. Nothing here is typed in by a person: every due date is computed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

import holidays

from feedback.db import TRUST_TIMEZONE

ACKNOWLEDGEMENT_WORKING_DAYS = 3
DEFAULT_TARGET_WORKING_DAYS = 25
# Enough for any target a trust sets (the statutory ceiling is six months, about 130 days).
MAX_TARGET_WORKING_DAYS = 400


class ClockError(ValueError):
    """A date the clock refuses; the message is what the person (or the CSV row) is told."""


@cache
def _bank_holidays(year: int) -> frozenset[date]:
    # `years=` matters: the holidays object is otherwise empty until looked up, lazily.
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday, except England's bank holidays (Christmas Day and Good Friday too)."""
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_after(day: date, count: int) -> date:
    """The `count`th working day strictly after `day` (day 0)."""
    if count < 0:
        raise ValueError("count must not be negative")
    current = day
    remaining = count
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end is start)."""
    if end < start:
        raise ValueError("end is before start")
    whole_weeks, extra = divmod((end - start).days, 7)
    weekdays = whole_weeks * 5 + sum(
        1 for offset in range(1, extra + 1) if (start + timedelta(days=offset)).weekday() < 5
    )
    holidays_in_range = sum(
        1
        for year in range(start.year, end.year + 1)
        for holiday in _bank_holidays(year)
        if start < holiday <= end and holiday.weekday() < 5
    )
    return weekdays - holidays_in_range


def working_days_left(today: date, due: date) -> int:
    """Working days from today to the due date; negative once it has passed."""
    if due >= today:
        return working_days_between(today, due)
    return -working_days_between(due, today)


def received_date(value: str) -> date:
    """The receipt date from an ISO date, or from a UTC timestamp (its Europe/London date)."""
    text = value.strip()
    if not text:
        raise ClockError("The date the complaint was received is missing")
    if len(text) == 10:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    else:
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is not None:
            return moment.astimezone(TRUST_TIMEZONE).date()
    raise ClockError(
        f"The date received {text!r} is not a date: give YYYY-MM-DD, or a UTC time ending in Z"
    )


def _iso_date(value: str, what: str) -> date:
    text = value.strip()
    try:
        return date.fromisoformat(text) if len(text) == 10 else received_date(text)
    except (ValueError, ClockError):
        raise ClockError(f"The {what} {text!r} is not a date: give YYYY-MM-DD") from None


@dataclass(frozen=True)
class Clock:
    """Every date a complaint is judged by."""

    received: date
    target_working_days: int
    acknowledgement_due: date
    original_response_due: date
    response_due: date  # in force: the latest agreed extension, or the original
    responded: date | None

    @property
    def working_days_taken(self) -> int | None:
        if self.responded is None:
            return None
        return working_days_between(self.received, self.responded)

    @property
    def on_time(self) -> bool | None:
        """Responded on or before the due date in force (a Saturday reply to Friday is late)."""
        return None if self.responded is None else self.responded <= self.response_due


def check_target(target_working_days: int) -> None:
    if not 1 <= target_working_days <= MAX_TARGET_WORKING_DAYS:
        raise ClockError(
            f"The response target must be between 1 and {MAX_TARGET_WORKING_DAYS} working days"
        )


def check_extension(new_due: date, due_in_force: date) -> None:
    if new_due <= due_in_force:
        raise ClockError(
            f"An extension must move the due date later: {new_due.isoformat()} is not later "
            f"than the due date in force, {due_in_force.isoformat()}"
        )


def check_response(responded: date, received: date) -> None:
    if responded < received:
        raise ClockError(
            f"The response date {responded.isoformat()} is before the date the complaint was "
            f"received, {received.isoformat()}"
        )


def compute_clock(
    received: date,
    target_working_days: int = DEFAULT_TARGET_WORKING_DAYS,
    extensions: Sequence[date] = (),
    responded: date | None = None,
) -> Clock:
    """The clock for a complaint, refusing dates that cannot be right (ClockError)."""
    check_target(target_working_days)
    original = working_days_after(received, target_working_days)
    due = original
    for new_due in extensions:
        check_extension(new_due, due)
        due = new_due
    if responded is not None:
        check_response(responded, received)
    return Clock(
        received=received,
        target_working_days=target_working_days,
        acknowledgement_due=working_days_after(received, ACKNOWLEDGEMENT_WORKING_DAYS),
        original_response_due=original,
        response_due=due,
        responded=responded,
    )


def clock_from_text(
    received: str,
    target_working_days: str = "",
    extensions: str = "",
    responded: str = "",
    default_target: int = DEFAULT_TARGET_WORKING_DAYS,
) -> Clock:
    """The clock from a spreadsheet row's text (the `complaints clock` command's columns)."""
    day = received_date(received)
    target_text = (target_working_days or "").strip()
    if target_text:
        try:
            target = int(target_text)
        except ValueError:
            raise ClockError(
                f"The response target {target_text!r} is not a whole number of working days"
            ) from None
    else:
        target = default_target
    new_dues = [
        _iso_date(part, "extension date") for part in (extensions or "").split(";") if part.strip()
    ]
    responded_text = (responded or "").strip()
    response = _iso_date(responded_text, "response date") if responded_text else None
    return compute_clock(day, target, new_dues, response)
