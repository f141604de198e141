"""One shape for every table a dashboard shows: the page renders it, the chart's "show the data"
renders it, and the exports write it, so the file always matches the screen."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.styles import Font

Cell = str | int | float | None

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


@dataclass
class Table:
    slug: str  # the export's file name
    title: str
    columns: Sequence[str]
    rows: list[list[Cell]] = field(default_factory=list)
    # Cells under these columns are numbers: right-aligned, and numbers in the .xlsx.
    numeric: frozenset[int] = frozenset()
    note: str | None = None

    def add(self, *cells: Cell) -> None:
        self.rows.append(list(cells))


def neutralised(value: Cell) -> Cell:
    """A text cell a spreadsheet would read as a formula gets a leading apostrophe; numbers
    stay numbers (a negative change is a number, not a formula)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def shown(value: Cell) -> str:
    return "" if value is None else str(value)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralised(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([shown(neutralised(c)) for c in row])
    return out.getvalue()


def to_xlsx(table: Table, context: str) -> bytes:
    """One sheet: a title row (what, where, when), the header, then the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = table.slug[:31]
    sheet.append([neutralised(f"{table.title}: {context}")])
    sheet["A1"].font = Font(bold=True)
    sheet.append([neutralised(c) for c in table.columns])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        # openpyxl stores text starting with "=" as a formula: neutralised, it never does.
        sheet.append([neutralised(c) for c in row])
    for index, column in enumerate(table.columns, start=1):
        width = max([len(str(column))] + [len(shown(r[index - 1])) for r in table.rows[:200]])
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(
            max(width + 2, 8), 60
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
