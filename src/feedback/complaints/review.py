"""Complaints peer review: closed cases in a pack for lay reviewers, with every personal detail
removed, and what the reviewers learned (which the patient experience team reads)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from feedback.auth.models import User
from feedback.complaints.models import OUTCOME_LABELS, CategoryList, Complaint
from feedback.db import Base, TimestampMixin, utc_now
from feedback.extensions import db
from feedback.themes.redaction import redact


class ReviewError(ValueError):
    """A change refused; the message says why."""


class ReviewPack(Base, TimestampMixin):
    __tablename__ = "review_pack"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)

    cases: Mapped[list[ReviewCase]] = relationship(
        back_populates="pack", order_by="ReviewCase.position", cascade="all, delete-orphan"
    )
    learning: Mapped[list[ReviewerLearning]] = relationship(
        back_populates="pack", order_by="ReviewerLearning.id", cascade="all, delete-orphan"
    )


class ReviewCase(Base):
    """A snapshot of a closed case as reviewers see it: redacted when it was added."""

    __tablename__ = "review_case"
    __table_args__ = (UniqueConstraint("pack_id", "complaint_id", name="pack_complaint"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("review_pack.id", ondelete="CASCADE"))
    # Kept for the team; never shown to reviewers (they see "Case 1", "Case 2").
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"))
    position: Mapped[int] = mapped_column(Integer)
    service_area: Mapped[str] = mapped_column(String(300))
    subjects: Mapped[str] = mapped_column(String(500))
    outcome: Mapped[str] = mapped_column(String(40))
    what_happened: Mapped[str] = mapped_column(Text)
    lessons_learned: Mapped[str] = mapped_column(Text)
    actions: Mapped[str] = mapped_column(Text)

    pack: Mapped[ReviewPack] = relationship(back_populates="cases")


class ReviewerLearning(Base):
    __tablename__ = "reviewer_learning"

    id: Mapped[int] = mapped_column(primary_key=True)
    pack_id: Mapped[int] = mapped_column(ForeignKey("review_pack.id", ondelete="CASCADE"))
    review_case_id: Mapped[int | None] = mapped_column(ForeignKey("review_case.id"))
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    text: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    pack: Mapped[ReviewPack] = relationship(back_populates="learning")
    reviewer: Mapped[User] = relationship()
    review_case: Mapped[ReviewCase | None] = relationship()


def _known_names(case: Complaint) -> list[str]:
    staff = db.session.scalars(select(User.name)).all()
    return [case.complainant_name, case.patient_name or "", *staff]


def create_pack(title: str, *, by: User) -> ReviewPack:
    if not title.strip():
        raise ReviewError("Give the pack a title")
    pack = ReviewPack(title=title.strip(), created_by_id=by.id)
    db.session.add(pack)
    return pack


def add_case(pack: ReviewPack, case: Complaint | None) -> ReviewCase:
    """Add a closed complaint, redacting its text now, so a reviewer never sees the original."""
    if case is None:
        raise ReviewError("There is no case with that reference")
    if case.outcome is None or case.is_open:
        raise ReviewError("Only closed complaints with an outcome can be peer reviewed")
    if any(existing.complaint_id == case.id for existing in pack.cases):
        raise ReviewError("That case is already in this pack")
    names = _known_names(case)
    item = ReviewCase(
        pack=pack,
        complaint_id=case.id,
        position=len(pack.cases) + 1,
        service_area=", ".join(c.name for c in case.categories_in(CategoryList.SERVICE_AREA)),
        subjects=", ".join(c.name for c in case.categories_in(CategoryList.SUBJECT)),
        outcome=OUTCOME_LABELS[case.outcome],
        what_happened=redact(case.what_happened, names),
        lessons_learned=redact(case.lessons_learned or "", names),
        # Owners are staff: reviewers see what was done, not who was asked to do it.
        actions="\n".join(
            f"{redact(action.description, names)} (due {action.due_on:%B %Y})"
            for action in case.actions
        ),
    )
    db.session.add(item)
    return item


def record_learning(
    pack: ReviewPack, text: str, *, by: User, review_case_id: int | None = None
) -> ReviewerLearning:
    if not pack.is_open:
        raise ReviewError("This pack is closed to new learning")
    if not text.strip():
        raise ReviewError("Write what you learned")
    if review_case_id is not None and review_case_id not in {c.id for c in pack.cases}:
        raise ReviewError("Choose one of the cases in this pack")
    learning = ReviewerLearning(
        pack=pack, text=text.strip(), reviewer_id=by.id, review_case_id=review_case_id
    )
    db.session.add(learning)
    return learning


def list_packs(*, open_only: bool = False) -> Sequence[ReviewPack]:
    query = select(ReviewPack).options(selectinload(ReviewPack.cases))
    if open_only:
        query = query.where(ReviewPack.is_open.is_(True))
    return db.session.scalars(query.order_by(ReviewPack.id.desc())).all()


def get_pack(pack_id: int, *, open_only: bool = False) -> ReviewPack | None:
    pack = db.session.get(ReviewPack, pack_id)
    if pack is None or (open_only and not pack.is_open):
        return None
    return pack
