"""The care-planning PROM: offers (the denominator), the links that open it, and the answers.

Kept in tables of their own, not in `response`: the answers are typed columns the figures
count directly, and nothing that reads FFT responses can ever count a PROM by mistake.
Nothing here names the person: no name, NHS number or contact detail is ever asked.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.auth.models import User
from feedback.db import Base, TimestampMixin, enum_column, utc_now
from feedback.organisation.models import Location


class PromVersion(StrEnum):
    """Which questionnaire was offered; the value is its definition's id."""

    PATIENT = "care-plan-prom"
    CARER = "care-plan-prom-carer"
    YOUNG_PERSON = "care-plan-prom-cyp"


VERSION_LABELS = {
    PromVersion.PATIENT: "Patient or service user",
    PromVersion.CARER: "Carer",
    PromVersion.YOUNG_PERSON: "Child or young person",
}


class DeclineReason(StrEnum):
    NOT_WANTED = "not_wanted"
    TOO_UNWELL = "too_unwell"
    ANOTHER_TIME = "another_time"
    NO_CARE_PLAN = "no_care_plan"
    OTHER = "other"


DECLINE_LABELS = {
    DeclineReason.NOT_WANTED: "Did not want to",
    DeclineReason.TOO_UNWELL: "Too unwell or distressed today",
    DeclineReason.ANOTHER_TIME: "Would rather do it another time",
    DeclineReason.NO_CARE_PLAN: "Has no care plan yet",
    DeclineReason.OTHER: "Another reason",
}


class CompletionMode(StrEnum):
    """Who helped the person answer: recorded with every response."""

    ALONE = "alone"  # on the tablet by themselves, or at home with the code
    PEER = "peer_interviewer"
    STAFF = "staff_help"
    CARER = "carer"


MODE_LABELS = {
    CompletionMode.ALONE: "Alone (tablet or at home)",
    CompletionMode.PEER: "With a peer interviewer",
    CompletionMode.STAFF: "With staff help",
    CompletionMode.CARER: "With a carer",
}

# The six questions, by the ids every version's definition uses, in the order asked.
QUESTIONS = (
    "planned_talk",
    "helped_write",
    "people_involved",
    "has_copy",
    "understands",
    "says_what_matters",
)
# Answers left out of a question's denominator: "I did not want anyone else involved" says
# nothing about whether the team involved the people who matter.
NOT_COUNTED = "not_wanted"


peer_interviewer_location = Table(
    "peer_interviewer_location",
    Base.metadata,
    Column("user_id", ForeignKey("peer_interviewer.user_id", ondelete="CASCADE"), primary_key=True),
    Column("location_id", ForeignKey("location.id", ondelete="CASCADE"), primary_key=True),
)


class PeerInterviewer(Base, TimestampMixin):
    """A peer interviewer's code (shown on reports instead of their name) and their wards."""

    __tablename__ = "peer_interviewer"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(10), unique=True)

    user: Mapped[User] = relationship()
    locations: Mapped[list[Location]] = relationship(
        secondary=peer_interviewer_location, order_by=Location.name
    )


class PromOffer(Base, TimestampMixin):
    """One person offered the PROM, whatever they said: completion is counted against these."""

    __tablename__ = "prom_offer"
    __table_args__ = (
        CheckConstraint(
            "(accepted AND decline_reason IS NULL)"
            " OR (NOT accepted AND decline_reason IS NOT NULL)",
            name="decline_has_reason",
        ),
        Index("ix_prom_offer_location_month", "location_id", "offered_month"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    offered_on: Mapped[date] = mapped_column(Date)
    # Stored so months group the same on every database.
    offered_month: Mapped[date] = mapped_column(Date)
    version: Mapped[PromVersion] = mapped_column(enum_column(PromVersion))
    accepted: Mapped[bool] = mapped_column(Boolean)
    decline_reason: Mapped[DeclineReason | None] = mapped_column(enum_column(DeclineReason))
    recorded_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    # The short code on the slip for answering at home (accepted offers only).
    home_code: Mapped[str | None] = mapped_column(String(12), unique=True)

    location: Mapped[Location] = relationship()
    response: Mapped[PromResponse | None] = relationship(back_populates="offer", uselist=False)


class PromInvite(Base):
    """A way into the questionnaire for one offer (the home code, a tablet start, a peer's
    start), carrying who helps; any of them stops working once the offer has its answers."""

    __tablename__ = "prom_invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("prom_offer.id"), index=True)
    mode: Mapped[CompletionMode] = mapped_column(enum_column(CompletionMode))
    at_home: Mapped[bool] = mapped_column(Boolean, default=False)
    peer_code: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    offer: Mapped[PromOffer] = relationship()


class PromResponse(Base):
    """One offer's answers: at most one, however often the last page is sent."""

    __tablename__ = "prom_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    offer_id: Mapped[int] = mapped_column(ForeignKey("prom_offer.id"), unique=True)
    questionnaire: Mapped[str] = mapped_column(String(40))
    questionnaire_version: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(10))
    easy_read: Mapped[bool] = mapped_column(Boolean)
    mode: Mapped[CompletionMode] = mapped_column(enum_column(CompletionMode))
    at_home: Mapped[bool] = mapped_column(Boolean, default=False)
    # The peer interviewer's code as it was then; never their name.
    peer_code: Mapped[str | None] = mapped_column(String(10))
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    planned_talk: Mapped[str | None] = mapped_column(String(12))
    helped_write: Mapped[str | None] = mapped_column(String(12))
    people_involved: Mapped[str | None] = mapped_column(String(12))
    has_copy: Mapped[str | None] = mapped_column(String(12))
    understands: Mapped[str | None] = mapped_column(String(12))
    says_what_matters: Mapped[str | None] = mapped_column(String(12))

    offer: Mapped[PromOffer] = relationship(back_populates="response")
