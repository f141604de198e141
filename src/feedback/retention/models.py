"""Every dry run and every application of the retention rules, with what it found."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Base, utc_now


class RetentionRun(Base):
    __tablename__ = "retention_run"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now, index=True)
    applied: Mapped[bool] = mapped_column(Boolean)
    # "schedule", "command line" or the admin's email address.
    by: Mapped[str] = mapped_column(String(254))
    # Per rule: id, cutoff, count due (or changed), oldest, examples.
    report: Mapped[list] = mapped_column(JSON)
