"""PALS concerns, complaints and compliments: the case, its events, extensions and outcome.

A case is never edited in place: every change is a ComplaintEvent with who and when. The
columns on Complaint that change (status, due dates) mirror the latest events, so lists and
figures can be computed in SQL; services keep the two in step in one transaction.
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
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.auth.models import User
from feedback.db import Base, TimestampMixin, enum_column, utc_now
from feedback.organisation.models import Service


class CaseKind(StrEnum):
    PALS = "pals"  # an informal concern, resolved quickly
    COMPLAINT = "complaint"  # formal, under the 2009 Regulations


class CaseStatus(StrEnum):
    RECEIVED = "received"
    ACKNOWLEDGED = "acknowledged"
    INVESTIGATING = "investigating"
    RESPONSE_DRAFTED = "response_drafted"
    SIGNED_OFF = "signed_off"
    RESPONDED = "responded"
    CLOSED = "closed"
    REOPENED = "reopened"
    OMBUDSMAN = "referred_to_ombudsman"


STATUS_LABELS = {
    CaseStatus.RECEIVED: "Received",
    CaseStatus.ACKNOWLEDGED: "Acknowledged",
    CaseStatus.INVESTIGATING: "Investigating",
    CaseStatus.RESPONSE_DRAFTED: "Response drafted",
    CaseStatus.SIGNED_OFF: "Signed off",
    CaseStatus.RESPONDED: "Responded",
    CaseStatus.CLOSED: "Closed",
    CaseStatus.REOPENED: "Reopened",
    CaseStatus.OMBUDSMAN: "Referred to the Ombudsman",
}


class ReceivedBy(StrEnum):
    """How the concern or complaint came in."""

    ONLINE = "online"
    PHONE = "phone"
    LETTER = "letter"
    EMAIL = "email"
    IN_PERSON = "in_person"


RECEIVED_BY_LABELS = {
    ReceivedBy.ONLINE: "Online form",
    ReceivedBy.PHONE: "Phone",
    ReceivedBy.LETTER: "Letter",
    ReceivedBy.EMAIL: "Email",
    ReceivedBy.IN_PERSON: "In person",
}


class ContactPreference(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    LETTER = "letter"
    NONE = "none"  # no reply wanted


class Outcome(StrEnum):
    UPHELD = "upheld"
    PARTLY_UPHELD = "partly_upheld"
    NOT_UPHELD = "not_upheld"


OUTCOME_LABELS = {
    Outcome.UPHELD: "Upheld",
    Outcome.PARTLY_UPHELD: "Partly upheld",
    Outcome.NOT_UPHELD: "Not upheld",
}


class EventKind(StrEnum):
    CREATED = "created"
    STATUS = "status"
    NOTE = "note"
    EXTENSION = "extension"
    ASSIGNED = "assigned"
    ESCALATED = "escalated"
    OUTCOME = "outcome"


class CategoryList(StrEnum):
    """The KO41a lists, kept as data because NHS England's lookup file changes."""

    SUBJECT = "subject"
    CLINICAL_SUBJECT = "clinical_subject"
    SERVICE_AREA = "service_area"
    PROFESSION = "profession"
    AGE_BAND = "age_band"
    COMPLAINANT_STATUS = "complainant_status"


complaint_category = Table(
    "complaint_category",
    Base.metadata,
    Column("complaint_id", ForeignKey("complaint.id", ondelete="CASCADE"), primary_key=True),
    Column("category_id", ForeignKey("ko41a_category.id"), primary_key=True),
    # The KO41a counts go from each category to its complaints.
    Index("ix_complaint_category_category_id", "category_id"),
)


