"""Early warnings: each measure's XmR chart per unit, as the scheduled job last computed it, and
the special-cause concerns it raised, open until someone acknowledges them with a note."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
    select,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.auth.models import User
from feedback.db import Base, utc_now
from feedback.extensions import db

MEASURES = {
    "fft_percent_positive": "FFT % positive",
    "fft_response_rate": "FFT response rate",
    "negative_theme_mentions": "Negative comments (theme mentions)",
    "complaints_received": "Complaints received",
}
MEASURE_UNITS = {
    "fft_percent_positive": "%",
    "fft_response_rate": "%",
    "negative_theme_mentions": "",
    "complaints_received": "",
}
VARIATION_WORDS = {
    "common_cause": "Common cause: no significant change",
    "improvement": "Special cause: improvement",
    "concern": "Special cause: concern",
}
ASSURANCE_WORDS = {
    "consistently_passing": "Consistently passing the target",
    "consistently_failing": "Consistently failing the target",
    "hit_and_miss": "Hit and miss: the target falls within the process limits",
}
RULE_WORDS = {
    "outside_limits": "a point outside the process limits",
    "shift": "a run of 7 or more points on one side of the mean",
    "trend": "7 or more points each higher or lower than the last",
    "two_of_three": "2 of 3 points close to a process limit",
}


class SpcSeries(Base):
    """One measure's chart for one unit: how many points, and why nothing was judged if so."""

    __tablename__ = "spc_series"

    measure: Mapped[str] = mapped_column(String(40), primary_key=True)
    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    points: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(Text)
    latest_month: Mapped[date | None] = mapped_column(Date)
    latest_variation: Mapped[str | None] = mapped_column(String(20))
    assurance: Mapped[str | None] = mapped_column(String(30))
    target_percent: Mapped[float | None] = mapped_column(Float)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class SpcPoint(Base):
    __tablename__ = "spc_point"
    # A unit's page reads all its measures at once: the primary key leads with the measure.
    __table_args__ = (Index("ix_spc_point_unit", "level", "unit_id", "measure", "month"),)

    measure: Mapped[str] = mapped_column(String(40), primary_key=True)
    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    value: Mapped[float] = mapped_column(Float)
    denominator: Mapped[int | None] = mapped_column(Integer)
    mean: Mapped[float] = mapped_column(Float)
    lower_limit: Mapped[float] = mapped_column(Float)
    upper_limit: Mapped[float] = mapped_column(Float)
    variation: Mapped[str] = mapped_column(String(20))
    rules: Mapped[str] = mapped_column(String(80), default="")  # comma-separated
    segment: Mapped[int] = mapped_column(Integer, default=0)


class EarlyWarning(Base):
    """A special-cause concern on a unit's latest month. Kept after it is acknowledged, so the
    history shows what was seen, by whom, and what they did."""

    __tablename__ = "early_warning"
    __table_args__ = (UniqueConstraint("measure", "level", "unit_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(12))
    unit_id: Mapped[int] = mapped_column(Integer)
    month: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    rules: Mapped[str] = mapped_column(String(80))
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    note: Mapped[str | None] = mapped_column(Text)

    acknowledged_by: Mapped[User | None] = relationship()

    @property
    def rule_words(self) -> list[str]:
        return [RULE_WORDS[r] for r in self.rules.split(",") if r in RULE_WORDS]

    @property
    def measure_name(self) -> str:
        return MEASURES.get(self.measure, self.measure)


class WarningError(ValueError):
    """An acknowledgement that cannot be saved; the message is for the person."""


def open_warnings() -> Sequence[EarlyWarning]:
    query = (
        select(EarlyWarning)
        .where(EarlyWarning.acknowledged_at.is_(None))
        .order_by(EarlyWarning.month.desc(), EarlyWarning.id)
    )
    return db.session.scalars(query).all()


def count_open_warnings() -> int:
    return (
        db.session.scalar(select(func.count()).where(EarlyWarning.acknowledged_at.is_(None))) or 0
    )


def open_warnings_for(level: str, unit_id: int) -> Sequence[EarlyWarning]:
    return db.session.scalars(
        select(EarlyWarning)
        .where(
            EarlyWarning.acknowledged_at.is_(None),
            EarlyWarning.level == level,
            EarlyWarning.unit_id == unit_id,
        )
        .order_by(EarlyWarning.month.desc(), EarlyWarning.measure)
    ).all()


def acknowledged_warnings(limit: int = 50) -> Sequence[EarlyWarning]:
    return db.session.scalars(
        select(EarlyWarning)
        .where(EarlyWarning.acknowledged_at.is_not(None))
        .order_by(EarlyWarning.acknowledged_at.desc(), EarlyWarning.id.desc())
        .limit(limit)
    ).all()


def get_warning(warning_id: int) -> EarlyWarning | None:
    return db.session.get(EarlyWarning, warning_id)


def acknowledge(warning: EarlyWarning, note: str, by: User) -> None:
    note = (note or "").strip()
    if not note:
        raise WarningError("Enter what was found or done about this warning")
    if warning.acknowledged_at is not None:
        raise WarningError("This warning has already been acknowledged")
    warning.note = note[:4000]
    warning.acknowledged_at = utc_now()
    warning.acknowledged_by_id = by.id


@dataclass(frozen=True)
class UnitSeries:
    measure: str
    series: SpcSeries
    points: list[SpcPoint]

    @property
    def name(self) -> str:
        return MEASURES[self.measure]


def series_for(level: str, unit_id: int) -> list[UnitSeries]:
    """The unit's charts, in the order MEASURES lists them."""
    found = {
        s.measure: s
        for s in db.session.scalars(
            select(SpcSeries).where(SpcSeries.level == level, SpcSeries.unit_id == unit_id)
        )
    }
    points: dict[str, list[SpcPoint]] = {}
    for p in db.session.scalars(
        select(SpcPoint)
        .where(SpcPoint.level == level, SpcPoint.unit_id == unit_id)
        .order_by(SpcPoint.measure, SpcPoint.month)
    ):
        points.setdefault(p.measure, []).append(p)
    return [
        UnitSeries(measure, found[measure], points.get(measure, []))
        for measure in MEASURES
        if measure in found
    ]
