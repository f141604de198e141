"""One shape for every table a dashboard shows: the page renders it, the chart's "show the data"
renders it, and the exports write it, so the file always matches the screen."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from feedback.web.spreadsheet import spreadsheet_row, spreadsheet_safe

Cell = str | int | float | None


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


def shown(value: Cell) -> str:
    return "" if value is None else str(value)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(spreadsheet_row(table.columns))
    writer.writerows(spreadsheet_row(row) for row in table.rows)
    return out.getvalue()


def _xlsx_row(cells: Sequence[object]) -> list[object]:
    # An .xlsx is XML, which cannot hold most control characters: openpyxl raises on them, so a
    # ward name typed with one (an escape pasted from another system) made the download a 500.
    return [ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in cells]


def to_xlsx(table: Table, context: str) -> bytes:
    """One sheet: a title row (what, where, when), the header, then the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = table.slug[:31]
    sheet.append(_xlsx_row([spreadsheet_safe(f"{table.title}: {context}")]))
    sheet["A1"].font = Font(bold=True)
    sheet.append(_xlsx_row(spreadsheet_row(table.columns)))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in table.rows:
        # openpyxl stores text starting with "=" as a formula: guarded, it never does.
        sheet.append(_xlsx_row(spreadsheet_row(row)))
    for index, column in enumerate(table.columns, start=1):
        width = max([len(str(column))] + [len(shown(r[index - 1])) for r in table.rows[:200]])
        sheet.column_dimensions[sheet.cell(row=2, column=index).column_letter].width = min(
            max(width + 2, 8), 60
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
