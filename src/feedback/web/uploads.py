"""Reading an uploaded CSV file's bytes into text, the same way for every import: a clear
message for an empty file, one too big, an Excel workbook, or text in no encoding we read."""

from __future__ import annotations

from contextlib import suppress

from flask import current_app

DEFAULT_MAX_BYTES = 2_000_000
NOT_CSV = "The file must be a CSV file (comma separated values)"


class UploadError(ValueError):
    """The file as a whole cannot be read; the message says why, for the person uploading."""


def max_upload_bytes() -> int:
    return int(current_app.config.get("IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))


def size_in_words(size: int) -> str:
    return f"{size / 1_000_000:g} MB" if size >= 1_000_000 else f"{size / 1000:g} kB"


def too_big(max_bytes: int) -> str:
    return f"The file must be {size_in_words(max_bytes)} or smaller"


def decode_upload(data: bytes, max_bytes: int) -> str:
    """The text of an uploaded CSV file: UTF-8 (with or without a BOM) or Windows-1252."""
    if not data.strip():
        raise UploadError("The file is empty")
    if len(data) > max_bytes:
        raise UploadError(too_big(max_bytes))
    if data.startswith(b"PK\x03\x04"):
        raise UploadError(
            "The file is an Excel workbook. In Excel choose Save As, then CSV (comma delimited)"
        )
    if b"\x00" in data:
        raise UploadError(NOT_CSV)
    # cp1252: what Excel's "CSV (comma delimited)" writes on Windows.
    for encoding in ("utf-8-sig", "cp1252"):
        with suppress(UnicodeDecodeError):
            return data.decode(encoding)
    raise UploadError("The file's text could not be read. Save it as CSV UTF-8 and upload it again")
