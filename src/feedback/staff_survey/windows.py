"""Survey windows: when the staff pulse survey is open, and when its results are final.

The National Quarterly Pulse Survey runs in the first month of quarters 1, 2 and 4 (April,
July, January), for at least two weeks; none in quarter 3, the month of the annual NHS Staff
Survey. So a window opens in April, July or January, closes in the month it opened, lasts at
least 14 days (both ends counted), and each quarter has one window.

A journey begun inside a window may still be sent on the day after it closes (nothing that was
sent is lost for a late finish). Results are shown from the day after that, when no more answers
can arrive: they never change once shown, so comparing a page with the same page a day later
cannot single out the people who answered in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.staff_survey.models import StaffPulseResponse, StaffSurveyWindow

# First month of the quarter -> the quarter of the financial year (April to March).
QUARTER_OF_MONTH = {4: 1, 7: 2, 1: 4}
MINIMUM_DAYS = 14
LATE_DAYS = 1  # a journey begun in time may be sent this many days after closing
RESULTS_AFTER_DAYS = LATE_DAYS + 1  # results from this many days after the closing day


class WindowError(ValueError):
    """Dates an admin chose that break the rules; `problems` maps a field to its message."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def day_words(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def quarter_name(opens_on: date) -> str:
    """The window's quarter in the trust's words: "Q1 2026/27"."""
    year = opens_on.year if opens_on.month >= 4 else opens_on.year - 1
    return f"Q{QUARTER_OF_MONTH.get(opens_on.month, '?')} {year}/{(year + 1) % 100:02d}"


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def last_sending_day(window: StaffSurveyWindow) -> date:
    return window.closes_on + timedelta(days=LATE_DAYS)


def results_from(window: StaffSurveyWindow) -> date:
    """The first day its results are shown: no answer can arrive after the day before."""
    return window.closes_on + timedelta(days=RESULTS_AFTER_DAYS)


def has_results(window: StaffSurveyWindow, today: date) -> bool:
    return today >= results_from(window)


@dataclass(frozen=True)
class WindowStatus:
    key: str  # upcoming, open, closing (answers may still arrive), results
    words: str


def window_status(window: StaffSurveyWindow, today: date) -> WindowStatus:
    if today < window.opens_on:
        return WindowStatus("upcoming", "Not open yet")
    if today <= window.closes_on:
        return WindowStatus("open", "Open now")
    if not has_results(window, today):
        return WindowStatus("closing", f"Closed: results from {day_words(results_from(window))}")
    return WindowStatus("results", "Results available")


# --- Reading --------------------------------------------------------------------------------


def list_windows() -> Sequence[StaffSurveyWindow]:
    """Every window, newest first."""
    return db.session.scalars(
        select(StaffSurveyWindow).order_by(StaffSurveyWindow.opens_on.desc())
    ).all()


def get_window(window_id: int) -> StaffSurveyWindow | None:
    return db.session.get(StaffSurveyWindow, window_id)


def window_on(day: date) -> StaffSurveyWindow | None:
    """The window open on that day, if any."""
    return db.session.scalar(
        select(StaffSurveyWindow).where(
            StaffSurveyWindow.opens_on <= day, StaffSurveyWindow.closes_on >= day
        )
    )


def next_window(today: date) -> StaffSurveyWindow | None:
    """The first window that opens after today, if one is set."""
    return db.session.scalar(
        select(StaffSurveyWindow)
        .where(StaffSurveyWindow.opens_on > today)
        .order_by(StaffSurveyWindow.opens_on)
        .limit(1)
    )


def response_counts() -> dict[int, int]:
    """How many responses each window has (admins see this; it names no group)."""
    return dict(
        db.session.execute(
            select(StaffPulseResponse.window_id, func.count()).group_by(
                StaffPulseResponse.window_id
            )
        ).all()
    )


def windows_with_results(today: date) -> list[StaffSurveyWindow]:
    """Windows whose results are final and that have responses, newest first."""
    counts = response_counts()
    return [w for w in list_windows() if has_results(w, today) and counts.get(w.id)]


# --- The rules ------------------------------------------------------------------------------


