"""Actions the trust took because of feedback ("You said, we did"), and the themes they answer."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin, enum_column, utc_now

if TYPE_CHECKING:
    from feedback.auth.models import User
    from feedback.complaints.models import Complaint
    from feedback.organisation.models import Location, Service
    from feedback.targets.models import Target
    from feedback.themes.models import Theme


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_GOING_AHEAD = "not_going_ahead"


ACTION_STATUS_LABELS = {
    ActionStatus.PLANNED: "Planned",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.NOT_GOING_AHEAD: "Not going ahead",
}


class Action(Base, TimestampMixin):
    """Something the trust did, or will do, because of what people said.

    No service means the action is trust-wide; a location (ward or team) narrows a service.
    `action_on` is the due date while planned or in progress, and the done date once done.
    """

    __tablename__ = "action"
    __table_args__ = (
        # A ward or team always belongs to a service, so a location needs its service too.
        CheckConstraint("location_id IS NULL OR service_id IS NOT NULL", name="location_service"),
        Index("ix_action_status_on", "status", "action_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    said: Mapped[str] = mapped_column(Text)
    did: Mapped[str] = mapped_column(Text)
    # Easy-read wording for the poster: short plain sentences.
    poster_said: Mapped[str | None] = mapped_column(String(300))
    poster_did: Mapped[str | None] = mapped_column(String(300))
    by_whom: Mapped[str] = mapped_column(String(200))
    status: Mapped[ActionStatus] = mapped_column(enum_column(ActionStatus))
    not_going_ahead_reason: Mapped[str | None] = mapped_column(Text)
    action_on: Mapped[date] = mapped_column(Date)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"), index=True)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("target.id"))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )

    service: Mapped[Service | None] = relationship()
    location: Mapped[Location | None] = relationship()
    complaint: Mapped[Complaint | None] = relationship()
    target: Mapped[Target | None] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    updated_by: Mapped[User | None] = relationship(foreign_keys=[updated_by_id])
    themes: Mapped[list[ActionTheme]] = relationship(
        back_populates="action", cascade="all, delete-orphan", order_by="ActionTheme.theme_id"
    )

    @property
    def is_trust_wide(self) -> bool:
        return self.service_id is None

    @property
    def status_label(self) -> str:
        return ACTION_STATUS_LABELS[self.status]


class ActionTheme(Base):
    """One theme of the themes framework that an action answers."""

    __tablename__ = "action_theme"
    __table_args__ = (Index("ix_action_theme_theme", "theme_id", "action_id"),)

    action_id: Mapped[int] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), primary_key=True)

    action: Mapped[Action] = relationship(back_populates="themes")
    theme: Mapped[Theme] = relationship()
