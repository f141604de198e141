"""Dry runs and applications of the retention rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from flask import current_app
from sqlalchemy import select

from feedback.db import trust_today
from feedback.extensions import db
from feedback.retention.models import RetentionRun
from feedback.retention.rules import registered_rules


def dry_run(by: str, today: date | None = None) -> RetentionRun:
    """What each rule would change today, recorded; nothing else is changed."""
    today = today or trust_today()
    report = []
    for rule in registered_rules():
        cutoff = rule.cutoff(today)
        due = rule.due(cutoff)
        report.append(_line(rule.id, cutoff, due.count, due.oldest, due.examples))
    run = RetentionRun(applied=False, by=by, report=report)
    db.session.add(run)
    return run


def apply_rules(by: str, today: date | None = None) -> RetentionRun:
    """Each rule's dry run, then the rule itself, all in the caller's one transaction: a run
    stopped half-way leaves nothing half-anonymised."""
    today = today or trust_today()
    report = []
    for rule in registered_rules():
        cutoff = rule.cutoff(today)
        due = rule.due(cutoff)
        changed = rule.apply(cutoff, today) if due.count else 0
        report.append(_line(rule.id, cutoff, due.count, due.oldest, due.examples, changed))
    run = RetentionRun(applied=True, by=by, report=report)
    db.session.add(run)
    return run


def _line(rule_id, cutoff, count, oldest, examples, changed=None) -> dict:  # type: ignore[no-untyped-def]
    line = {
        "rule": rule_id,
        "cutoff": cutoff.isoformat(),
        "due": count,
        "oldest": oldest.isoformat() if oldest else None,
        "examples": examples,
    }
    if changed is not None:
        line["changed"] = changed
    return line


def scheduled_run() -> int:
    """The nightly job: a dry run, or, once the trust has turned it on, the rules applied."""
    run = apply_rules("schedule") if current_app.config["RETENTION_APPLY"] else dry_run("schedule")
    return sum(line.get("changed", 0) for line in run.report)


def recent_runs(limit: int = 20) -> Sequence[RetentionRun]:
    return db.session.scalars(
        select(RetentionRun).order_by(RetentionRun.at.desc(), RetentionRun.id.desc()).limit(limit)
    ).all()
