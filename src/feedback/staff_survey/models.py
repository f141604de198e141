"""The staff pulse survey's tables: windows, answers, comments and receipts, kept apart.

None of them holds a name, an email address, an IP address or a time: a response knows only
its window. See `feedback.staff_survey.submission` for why the three are separate tables.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin

ITEM_COUNT = 9


class StaffSurveyWindow(Base, TimestampMixin):
    """When the survey is open: set by admins, in the first month of Q1, Q2 or Q4."""

    __tablename__ = "staff_survey_window"
    __table_args__ = (CheckConstraint("closes_on >= opens_on", name="closes_after_opening"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)  # "Q1 2026/27"
    opens_on: Mapped[date] = mapped_column(Date, index=True)
    closes_on: Mapped[date] = mapped_column(Date)  # the last day, included


def _item() -> Mapped[int | None]:
    # 1-5 from the most negative answer to the most positive (Never ... Always, Strongly
    # disagree ... Strongly agree); None: not answered.
    return mapped_column(SmallInteger)


class StaffPulseResponse(Base):
    """One member of staff's answers: the nine items and who they are, as groups only."""

    __tablename__ = "staff_pulse_response"
    __table_args__ = (
        Index("ix_staff_pulse_response_window", "window_id", "directorate_id"),
        *(
            CheckConstraint(f"item_{n} BETWEEN 1 AND 5", name=f"item_{n}_range")
            for n in range(1, ITEM_COUNT + 1)
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    window_id: Mapped[int] = mapped_column(ForeignKey("staff_survey_window.id"))
    item_1: Mapped[int | None] = _item()
    item_2: Mapped[int | None] = _item()
    item_3: Mapped[int | None] = _item()
    item_4: Mapped[int | None] = _item()
    item_5: Mapped[int | None] = _item()
    item_6: Mapped[int | None] = _item()
    item_7: Mapped[int | None] = _item()
    item_8: Mapped[int | None] = _item()
    item_9: Mapped[int | None] = _item()
    # The directorate chosen; None with directorate_not_said: "prefer not to say"; None
    # without it: not answered.
    directorate_id: Mapped[int | None] = mapped_column(ForeignKey("directorate.id"))
    directorate_not_said: Mapped[bool] = mapped_column(Boolean, default=False)
    # Option values of the definition ("not_said" for prefer not to say); None: not answered.
    staff_group: Mapped[str | None] = mapped_column(String(30))
    ethnicity: Mapped[str | None] = mapped_column(String(30))
    disability: Mapped[str | None] = mapped_column(String(30))

    window: Mapped[StaffSurveyWindow] = relationship()


class StaffPulseComment(Base):
    """An optional comment, kept with its window only: not with the answers it came with, so
    what someone wrote cannot be read beside their directorate, ethnicity or disability."""

    __tablename__ = "staff_pulse_comment"

    # A random number, not a count: the order of ids says nothing about who wrote first.
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    window_id: Mapped[int] = mapped_column(ForeignKey("staff_survey_window.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10))  # for sentiment: English is scored


class StaffPulseReceipt(Base):
    """A journey that was sent: what makes a second tap record nothing. It names neither the
    response nor the comment, so the journey's draft row cannot lead to either."""

    __tablename__ = "staff_pulse_receipt"

    journey_key: Mapped[str] = mapped_column(String(64), primary_key=True)
