"""The PROM figures as the page and its CSV show them, with small numbers hidden from
service managers (the patient experience team and admins see every count).

A count of 1 to 4 is never shown to a manager, nor a percentage made from one. Where the
total is shown beside its parts, a total that would let a hidden part be worked out by
subtraction is hidden too, and so are accepted and declined together (each is offered
minus the other).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from feedback.surveys.scoring import percent_half_up
from feedback.web.spreadsheet import spreadsheet_safe

MINIMUM_SHOWN = 5
COUNTS = (
    ("offered", "Offered"),
    ("accepted", "Accepted"),
    ("declined", "Declined"),
    ("completed", "Completed"),
)
# (key, heading, numerator, denominator)
PERCENTS = (
    ("completion_rate", "Completion rate (completed of offered)", "completed", "offered"),
    ("has_copy", "Have a copy of their care plan", "has_copy_yes", "has_copy_answered"),
    ("helped_write", "Helped write it", "helped_write_yes", "helped_write_answered"),
    ("planned_talk", "Had a planned conversation", "planned_talk_yes", "planned_talk_answered"),
)
HIDDEN_TEXT = "Fewer than 5"


@dataclass(frozen=True)
class Shown:
    value: int | None  # None: nothing to show (hidden, or no denominator)
    hidden: bool = False

    def __str__(self) -> str:
        if self.hidden:
            return HIDDEN_TEXT
        return "" if self.value is None else str(self.value)


@dataclass(frozen=True)
class FigureRow:
    name: str
    counts: dict[str, Shown]
    percents: dict[str, Shown]


def _small(value: int) -> bool:
    return 0 < value < MINIMUM_SHOWN


def _with_declined(figures: Mapping[str, int]) -> dict[str, int]:
    return {**figures, "declined": figures.get("offered", 0) - figures.get("accepted", 0)}


def _hidden_counts(values: Mapping[str, int], suppress: bool, extra: set[str]) -> set[str]:
    hidden = {key for key, _ in COUNTS if suppress and _small(values.get(key, 0))} | extra
    if hidden & {"accepted", "declined"}:
        hidden |= {"accepted", "declined"}
    return hidden


def _row(name: str, values: Mapping[str, int], suppress: bool, hidden: set[str]) -> FigureRow:
    counts = {
        key: Shown(None, True) if key in hidden else Shown(values.get(key, 0)) for key, _ in COUNTS
    }
    percents = {}
    for key, _, part, whole in PERCENTS:
        numerator, denominator = values.get(part, 0), values.get(whole, 0)
        if suppress and (part in hidden or _small(numerator) or _small(denominator)):
            percents[key] = Shown(None, True)
        else:
            percents[key] = Shown(percent_half_up(numerator, denominator))
    return FigureRow(name, counts, percents)


def _total_hides(values: list[dict[str, int]], hidden: list[set[str]]) -> set[str]:
    """Columns of the total to hide so that no hidden part can be worked out by subtracting
    the shown parts from it."""
    hide = set()
    for key, _ in COUNTS:
        parts = [row[key] for row, gone in zip(values, hidden, strict=True) if key in gone]
        if len(parts) == 1 or _small(sum(parts)):
            hide.add(key)
    return hide


@dataclass(frozen=True)
class FigureTables:
    units: list[FigureRow]
    months: list[FigureRow]
    total: FigureRow


Named = tuple[str, Mapping[str, int]]


def _partition(
    named: list[Named], suppress: bool, children: list[list[Mapping[str, int]]] | None = None
) -> tuple[list[FigureRow], list[dict[str, int]], list[set[str]]]:
    """Rows for one breakdown. A unit with children (a service's wards, shown on the ward
    breakdown) also hides what would give away a hidden child by subtraction."""
    values = [_with_declined(figures) for _, figures in named]
    hidden = []
    for position, v in enumerate(values):
        extra: set[str] = set()
        if suppress and children is not None:
            kids = [_with_declined(child) for child in children[position]]
            extra = _total_hides(kids, [_hidden_counts(k, True, set()) for k in kids])
        hidden.append(_hidden_counts(v, suppress, extra))
    rows = [
        _row(name, v, suppress, gone)
        for (name, _), v, gone in zip(named, values, hidden, strict=True)
    ]
    return rows, values, hidden


def figure_tables(
    units: list[Named],
    months: Mapping[date, Mapping[str, int]],
    suppress: bool,
    children: list[list[Mapping[str, int]]] | None = None,
) -> FigureTables:
    """Each unit's row, each month's row, and the total both add up to, as shown to this
    viewer. The total hides whatever either breakdown would give away by subtraction;
    `children` (each unit's wards, for the service breakdown) does the same one level down."""
    unit_rows, unit_values, unit_hidden = _partition(units, suppress, children)
    month_rows, month_values, month_hidden = _partition(
        [(f"{month:%B %Y}", figures) for month, figures in months.items()], suppress
    )
    total: dict[str, int] = {}
    for figures in unit_values:
        for key, value in figures.items():
            total[key] = total.get(key, 0) + value
    total = _with_declined(total)
    extra: set[str] = set()
    if suppress:
        extra = _total_hides(unit_values, unit_hidden) | _total_hides(month_values, month_hidden)
    total_row = _row("Total", total, suppress, _hidden_counts(total, suppress, extra))
    return FigureTables(unit_rows, month_rows, total_row)


def to_csv(first_heading: str, rows: list[FigureRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [first_heading, *(h for _, h in COUNTS), *(f"{h} (%)" for _, h, _, _ in PERCENTS)]
    )
    for row in rows:
        writer.writerow(
            [
                spreadsheet_safe(row.name),
                *(str(row.counts[key]) for key, _ in COUNTS),
                *(str(row.percents[key]) for key, _, _, _ in PERCENTS),
            ]
        )
    return out.getvalue()
