from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, enum_column, utc_now
from feedback.organisation.models import Location


class ResponseMode(StrEnum):
    """How the response reached us, in NHS England's FFT return categories."""

    SMS = "sms"
    ELECTRONIC_DISCHARGE = "electronic_discharge"  # a ward tablet
    ELECTRONIC_HOME = "electronic_home"  # a link or QR code used at home
    PAPER_DISCHARGE = "paper_discharge"
    PAPER_HOME = "paper_home"
    TELEPHONE = "telephone"
    ONLINE = "online"
    OTHER = "other"


MODE_LABELS = {
    ResponseMode.SMS: "SMS",
    ResponseMode.ELECTRONIC_DISCHARGE: "Electronic discharge (ward tablet)",
    ResponseMode.ELECTRONIC_HOME: "Electronic home (link or QR code)",
    ResponseMode.PAPER_DISCHARGE: "Paper discharge",
    ResponseMode.PAPER_HOME: "Paper home",
    ResponseMode.TELEPHONE: "Telephone",
    ResponseMode.ONLINE: "Online",
    ResponseMode.OTHER: "Other",
}


class Response(Base):
    """One person's completed questionnaire. Anonymous: nothing here says who they are."""

    __tablename__ = "response"
    __table_args__ = (
        CheckConstraint("fft_rating BETWEEN 1 AND 6", name="fft_rating_range"),
        Index("ix_response_location_month", "location_id", "submitted_month"),
        # Covers the summary job's grouping, so a day's recompute reads only the index.
        Index(
            "ix_response_summary",
            "questionnaire",
            "submitted_on",
            "location_id",
            "fft_rating",
            "mode",
            "respondent",
            "easy_read",
            "language",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # One per journey: a double tap or a retried submit finds the response already there.
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    questionnaire: Mapped[str] = mapped_column(String(40))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    # None for a questionnaire that is not about one ward or team (a trust-wide local survey).
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    mode: Mapped[ResponseMode] = mapped_column(enum_column(ResponseMode))
    language: Mapped[str] = mapped_column(String(10))
    easy_read: Mapped[bool] = mapped_column(Boolean)
    # None: the rating was not answered, so the response is feedback but not an FFT count.
    fft_rating: Mapped[int | None] = mapped_column(Integer)
    # Who answered (patient, carer...), also kept as an answer: a column so that the
    # summary tables count it without joining every answer.
    respondent: Mapped[str | None] = mapped_column(String(30))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # The trust's calendar (Europe/London), stored so months group the same on every database.
    submitted_on: Mapped[date] = mapped_column(Date)
    submitted_month: Mapped[date] = mapped_column(Date)
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))
    entered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    location: Mapped[Location | None] = relationship()
    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", order_by="Answer.id"
    )


class Answer(Base):
    __tablename__ = "answer"

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), index=True
    )
    question_id: Mapped[str] = mapped_column(String(60))
    value: Mapped[str] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")


class Journey(Base):
    """A questionnaire in progress: answers so far, kept on the server, never in the cookie."""

    __tablename__ = "journey"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    questionnaire: Mapped[str] = mapped_column(String(40))
    # None for a questionnaire that is not about one ward or team (a complaint).
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    mode: Mapped[ResponseMode] = mapped_column(enum_column(ResponseMode))
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now, index=True
    )
    response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # What the thank-you page may show of the record made (a complaint's reference), if any.
    outcome: Mapped[str | None] = mapped_column(String(64))
    # The invitation followed, for a questionnaire answered by invitation only.
    invite: Mapped[str | None] = mapped_column(String(64))

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None or self.response_id is not None
