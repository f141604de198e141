"""The results tables as CSV: the same figures as the page, one file per table.

Every cell goes through the shared spreadsheet guard: admins type the window and directorate
names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from feedback.staff_survey.results import Breakdown, WindowResults, list_items
from feedback.staff_survey.suppression import Figure, Hidden
from feedback.web.spreadsheet import spreadsheet_row

Cell = str | int | None
NOT_SHOWN = "not shown"
NO_RESPONSES = "no responses"
TRUST_TABLE = "trust"


def figure_cells(figure: Figure) -> tuple[Cell, Cell]:
    """(% positive, number answering) as the CSV writes them."""
    if figure.hidden == Hidden.NO_RESPONSES:
        return NO_RESPONSES, 0
    if figure.hidden is not None:
        return NOT_SHOWN, NOT_SHOWN
    return figure.percent, figure.answered


def trust_rows(results: WindowResults) -> tuple[list[str], list[list[Cell]]]:
    columns = ["Window", "Item", "Wording", "Measure", "Percent", "Number answering"]
    rows = [
        [results.window.name, item.number, item.wording, item.measure, *figure_cells(figure)]
        for item in list_items()
        for figure in [results.trust[item.id]]
    ]
    return columns, rows


def breakdown_rows(results: WindowResults, breakdown: Breakdown) -> tuple[list[str], list]:
    columns = ["Window", breakdown.dimension.title.removeprefix("By ").capitalize()]
    for item in list_items():
        columns += [f"Item {item.number} {item.measure}", f"Item {item.number} number answering"]
    rows = []
    for group in breakdown.groups:
        row: list[Cell] = [results.window.name, group.name]
        for figure in breakdown.row(group):
            row.extend(figure_cells(figure))
        rows.append(row)
    return columns, rows


def table_csv(results: WindowResults, slug: str) -> str | None:
    """One table of the window's results as CSV, or None if there is no such table."""
    if slug == TRUST_TABLE:
        columns, rows = trust_rows(results)
    else:
        found = [b for b in results.breakdowns if b.dimension.slug == slug]
        if not found:
            return None
        columns, rows = breakdown_rows(results, found[0])
    return to_csv(columns, rows)


def to_csv(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(spreadsheet_row(columns))
    writer.writerows(spreadsheet_row(row) for row in rows)
    return out.getvalue()
