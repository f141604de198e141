"""Recording and reading the audit trail.

Features say which of their pages are audited with `watch`, at their blueprint: a successful
GET of one of those pages is a look, a POST that redirects (the pattern every form here
follows once its change is committed) is a change. A POST that shows the form again with
an error changed nothing and is not recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from flask import Blueprint, Response, request
from flask_login import current_user
from sqlalchemy import Select, func, select

from feedback.audit.models import AuditAction, AuditEvent, AuditSubject
from feedback.db import TRUST_TIMEZONE
from feedback.extensions import db

PAGE_SIZE = 50


@dataclass(frozen=True)
class Watched:
    """How one page is audited."""

    subject: AuditSubject
    # The URL's argument that names the record (a case reference, an account id).
    key: str | None
    what: str
    # For a page that creates the record: where its id is in the redirect's address.
    created_at: re.Pattern[str] | None = None


def record(
    action: AuditAction, subject: AuditSubject, subject_ref: str, what: str, user=None
) -> AuditEvent:  # type: ignore[no-untyped-def]
    """Add an event to the session; the caller commits it."""
    user = user if user is not None else current_user
    event = AuditEvent(
        user_id=user.id,
        user_email=user.email,
        user_role=str(user.role.value),
        action=action,
        subject=subject,
        subject_ref=str(subject_ref)[:64],
        what=what[:200],
    )
    db.session.add(event)
    return event


def watch(blueprint: Blueprint, pages: dict[str, Watched]) -> None:
    """Record a look or a change whenever one of the blueprint's named views succeeds."""

    @blueprint.after_request
    def _audit(response: Response) -> Response:
        endpoint = (request.endpoint or "").rpartition(".")[2]
        watched = pages.get(endpoint)
        if watched is None or not current_user.is_authenticated:
            return response
        action = _action(watched, response)
        if action is None:
            return response
        ref = _subject_ref(watched, response)
        if ref is not None:
            # Its own short transaction, after the view's change was committed.
            record(action, watched.subject, ref, watched.what)
            db.session.commit()
        return response


def _action(watched: Watched, response: Response) -> AuditAction | None:
    if request.method == "GET":
        return AuditAction.VIEWED if response.status_code == 200 else None
    if request.method == "POST" and 300 <= response.status_code < 400:
        return AuditAction.CREATED if watched.created_at is not None else AuditAction.CHANGED
    return None


def _subject_ref(watched: Watched, response: Response) -> str | None:
    if watched.created_at is not None:
        found = watched.created_at.search(response.location or "")
        return found.group(1) if found else None
    value = (request.view_args or {}).get(watched.key or "")
    return None if value is None else str(value)


@dataclass(frozen=True)
class AuditFilter:
    subject: AuditSubject | None = None
    subject_ref: str | None = None
    user_email: str | None = None
    day_from: date | None = None
    day_to: date | None = None

    def apply(self, query: Select) -> Select:
        conditions = []
        if self.subject is not None:
            conditions.append(AuditEvent.subject == self.subject)
        if self.subject_ref:
            conditions.append(AuditEvent.subject_ref == self.subject_ref)
        if self.user_email:
            conditions.append(func.lower(AuditEvent.user_email) == self.user_email.lower())
        if self.day_from is not None:
            conditions.append(AuditEvent.at >= _start_of(self.day_from))
        if self.day_to is not None:
            conditions.append(AuditEvent.at < _start_of(self.day_to + timedelta(days=1)))
        return query.where(*conditions)


def _start_of(day: date) -> datetime:
    # Stored in UTC (SQLite keeps the wall-clock time it was given): compare in UTC.
    return datetime.combine(day, time(), tzinfo=TRUST_TIMEZONE).astimezone(UTC)


def list_events(filters: AuditFilter, page: int = 1) -> tuple[Sequence[AuditEvent], int]:
    """A page of events, newest first, and how many match in all."""
    total = db.session.scalar(filters.apply(select(func.count()).select_from(AuditEvent))) or 0
    events = db.session.scalars(
        filters.apply(select(AuditEvent))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(PAGE_SIZE)
        .offset((max(page, 1) - 1) * PAGE_SIZE)
    ).all()
    return events, total


def events_for(subject: AuditSubject, subject_ref: str) -> Sequence[AuditEvent]:
    return db.session.scalars(
        select(AuditEvent)
        .where(AuditEvent.subject == subject, AuditEvent.subject_ref == str(subject_ref))
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    ).all()


def all_events(filters: AuditFilter) -> Sequence[AuditEvent]:
    """Every matching event, oldest first, for an export."""
    return db.session.scalars(
        filters.apply(select(AuditEvent)).order_by(AuditEvent.at, AuditEvent.id)
    ).all()
