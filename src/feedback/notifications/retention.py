"""The email outbox's retention rule: a sent email's address and words (a complaint copy can
hold a whole complaint) are removed after the period; that it was sent, and when, stays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from flask import Flask
from sqlalchemy import update

from feedback.db import TRUST_TIMEZONE
from feedback.extensions import db
from feedback.notifications.models import EmailMessage
from feedback.retention.rules import REMOVED, Due, RetentionRule, due_records, register_rule


def _due(cutoff: date):  # type: ignore[no-untyped-def]
    # Stored in UTC (SQLite keeps the wall-clock time it was given): compare in UTC.
    start = datetime.combine(cutoff, time(), tzinfo=TRUST_TIMEZONE).astimezone(UTC)
    return (EmailMessage.created_at < start, EmailMessage.body != REMOVED)


def due_emails(cutoff: date) -> Due:
    count, oldest, examples = due_records(
        _due(cutoff), EmailMessage.created_at, EmailMessage.reference, (EmailMessage.id,)
    )
    oldest_day = oldest.astimezone(TRUST_TIMEZONE).date() if oldest else None
    return Due(count=count, oldest=oldest_day, examples=examples)


def remove_email_contents(cutoff: date, today: date) -> int:
    changed = db.session.execute(
        update(EmailMessage)
        .where(*_due(cutoff))
        .values(to=REMOVED, body=REMOVED)
        .execution_options(synchronize_session=False)
    )
    return changed.rowcount or 0


def register(app: Flask) -> None:
    register_rule(
        app,
        RetentionRule(
            id="emails",
            description=(
                "Emails in the outbox older than the period: the address and the words are "
                "removed. The subject, reference, status and dates stay."
            ),
            setting="RETENTION_EMAIL_DAYS",
            unit="days",
            due=due_emails,
            apply=remove_email_contents,
        ),
    )
