"""Messages the platform sends, kept so staff can see what went and when."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Base, TimestampMixin, enum_column


class MessageStatus(StrEnum):
    OUTBOX = "outbox"  # kept locally: the embedded default, read on the outbox page
    PENDING = "pending"  # waiting to go to GOV.UK Notify
    SENT = "sent"
    FAILED = "failed"


class EmailMessage(Base, TimestampMixin):
    __tablename__ = "email_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    to: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    # What the message is about, with no personal data (Notify's reference rule).
    reference: Mapped[str] = mapped_column(String(64))
    status: Mapped[MessageStatus] = mapped_column(enum_column(MessageStatus))
    provider_id: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
