"""One row per look or change. Rows are never updated or deleted: the ORM refuses, and the
database refuses too (a trigger, added by the migration), so not even a retention job or a
hand-run script can quietly rewrite who saw what."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, Index, Integer, String, event
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Base, enum_column, utc_now


class AuditAction(StrEnum):
    VIEWED = "viewed"
    CHANGED = "changed"
    CREATED = "created"
    EXPORTED = "exported"


class AuditSubject(StrEnum):
    COMPLAINT = "complaint"
    COMMENT = "comment"
    URGENT_ALERT = "urgent-alert"
    ACCOUNT = "account"
    API_KEY = "api-key"
    AUDIT_TRAIL = "audit-trail"


SUBJECT_LABELS = {
    AuditSubject.COMPLAINT: "Complaint or PALS case",
    AuditSubject.COMMENT: "Comment",
    AuditSubject.URGENT_ALERT: "Urgent comment",
    AuditSubject.ACCOUNT: "Account",
    AuditSubject.API_KEY: "API key",
    AuditSubject.AUDIT_TRAIL: "Audit trail",
}


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_subject", "subject", "subject_ref"),
        Index("ix_audit_event_at", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # Not a foreign key, and the name and role are copied: the trail must outlive changes to
    # the account, and a key would make the database want to update or delete these rows.
    user_id: Mapped[int | None] = mapped_column(Integer)
    user_email: Mapped[str] = mapped_column(String(254))
    user_role: Mapped[str] = mapped_column(String(40))
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction))
    subject: Mapped[AuditSubject] = mapped_column(enum_column(AuditSubject))
    subject_ref: Mapped[str] = mapped_column(String(64))
    # What was done, in the team's words: "Case page", "Agreed an extension".
    what: Mapped[str] = mapped_column(String(200))


class AppendOnlyError(RuntimeError):
    pass


@event.listens_for(AuditEvent, "before_update")
def _refuse_update(mapper, connection, target) -> None:  # type: ignore[no-untyped-def]
    raise AppendOnlyError("The audit trail is append-only: an event cannot be changed")


@event.listens_for(AuditEvent, "before_delete")
def _refuse_delete(mapper, connection, target) -> None:  # type: ignore[no-untyped-def]
    raise AppendOnlyError("The audit trail is append-only: an event cannot be deleted")
