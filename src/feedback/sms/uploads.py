"""Invites from a CSV file of discharges or contacts: the file's text read into rows that
`invites.check_rows` checks, the same rows the JSON API makes from its body.

The file is checked whole, then previewed; the confirm form carries its text back and it is
read and checked again, so nothing from the browser is trusted. (The bytes are read by
`feedback.web.uploads`, as for the eligible-count import.)
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from feedback.sms.invites import InviteRow
from feedback.surveys.text import is_plain_text
from feedback.web.uploads import (  # noqa: F401 - the upload page's names for them
    DEFAULT_MAX_BYTES,
    NOT_CSV,
    UploadError,
    decode_upload,
    max_upload_bytes,
    size_in_words,
    too_big,
)

# save_invites looks each row up on its own (with a flush): 5,000 rows take about 6 s on
# SQLite. Raise this once it looks them up in batches.
MAX_ROWS = 5_000
REQUIRED_COLUMNS = ("location_code", "mobile", "contact_date")
OPTIONAL_COLUMNS = ("language", "do_not_contact")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS


def row_id(row: InviteRow) -> str:
    """The id of a row's line in the preview table ("Row 3" -> "row-3")."""
    return row.label.lower().replace(" ", "-")


def problem(row: InviteRow, message: str) -> str:
    """A message without the row's own label, for the table that already names the row."""
    return message.removeprefix(f"{row.label}: ")


def read_invites(text: str, max_bytes: int) -> list[InviteRow]:
    """Every row of the file, as sent; raises UploadError for the file as a whole. The rows
    still need `check_rows`."""
    # Decoded text has no more characters than the file had bytes.
    if len(text) > max_bytes:
        raise UploadError(too_big(max_bytes))
    if not is_plain_text(text):  # a NUL or other control: not a CSV file, whatever its name
        raise UploadError(NOT_CSV)
    try:
        records = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise UploadError(NOT_CSV) from None
    if not records:
        raise UploadError("The file is empty")
    positions = _header_positions(records[0])
    rows = [
        _row(number, record, positions)
        for number, record in enumerate(records[1:], start=2)
        if any(cell.strip() for cell in record)
    ]
    if not rows:
        raise UploadError("The file has no rows under the column names")
    if len(rows) > MAX_ROWS:
        raise UploadError(f"The file has more than {MAX_ROWS:,} rows. Split it into parts")
    return rows


def _header_positions(header: list[str]) -> dict[str, int]:
    names = [cell.strip().lstrip("\ufeff").strip().lower() for cell in header]
    while names and not names[-1]:
        names.pop()
    unknown = [name for name in names if name not in COLUMNS]
    missing = [name for name in REQUIRED_COLUMNS if name not in names]
    if unknown or missing or len(set(names)) != len(names):
        raise UploadError(
            "The first row must name the columns "
            + ", ".join(REQUIRED_COLUMNS)
            + " (and, if you use them, "
            + " and ".join(OPTIONAL_COLUMNS)
            + "), in any order"
        )
    return {name: index for index, name in enumerate(names)}


def _row(number: int, record: list[str], positions: dict[str, int]) -> InviteRow:
    cells = list(record)
    while cells and not cells[-1].strip():
        cells.pop()
    extra = len(cells) > len(positions)
    cells += [""] * (len(positions) - len(cells))

    def cell(name: str) -> str:
        return cells[positions[name]] if name in positions else ""

    row = InviteRow(
        label=f"Row {number}",
        location_code=cell("location_code"),
        mobile=cell("mobile"),
        contact_on=cell("contact_date"),
        language=cell("language").strip() or "en",
        do_not_contact=cell("do_not_contact"),
    )
    if extra:
        row.errors.append(
            f"{row.label}: this row has {len(cells)} values but there are {len(positions)} columns"
        )
    return row


def sample_csv(today: date, location_codes: list[str]) -> str:
    """A small file in the upload's shape, with the trust's own codes and drama-range numbers
    (07700 900000 to 900999: kept by Ofcom for TV and film, never a real person's)."""
    codes = (location_codes or ["WARD-CODE"]) * 3
    yesterday = (today - timedelta(days=1)).isoformat()
    lines = [
        ",".join(COLUMNS),
        f"{codes[0]},07700 900001,{yesterday},en,no",
        f"{codes[1]},07700900002,{yesterday},pl,",
        f"{codes[2]},+44 7700 900003,{today.isoformat()},en,yes",
    ]
    return "\r\n".join(lines) + "\r\n"
