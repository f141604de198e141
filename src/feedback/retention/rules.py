"""What each feature removes when its retention period ends.

Features register their rules (as they register submit handlers), so this package imports no
feature. Each rule works in SQL on every record past its cut-off at once: a count for the
dry run, and one set of UPDATEs to apply it, touching nothing but the personal fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from flask import Flask, current_app
from sqlalchemy import ColumnElement, func, select

from feedback.extensions import db

EXTENSION_KEY = "feedback.retention_rules"
# What a removed text field holds, so a page or an export shows why it is empty.
REMOVED = "[removed after the retention period]"
EXAMPLES_SHOWN = 20


@dataclass(frozen=True)
class Due:
    """What a rule would change today."""

    count: int
    oldest: date | None
    # A few references, so the team can look at what would go before it goes.
    examples: list[str]


def due_records(
    conditions: tuple[ColumnElement[bool], ...],
    oldest: Any,
    reference: Any,
    order_by: tuple[Any, ...],
) -> tuple[int, Any, list[str]]:
    """How many records the conditions pick, the smallest value of `oldest` among them, and
    the first few references in `order_by`: the dry run's figures, counted in SQL."""
    count, first = db.session.execute(
        select(func.count(), func.min(oldest)).where(*conditions)
    ).one()
    examples = db.session.scalars(
        select(reference).where(*conditions).order_by(*order_by).limit(EXAMPLES_SHOWN)
    ).all()
    return count or 0, first, [str(example) for example in examples]


@dataclass(frozen=True)
class RetentionRule:
    id: str
    # What is removed and what stays, in the team's words.
    description: str
    # The setting that holds the period, and whether it counts years or days.
    setting: str
    unit: str
    due: Callable[[date], Due]
    # Applies the rule to everything due before the cut-off; returns how many records changed.
    apply: Callable[[date, date], int]

    def period(self) -> int:
        return int(current_app.config[self.setting])

    def cutoff(self, today: date) -> date:
        if self.unit == "years":
            try:
                return today.replace(year=today.year - self.period())
            except ValueError:  # 29 February
                return today.replace(year=today.year - self.period(), day=28)
        return today - timedelta(days=self.period())


def register_rule(app: Flask, rule: RetentionRule) -> None:
    app.extensions.setdefault(EXTENSION_KEY, {})[rule.id] = rule


def registered_rules() -> list[RetentionRule]:
    rules: dict[str, RetentionRule] = current_app.extensions.get(EXTENSION_KEY, {})
    return [rules[key] for key in sorted(rules)]
