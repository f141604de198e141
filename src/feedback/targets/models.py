from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin, enum_column, utc_now


class Measure(StrEnum):
    COMPLAINTS_ON_TIME = "complaints_on_time"
    ACKNOWLEDGED_IN_TIME = "acknowledged_in_time"
    CLINICAL_COMPLAINTS = "clinical_complaints"  # per cent of the same period in the baseline year
    FFT_RESPONSE_RATE = "fft_response_rate"
    FFT_PERCENT_POSITIVE = "fft_percent_positive"
    # The care-planning PROM (from its summary table, by the month of the offer).
    PROM_HAS_COPY = "prom_has_copy"
    PROM_HELPED_WRITE = "prom_helped_write"
    PROM_PLANNED_TALK = "prom_planned_talk"
    PROM_COMPLETION_RATE = "prom_completion_rate"


MEASURE_LABELS = {
    Measure.COMPLAINTS_ON_TIME: "Complaints responded to on time",
    Measure.ACKNOWLEDGED_IN_TIME: "Complaints acknowledged within 3 working days",
    Measure.CLINICAL_COMPLAINTS: "Clinical complaints against the baseline year",
    Measure.FFT_RESPONSE_RATE: "FFT response rate",
    Measure.FFT_PERCENT_POSITIVE: "FFT % positive",
    Measure.PROM_HAS_COPY: "Care plan PROM: % with a copy of their care plan",
    Measure.PROM_HELPED_WRITE: "Care plan PROM: % who helped write their care plan",
    Measure.PROM_PLANNED_TALK: "Care plan PROM: % who had a planned conversation",
    Measure.PROM_COMPLETION_RATE: "Care plan PROM: completion rate (completed of offered)",
}


class Direction(StrEnum):
    AT_LEAST = "at_least"
    AT_MOST = "at_most"


class Level(StrEnum):
    TRUST = "trust"
    DIRECTORATE = "directorate"
    SERVICE = "service"


class Rag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"
    TOO_LITTLE_DATA = "too_little_data"
    NO_BASELINE = "no_baseline"


RAG_LABELS = {
    Rag.GREEN: "On target",
    Rag.AMBER: "Close to target",
    Rag.RED: "Off target",
    Rag.TOO_LITTLE_DATA: "Too little data",
    Rag.NO_BASELINE: "No baseline",
}
# The NHS.UK tag colour for each status; the words above always go with it.
RAG_TAGS = {
    Rag.GREEN: "nhsuk-tag--green",
    Rag.AMBER: "nhsuk-tag--yellow",
    Rag.RED: "nhsuk-tag--red",
    Rag.TOO_LITTLE_DATA: "nhsuk-tag--grey",
    Rag.NO_BASELINE: "nhsuk-tag--grey",
}


class Target(Base, TimestampMixin):
    __tablename__ = "target"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    source: Mapped[str] = mapped_column(String(200))  # e.g. "Quality Account 2020/21"
    measure: Mapped[Measure] = mapped_column(enum_column(Measure))
    level: Mapped[Level] = mapped_column(enum_column(Level))
    period: Mapped[str] = mapped_column(String(8))  # month or quarter
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    goal_percent: Mapped[int] = mapped_column(Integer)
    # Within this many points on the wrong side of the goal is amber, not red.
    amber_points: Mapped[int] = mapped_column(Integer, default=5)
    # Fewer than this many cases (responses, complaints) in a period: no colour.
    minimum_count: Mapped[int] = mapped_column(Integer, default=5)
    owner: Mapped[str] = mapped_column(String(200))
    # Clinical complaints: the financial year whose same period is the baseline.
    baseline_year: Mapped[int | None] = mapped_column(Integer)
    # Response-rate trajectories: from each unit's baseline (Q4 of baseline_year) in equal
    # steps, per period, from trajectory_start to the goal at goal_by.
    trajectory_start: Mapped[date | None] = mapped_column(Date)
    goal_by: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    baselines: Mapped[list[TargetBaseline]] = relationship(
        back_populates="target", cascade="all, delete-orphan"
    )

    @property
    def has_trajectory(self) -> bool:
        return self.trajectory_start is not None and self.goal_by is not None


class TargetBaseline(Base):
    """A unit's starting point for a trajectory: computed from stored data, or entered."""

    __tablename__ = "target_baseline"
    __table_args__ = (UniqueConstraint("target_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(Integer)
    percent: Mapped[int] = mapped_column(Integer)
    entered_by: Mapped[str | None] = mapped_column(String(254))  # None: computed

    target: Mapped[Target] = relationship(back_populates="baselines")


class TargetStatus(Base):
    """The status a computed period was given, kept so history shows when it turned red and
    who owned the target then."""

    __tablename__ = "target_status"
    __table_args__ = (UniqueConstraint("target_id", "unit_id", "period_start"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("target.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(Integer)
    period_start: Mapped[date] = mapped_column(Date)
    numerator: Mapped[int] = mapped_column(Integer)
    denominator: Mapped[int] = mapped_column(Integer)
    threshold_percent: Mapped[int | None] = mapped_column(Integer)  # the goal for this period
    rag: Mapped[Rag] = mapped_column(enum_column(Rag))
    owner: Mapped[str] = mapped_column(String(200))
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
