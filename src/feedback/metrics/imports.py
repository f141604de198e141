"""Eligible counts and the old FFT question's results, from a CSV file or the API.

A file or a body is checked whole before anything is stored: one bad row and nothing is
saved. The upload and the API share the checks here, so a row one refuses the other refuses.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from sqlalchemy import func, select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.metrics.calendar import add_months
from feedback.metrics.compute import recompute_days
from feedback.metrics.models import LEGACY_COLUMNS, EligibleCount, LegacyFftMonth
from feedback.organisation.models import Location
from feedback.surveys.text import is_plain_text
from feedback.web.spreadsheet import FORMULA_STARTS
from feedback.web.uploads import (
    NOT_CSV,
    UploadError,
    too_big,
)

MAX_ROWS = 20_000
MAX_COUNT = 1_000_000  # more than any ward or team sees in a month; also fits every INTEGER
# Nothing before the FFT began (April 2013) can be a count of it; the bound also keeps the
# calendar table that the summaries group by from being filled back to year 1.
EARLIEST_MONTH = date(2013, 4, 1)
LEGACY_REPLACED_ON = date(2020, 4, 1)

MONTH_FORMAT = "Enter the month as YYYY-MM, for example 2026-11"
FORMULA = "This looks like a spreadsheet formula, not a number"
LEGACY_REPLACED = "The old question was replaced in April 2020"
_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]*\.[0-9]+")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})(?:-01)?")


class ImportKind(StrEnum):
    ELIGIBLE = "eligible"
    LEGACY = "legacy"


@dataclass(frozen=True)
class ImportSpec:
    kind: ImportKind
    title: str
    noun: str  # the title within a sentence
    model: type[EligibleCount] | type[LegacyFftMonth]
    count_columns: tuple[str, ...]
    source_column: str  # who or which system sent the figures

    @property
    def columns(self) -> tuple[str, ...]:
        return ("location_code", "month", *self.count_columns)


SPECS = {
    ImportKind.ELIGIBLE: ImportSpec(
        ImportKind.ELIGIBLE,
        "Eligible counts",
        "eligible counts",
        EligibleCount,
        ("eligible",),
        "source",
    ),
    ImportKind.LEGACY: ImportSpec(
        ImportKind.LEGACY,
        "Legacy FFT results",
        "legacy FFT results",
        LegacyFftMonth,
        LEGACY_COLUMNS,
        "imported_by",
    ),
}
COLUMN_LABELS = {
    "location_code": "Location code",
    "month": "Month",
    "eligible": "Eligible",
    "extremely_likely": "Extremely likely",
    "likely": "Likely",
    "neither_likely_nor_unlikely": "Neither likely nor unlikely",
    "unlikely": "Unlikely",
    "extremely_unlikely": "Extremely unlikely",
    "dont_know": "Don't know",
}


# The file as a whole cannot be read (the shared reader's error, by the name imports use).
ImportFileError = UploadError


@dataclass
class ImportRow:
    number: int  # the spreadsheet's row number (the header is row 1), or the API item's index
    code: str = ""
    month: date | None = None
    counts: dict[str, int] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # as given, for the report
    errors: list[str] = field(default_factory=list)
    location_id: int | None = None
    location_name: str = ""
    replaces: dict[str, int] | None = None  # what is stored now for this location and month


@dataclass
class ImportPreview:
    kind: ImportKind
    rows: list[ImportRow]
    existing: dict[tuple[int, date], EligibleCount | LegacyFftMonth] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def error_rows(self) -> list[ImportRow]:
        return [row for row in self.rows if row.errors]

    @property
    def replacing(self) -> int:
        return sum(1 for row in self.rows if row.replaces is not None)


@dataclass(frozen=True)
class ImportResult:
    added: int
    replaced: int

    @property
    def saved(self) -> int:
        return self.added + self.replaced


def month_from_text(text: str) -> tuple[date | None, str | None]:
    """A month given as YYYY-MM or YYYY-MM-01, or the message saying what to enter."""
    found = _MONTH.fullmatch(text.strip())
    if found is None or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1:
        return None, MONTH_FORMAT
    return date(int(found[1]), int(found[2]), 1), None


def count_from_text(text: str, column: str) -> tuple[int | None, str | None]:
    """A count as a spreadsheet cell gives it, or the message saying what is wrong."""
    label = COLUMN_LABELS[column]
    value = text.strip()
    if not value:
        return None, f"{label}: enter the count"
    if _INTEGER.fullmatch(value) and text[:1] not in ("\t", "\r", "\n"):
        if len(value.lstrip("-")) > len(str(MAX_COUNT)):
            return None, f"{label}: the count must be {MAX_COUNT:,} or less"
        return int(value), None
    # The exports' list, refused rather than escaped (a count is never text); a tab or line
    # break before a formula hides it.
    if text.startswith(FORMULA_STARTS) or value.startswith(FORMULA_STARTS):
        return None, FORMULA
    if _DECIMAL.fullmatch(value):
        return None, f"{label}: enter a whole number, not a decimal"
    return None, f"{label}: enter a number, for example 120"


def count_problem(value: int, column: str) -> str | None:
    label = COLUMN_LABELS[column]
    if value < 0:
        return f"{label}: the count must be 0 or more"
    if value > MAX_COUNT:
        return f"{label}: the count must be {MAX_COUNT:,} or less"
    return None


def read_csv(kind: ImportKind, text: str, today: date, max_bytes: int) -> ImportPreview:
    """Every row of the file, each with its problems; raises ImportFileError for the file."""
    # Decoded text has no more characters than the file had bytes.
    if len(text) > max_bytes:
        raise ImportFileError(too_big(max_bytes))
    if not is_plain_text(text):  # a NUL or other control: not a CSV file, whatever its name
        raise ImportFileError(NOT_CSV)
    spec = SPECS[kind]
    try:
        records = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise ImportFileError(NOT_CSV) from None
    if not records:
        raise ImportFileError("The file is empty")
    positions = _header_positions(spec, records[0])
    rows = [
        _row_from_record(spec, number, record, positions)
        for number, record in enumerate(records[1:], start=2)
        if any(cell.strip() for cell in record)
    ]
    if not rows:
        raise ImportFileError("The file has no rows under the column names")
    if len(rows) > MAX_ROWS:
        raise ImportFileError(f"The file has more than {MAX_ROWS:,} rows. Split it into parts")
    return check_rows(kind, rows, today)


def _header_positions(spec: ImportSpec, header: list[str]) -> dict[str, int]:
    names = [cell.strip().lstrip("\ufeff").strip().lower() for cell in header]
    while names and not names[-1]:
        names.pop()
    if sorted(names) != sorted(spec.columns):
        raise ImportFileError(
            "The first row must name the columns " + ", ".join(spec.columns) + ", in any order"
        )
    return {name: index for index, name in enumerate(names)}


def _row_from_record(
    spec: ImportSpec, number: int, record: list[str], positions: dict[str, int]
) -> ImportRow:
    cells = list(record)
    while cells and not cells[-1].strip():
        cells.pop()
    row = ImportRow(number=number)
    if len(cells) > len(positions):
        row.errors.append(
            f"This row has {len(cells)} values but there are {len(positions)} columns"
        )
    cells += [""] * (len(positions) - len(cells))
    row.values = {name: cells[positions[name]] for name in spec.columns}
    row.code = row.values["location_code"].strip()
    if not row.code:
        row.errors.append("Enter the location code")
    row.month, problem = month_from_text(row.values["month"])
    if problem:
        row.errors.append(problem)
    for column in spec.count_columns:
        value, problem = count_from_text(row.values[column], column)
        if value is not None:
            row.counts[column] = value
        elif problem:
            row.errors.append(problem)
    return row


def _row_label(number: int) -> str:
    return f"row {number}"


def check_rows(
    kind: ImportKind,
    rows: list[ImportRow],
    today: date,
    where: Callable[[int], str] = _row_label,
) -> ImportPreview:
    """The checks that need the database or other rows, for rows read from a file or a body.
    `where` names another row in a message (a file's row, an API item)."""
    spec = SPECS[kind]
    locations = _locations_by_code({row.code for row in rows if row.code})
    for row in rows:
        _check_location(row, locations)
        _check_month(spec, row, today)
        for column, value in row.counts.items():
            if problem := count_problem(value, column):
                row.errors.append(problem)
    _flag_repeats(rows, where)
    existing = _existing(spec, rows)
    for row in rows:
        stored = existing.get((row.location_id, row.month))  # type: ignore[arg-type]
        if stored is not None:
            row.replaces = {column: getattr(stored, column) for column in spec.count_columns}
    return ImportPreview(kind, rows, existing)


def _locations_by_code(codes: set[str]) -> dict[str, Location]:
    # No code holds a NUL, and PostgreSQL refuses one in a query: such a row is "no location".
    codes = {code for code in codes if "\x00" not in code}
    if not codes:
        return {}
    lowered = sorted({code.lower() for code in codes})
    found = db.session.scalars(select(Location).where(func.lower(Location.code).in_(lowered)))
    return {location.code.lower(): location for location in found}


def _check_location(row: ImportRow, locations: dict[str, Location]) -> None:
    if not row.code:
        return
    location = locations.get(row.code.lower())
    if location is None:
        row.errors.append(f"There is no location with the code {row.code}")
    else:
        row.location_id, row.location_name = location.id, location.name


def _check_month(spec: ImportSpec, row: ImportRow, today: date) -> None:
    if row.month is None:
        return
    if row.month > today.replace(day=1):
        row.errors.append("The month is in the future")
    elif row.month < EARLIEST_MONTH:
        row.errors.append("The month must be April 2013 or later, when the FFT began")
    elif spec.kind is ImportKind.LEGACY and row.month >= LEGACY_REPLACED_ON:
        row.errors.append(LEGACY_REPLACED)


def _flag_repeats(rows: Iterable[ImportRow], where: Callable[[int], str]) -> None:
    seen: dict[tuple[int, date], list[ImportRow]] = {}
    for row in rows:
        if row.location_id is not None and row.month is not None:
            seen.setdefault((row.location_id, row.month), []).append(row)
    for same in seen.values():
        for row in same if len(same) > 1 else ():
            others = ", ".join(where(other.number) for other in same if other is not row)
            row.errors.append(f"The same location and month are in {others}")


def _existing(
    spec: ImportSpec, rows: Sequence[ImportRow]
) -> dict[tuple[int, date], EligibleCount | LegacyFftMonth]:
    keys = {
        (row.location_id, row.month)
        for row in rows
        if row.location_id is not None and row.month is not None
    }
    if not keys:
        return {}
    model = spec.model
    # Two IN lists rather than one per row; rows for pairs not asked about are dropped.
    stored = db.session.scalars(
        select(model).where(
            model.location_id.in_(sorted({key[0] for key in keys})),
            model.month.in_(sorted({key[1] for key in keys})),
        )
    )
    return {(s.location_id, s.month): s for s in stored if (s.location_id, s.month) in keys}


def save_rows(preview: ImportPreview, source: str) -> ImportResult:
    """Store checked rows (add or replace by location and month), then recompute the monthly
    summaries they touch. Flushes only: the caller commits, so all of it happens or none."""
    if preview.has_errors:
        raise ValueError("Rows with errors cannot be saved")
    spec = SPECS[preview.kind]
    added = 0
    for row in preview.rows:
        key = (row.location_id, row.month)
        stored = preview.existing.get(key)  # type: ignore[arg-type]
        if stored is None:
            stored = spec.model(location_id=row.location_id, month=row.month)
            db.session.add(stored)
            added += 1
        for column, value in row.counts.items():
            setattr(stored, column, value)
        setattr(stored, spec.source_column, source[:200])
        if spec.kind is ImportKind.LEGACY:
            stored.imported_at = utc_now()  # type: ignore[union-attr]
    db.session.flush()
    # The monthly figures sit on each month's first day, so those days are all that change.
    recompute_days({row.month for row in preview.rows if row.month is not None})
    return ImportResult(added=added, replaced=len(preview.rows) - added)


def months_back(month: date, count: int) -> date:
    return add_months(month, -count)
