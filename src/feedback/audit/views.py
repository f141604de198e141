"""Admins read the audit trail, filter it and export it."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue

from feedback.audit import services
from feedback.audit.models import SUBJECT_LABELS, AuditAction, AuditEvent, AuditSubject
from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import TRUST_TIMEZONE, utc_now
from feedback.extensions import db
from feedback.web.pagination import asked_page, pages_of
from feedback.web.spreadsheet import spreadsheet_safe

bp = restricted_to(Blueprint("audit", __name__, url_prefix="/admin/audit"), [Role.ADMIN])

# Where each kind of record is opened, for the trail's links.
RECORD_PAGES = {
    AuditSubject.COMPLAINT: ("complaints.show_case", "reference"),
    AuditSubject.COMMENT: ("themes.show_comment", "comment_id"),
    AuditSubject.URGENT_ALERT: ("themes.show_alert", "alert_id"),
    AuditSubject.ACCOUNT: ("users.show_user", "user_id"),
}


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _filters() -> services.AuditFilter:
    subject = request.args.get("subject")
    return services.AuditFilter(
        subject=AuditSubject(subject) if subject in set(AuditSubject) else None,
        subject_ref=(request.args.get("ref") or "").strip()[:64] or None,
        user_email=(request.args.get("who") or "").strip()[:254] or None,
        day_from=_date(request.args.get("from")),
        day_to=_date(request.args.get("to")),
    )


def record_link(event: AuditEvent) -> str | None:
    page = RECORD_PAGES.get(event.subject)
    if page is None:
        return None
    endpoint, key = page
    value: str | int = event.subject_ref
    if key.endswith("_id"):
        if not event.subject_ref.isdigit():
            return None
        value = int(event.subject_ref)
    return url_for(endpoint, **{key: value})


@bp.get("/")
def list_events() -> ResponseReturnValue:
    filters = _filters()
    events, total = services.list_events(filters, asked_page(request.args))
    pages = pages_of(request.args, total, services.PAGE_SIZE)
    if pages.past_the_end:  # a bookmark kept while the list shrank: its last page
        return redirect(url_for(".list_events", page=pages.count, **pages.query))
    return render_template(
        "audit/events.html",
        events=events,
        pages=pages,
        args=request.args,
        subject_labels=SUBJECT_LABELS,
        record_link=record_link,
    )


@bp.get("/export.csv")
def export() -> ResponseReturnValue:
    filters = _filters()
    events = services.all_events(filters)
    # Exporting the trail is itself on the trail: who took a copy, and when.
    services.record(AuditAction.EXPORTED, AuditSubject.AUDIT_TRAIL, "export", _described(filters))
    db.session.commit()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["at", "user_email", "user_role", "action", "record", "reference", "what"])
    for event in events:
        writer.writerow(
            [
                _aware(event.at).astimezone(TRUST_TIMEZONE).isoformat(timespec="seconds"),
                spreadsheet_safe(event.user_email),
                event.user_role,
                event.action.value,
                event.subject.value,
                spreadsheet_safe(event.subject_ref),
                spreadsheet_safe(event.what),
            ]
        )
    stamp = utc_now().astimezone(TRUST_TIMEZONE).strftime("%Y-%m-%d")
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=audit-trail-{stamp}.csv"},
    )


def _aware(at: datetime) -> datetime:
    # SQLite gives back the UTC wall-clock time without its zone.
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _described(filters: services.AuditFilter) -> str:
    parts = [
        f"{name} {value}"
        for name, value in (
            ("record", filters.subject.value if filters.subject else None),
            ("reference", filters.subject_ref),
            ("by", filters.user_email),
            ("from", filters.day_from),
            ("to", filters.day_to),
        )
        if value
    ]
    return "Exported " + (", ".join(parts) if parts else "the whole trail")
