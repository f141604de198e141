"""Cells bound for a spreadsheet (a CSV download or an Excel sheet), made safe to open.

Every download with text someone typed (a ward's name, a comment, a window's name) sends its
cells through here, so one list decides what a spreadsheet would run. Files that are an
interface, checked from outside, keep their values exactly and do not: the output of
`complaints clock`, `themes ...` and `sms read`, and NHS England's FFT return.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection),
# full-width forms included.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")

Value = TypeVar("Value")


def spreadsheet_safe(text: str) -> str:
    """The text, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def spreadsheet_cell(value: Value) -> Value | str:
    """A cell as `spreadsheet_safe` makes text; a number, date or None is left as it is, so a
    negative change stays a number a spreadsheet can add up rather than text."""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def spreadsheet_row(values: Iterable[Value]) -> list[Value | str]:
    """Each cell of a row through `spreadsheet_cell`."""
    return [spreadsheet_cell(value) for value in values]
