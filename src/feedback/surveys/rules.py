"""Rules about the shape of a definition's values, and the error every rule raises.

Each rule about one question starts its message "question N ('id')", so the error can name
the question for a publisher to find its line.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any


class SchemaError(ValueError):
    """A definition or translation file that breaks the rules; the message says where."""

    def __init__(
        self, message: str, *, question_id: str | None = None, line: int | None = None
    ) -> None:
        super().__init__(message)
        # Where the problem is, so a publisher can point at the line of the file.
        self.question_id = question_id
        self.line = line


# Every rule about one question starts its message "question N ('id')": that names it.
_QUESTION_WHERE = re.compile(r"^question \d+ \('(?P<id>[^']*)'\)")


def check(condition: bool, message: str) -> None:
    """SchemaError with the message unless the condition holds."""
    if not condition:
        found = _QUESTION_WHERE.match(message)
        raise SchemaError(message, question_id=found["id"] if found else None)


def _is_date(value: object) -> bool:
    return type(value) is date  # a TOML date-time is a datetime, which is also a date


def validate_dates(raw: dict[str, Any]) -> None:
    for key in ("opens_on", "closes_on"):
        check(
            raw.get(key) is None or _is_date(raw[key]),
            f"{key} must be a date written as YYYY-MM-DD, without quotes",
        )
    if raw.get("opens_on") and raw.get("closes_on"):
        check(raw["closes_on"] >= raw["opens_on"], "closes_on is before opens_on")


_TEXT_KEYS = ("id", "type", "title", "hint", "error_required", "records", "picture")


def validate_shape(where: str, question: dict[str, Any]) -> None:
    """Values of the right kind, so the later rules compare like with like."""
    for key in _TEXT_KEYS:
        check(key not in question or isinstance(question[key], str), f"{where}: {key} must be text")
    options = question.get("options", [])
    check(
        isinstance(options, list) and all(isinstance(o, dict) for o in options),
        f"{where}: options must be a list of {{ value = ..., label = ... }}",
    )
    check(
        all(isinstance(o.get("value"), str) and isinstance(o.get("label"), str) for o in options),
        f"{where}: each option needs a text value and label",
    )
    show_if = question.get("show_if")
    check(
        show_if is None or (isinstance(show_if, dict) and isinstance(show_if.get("equals"), str)),
        f"{where}: show_if must be {{ question = ..., equals = ... }}",
    )
    check(
        isinstance(question.get("max_characters", 0), int), f"{where}: max_characters is a number"
    )
