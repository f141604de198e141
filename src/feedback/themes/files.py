"""The themes engine on CSV files: classify, suggest and redact, as the command line offers.

These columns are how the engine is checked from outside: keep them exactly.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import select

from feedback.extensions import db
from feedback.themes.model import CommentInput, suggest
from feedback.themes.redaction import redact
from feedback.themes.tagging import current_tagger
from feedback.themes.urgent import is_urgent

CLASSIFY_COLUMNS = ("id", "themes", "sentiment", "urgent")
BATCH = 5000


class FileProblem(ValueError):
    """A file the command cannot use, with a message saying why."""


def _rating(value: str | None) -> int | None:
    try:
        rating = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return rating if 1 <= rating <= 6 else None


def read_rows(path: Path, required: Sequence[str]) -> tuple[list[str], list[dict[str, str]]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            reader.fieldnames = header
            rows = [
                {key: (value or "") for key, value in row.items() if key is not None}
                for row in reader
            ]
    except UnicodeDecodeError as error:
        raise FileProblem(f"{path} is not UTF-8 text: save it as CSV UTF-8.") from error
    missing = [name for name in required if name not in header]
    if missing:
        raise FileProblem(f"{path} has no column {', '.join(missing)} (it has {header}).")
    return header, rows


def comment_inputs(rows: Iterable[dict[str, str]]) -> list[CommentInput]:
    return [
        CommentInput(
            text=row.get("text", ""),
            question=(row.get("question") or "").strip() or None,
            rating=_rating(row.get("rating")),
        )
        for row in rows
    ]


def classify_file(source: Path, output: Path) -> int:
    """Themes, sentiment and urgency for each row; returns the rows written."""
    _header, rows = read_rows(source, ("id", "text"))
    tagger = current_tagger()
    inputs = comment_inputs(rows)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CLASSIFY_COLUMNS)
        for start in range(0, len(inputs), BATCH):
            chunk = inputs[start : start + BATCH]
            results = tagger.tag_inputs(chunk)
            for row, comment, (themes, sentiment, _scale, _value) in zip(
                rows[start : start + BATCH], chunk, results, strict=True
            ):
                writer.writerow(
                    [
                        row["id"],
                        ";".join(tagger.in_framework_order(themes)),
                        sentiment.value if sentiment else "neutral",
                        "true" if is_urgent(comment.text) else "false",
                    ]
                )
    return len(rows)


def suggest_file(source: Path, n: int, output: Path) -> int:
    """The n comments the model would learn most from, most first, in the input's columns."""
    header, rows = read_rows(source, ("id", "text"))
    tagger = current_tagger()
    inputs = comment_inputs(rows)
    if tagger.model is not None:
        picked = suggest(tagger.model, inputs, min(n, len(rows)))
    else:
        values = [value for *_rest, value in tagger.tag_inputs(inputs)]
        picked = sorted(range(len(rows)), key=lambda i: -(values[i] or 0))[:n]
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows[i] for i in picked)
    return len(picked)


def staff_names() -> list[str]:
    from feedback.auth.models import User

    return [name for name in db.session.scalars(select(User.name)) if name]


def redact_file(source: Path, output: Path, names_file: Path | None) -> int:
    _header, rows = read_rows(source, ("id", "text"))
    names = staff_names()
    if names_file is not None:
        names += [
            line.strip()
            for line in names_file.read_text(encoding="utf-8-sig").splitlines()
            if line.strip()
        ]
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("id", "text"))
        for row in rows:
            writer.writerow((row["id"], redact(row["text"], names)))
    return len(rows)