def _date_problems(opens_on: date, closes_on: date) -> dict[str, str]:
    if opens_on.month not in QUARTER_OF_MONTH:
        return {
            "opens_on": "The survey must open in January, April or July, the first month of "
            "quarter 4, 1 or 2. There is none in quarter 3, when the NHS Staff Survey runs"
        }
    if closes_on < opens_on:
        return {"closes_on": "The closing date must be after the opening date"}
    if (closes_on.year, closes_on.month) != (opens_on.year, opens_on.month):
        return {
            "closes_on": "The survey must close in the month it opens: on "
            f"{day_words(_month_end(opens_on))} or earlier"
        }
    if (closes_on - opens_on).days + 1 < MINIMUM_DAYS:
        earliest = opens_on + timedelta(days=MINIMUM_DAYS - 1)
        if earliest.month != opens_on.month:
            return {
                "opens_on": f"The survey must be open for at least {MINIMUM_DAYS} days within "
                f"the month: open it on {day_words(_month_end(opens_on) - timedelta(days=13))} "
                "or earlier"
            }
        return {
            "closes_on": f"The survey must be open for at least {MINIMUM_DAYS} days: close it "
            f"on {day_words(earliest)} or later"
        }
    return {}


def _clash_problems(
    opens_on: date, closes_on: date, window: StaffSurveyWindow | None
) -> dict[str, str]:
    for other in list_windows():
        if window is not None and other.id == window.id:
            continue
        if other.opens_on <= closes_on and opens_on <= other.closes_on:
            return {
                "opens_on": f"These dates overlap {other.name} ({day_words(other.opens_on)} to "
                f"{day_words(other.closes_on)})"
            }
        if (other.opens_on.year, other.opens_on.month) == (opens_on.year, opens_on.month):
            return {
                "opens_on": f"{quarter_name(opens_on)} already has a window, {other.name} "
                f"({day_words(other.opens_on)} to {day_words(other.closes_on)}). "
                "Change that one instead"
            }
    return {}


def _change_problems(
    window: StaffSurveyWindow, opens_on: date, closes_on: date, today: date
) -> dict[str, str]:
    """Dates that may no longer move: answers are counted by them, and results once shown
    never change."""
    if today > window.closes_on and (opens_on, closes_on) != (window.opens_on, window.closes_on):
        return {"opens_on": f"{window.name} has closed, so its dates cannot change"}
    if window.opens_on <= today <= window.closes_on:
        if opens_on != window.opens_on:
            return {
                "opens_on": f"{window.name} is open, so its opening date cannot change "
                f"(it opened on {day_words(window.opens_on)})"
            }
        if closes_on < today:
            return {
                "closes_on": f"{window.name} is open: its closing date can be today, "
                f"{day_words(today)}, or later"
            }
    return {}


def check_window(
    opens_on: date,
    closes_on: date,
    name: str,
    today: date,
    window: StaffSurveyWindow | None = None,
) -> dict[str, str]:
    """Every rule the window breaks, by field (empty: it may be saved)."""
    if window is not None and (problems := _change_problems(window, opens_on, closes_on, today)):
        return problems
    problems = _date_problems(opens_on, closes_on) or _clash_problems(opens_on, closes_on, window)
    if problems:
        return problems  # (a name made from the quarter would only repeat the clash)
    taken = db.session.scalar(select(StaffSurveyWindow).where(StaffSurveyWindow.name == name))
    if taken is not None and (window is None or taken.id != window.id):
        return {"name": f"Another window is already called {name}"}
    return {}


def save_window(
    opens_on: date,
    closes_on: date,
    today: date,
    name: str | None = None,
    window: StaffSurveyWindow | None = None,
) -> StaffSurveyWindow:
    """Create a window, or change one; raises WindowError with every problem. Flushes."""
    name = (name or "").strip() or quarter_name(opens_on)
    problems = check_window(opens_on, closes_on, name, today, window)
    if problems:
        raise WindowError(problems)
    if window is None:
        window = StaffSurveyWindow(name=name, opens_on=opens_on, closes_on=closes_on)
        db.session.add(window)
    else:
        window.name, window.opens_on, window.closes_on = name, opens_on, closes_on
    db.session.flush()
    return window