class Ko41aCategory(Base):
    __tablename__ = "ko41a_category"
    __table_args__ = (UniqueConstraint("list", "name", name="list_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list: Mapped[CategoryList] = mapped_column(enum_column(CategoryList))
    name: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)


class Complaint(Base, TimestampMixin):
    __tablename__ = "complaint"
    __table_args__ = (
        CheckConstraint("responded_on IS NULL OR responded_on >= received_on", name="response"),
        Index("ix_complaint_kind_received", "kind", "received_on"),
        Index("ix_complaint_status_due", "status", "response_due"),
        # The figures count by the date received, responded and closed, in any period.
        Index("ix_complaint_received_on", "received_on"),
        Index("ix_complaint_kind_responded", "kind", "responded_on"),
        Index("ix_complaint_kind_closed", "kind", "closed_on"),
        Index("ix_complaint_closed_on", "closed_on"),  # the closed worklist, newest first
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Given to the complainant: random, so it says nothing about how many cases there are.
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    # The journey id for an online form, so a double tap or a retry never makes two cases.
    idempotency_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    kind: Mapped[CaseKind] = mapped_column(enum_column(CaseKind))
    status: Mapped[CaseStatus] = mapped_column(enum_column(CaseStatus))
    received_by: Mapped[ReceivedBy] = mapped_column(enum_column(ReceivedBy))
    # Day 0 of the clock: the Europe/London calendar date it reached the trust.
    received_on: Mapped[date] = mapped_column(Date)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)

    raised_by_patient: Mapped[bool] = mapped_column(Boolean)
    # Asked when someone complains for another person; None when the patient complains.
    patient_consent: Mapped[bool | None] = mapped_column(Boolean)
    complainant_name: Mapped[str] = mapped_column(String(200))
    patient_name: Mapped[str | None] = mapped_column(String(200))
    contact_preference: Mapped[ContactPreference] = mapped_column(enum_column(ContactPreference))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(20))
    address: Mapped[str | None] = mapped_column(Text)
    what_happened: Mapped[str] = mapped_column(Text)
    happened_on: Mapped[date | None] = mapped_column(Date)
    outcome_wanted: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10), default="en")

    # The clock, computed by the clock module and stored for SQL (never typed in).
    target_working_days: Mapped[int] = mapped_column(Integer)
    acknowledgement_due: Mapped[date] = mapped_column(Date)
    original_response_due: Mapped[date] = mapped_column(Date)
    response_due: Mapped[date] = mapped_column(Date)  # in force
    acknowledged_on: Mapped[date | None] = mapped_column(Date)
    responded_on: Mapped[date | None] = mapped_column(Date)
    working_days_taken: Mapped[int | None] = mapped_column(Integer)
    closed_on: Mapped[date | None] = mapped_column(Date)
    investigator_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    # The outcome, required to close.
    outcome: Mapped[Outcome | None] = mapped_column(enum_column(Outcome))
    is_clinical: Mapped[bool | None] = mapped_column(Boolean)
    age_band_id: Mapped[int | None] = mapped_column(ForeignKey("ko41a_category.id"))
    complainant_status_id: Mapped[int | None] = mapped_column(ForeignKey("ko41a_category.id"))
    lessons_learned: Mapped[str | None] = mapped_column(Text)
    # Set when the retention rule removed the personal details (the case's figures stay).
    anonymised_on: Mapped[date | None] = mapped_column(Date)

    service: Mapped[Service | None] = relationship()
    investigator: Mapped[User | None] = relationship()
    categories: Mapped[list[Ko41aCategory]] = relationship(
        secondary=complaint_category, order_by=Ko41aCategory.position
    )
    age_band: Mapped[Ko41aCategory | None] = relationship(foreign_keys=[age_band_id])
    complainant_status: Mapped[Ko41aCategory | None] = relationship(
        foreign_keys=[complainant_status_id]
    )
    events: Mapped[list[ComplaintEvent]] = relationship(
        back_populates="complaint", order_by="ComplaintEvent.id", cascade="all, delete-orphan"
    )
    extensions: Mapped[list[Extension]] = relationship(
        back_populates="complaint", order_by="Extension.id", cascade="all, delete-orphan"
    )
    actions: Mapped[list[ComplaintAction]] = relationship(
        back_populates="complaint", order_by="ComplaintAction.id", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status not in (CaseStatus.CLOSED, CaseStatus.OMBUDSMAN)

    def categories_in(self, which: CategoryList) -> list[Ko41aCategory]:
        return [c for c in self.categories if c.list == which]


class ComplaintEvent(Base):
    __tablename__ = "complaint_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind))
    status: Mapped[CaseStatus | None] = mapped_column(enum_column(CaseStatus))
    # The date the event happened at the trust (a letter sent yesterday is recorded today).
    on: Mapped[date] = mapped_column(Date)
    text: Mapped[str | None] = mapped_column(Text)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    complaint: Mapped[Complaint] = relationship(back_populates="events")
    by: Mapped[User | None] = relationship()


class Extension(Base):
    """A later response date agreed with the complainant: who agreed, when and why."""

    __tablename__ = "complaint_extension"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    new_due: Mapped[date] = mapped_column(Date)
    previous_due: Mapped[date] = mapped_column(Date)
    agreed_with: Mapped[str] = mapped_column(String(200))
    agreed_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    complaint: Mapped[Complaint] = relationship(back_populates="extensions")


class ComplaintAction(Base):
    """An action the trust took or promised, with an owner and a due date."""

    __tablename__ = "complaint_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(
        ForeignKey("complaint.id", ondelete="CASCADE"), index=True
    )
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date)

    complaint: Mapped[Complaint] = relationship(back_populates="actions")


class ComplimentSource(StrEnum):
    CARD = "card"
    EMAIL = "email"
    PHONE = "phone"
    IN_PERSON = "in_person"
    ONLINE = "online"


class Compliment(Base, TimestampMixin):
    __tablename__ = "compliment"
    __table_args__ = (Index("ix_compliment_received", "received_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date)
    service_id: Mapped[int] = mapped_column(ForeignKey("service.id"), index=True)
    team: Mapped[str | None] = mapped_column(String(200))
    source: Mapped[ComplimentSource] = mapped_column(enum_column(ComplimentSource))
    summary: Mapped[str] = mapped_column(Text)
    logged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    service: Mapped[Service] = relationship()
