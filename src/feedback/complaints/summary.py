"""Complaint figures per month and organisation level, for the targets and the dashboards.

The scheduled job replaces the whole table in one transaction (50,000 cases are one grouped
query), so a late response to an old complaint moves that month's figures too.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    Date,
    Integer,
    Select,
    String,
    and_,
    case,
    delete,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.orm import Mapped, mapped_column

from feedback.complaints.figures import percent
from feedback.complaints.models import CaseKind, Complaint, Compliment
from feedback.db import Base, trust_today
from feedback.extensions import db
from feedback.metrics.calendar import ensure_calendar, year_start
from feedback.metrics.models import CalendarDay
from feedback.organisation.models import Directorate, ServiceDirectorate, Trust
from feedback.organisation.services import in_directorate_then

SUMMED = (
    "complaints_received",
    "pals_received",
    "acknowledged_in_time",
    "clinical_received",
    "responded",
    "responded_on_time",
    "compliments",
)


class ComplaintSummary(Base):
    __tablename__ = "complaint_summary"

    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    complaints_received: Mapped[int] = mapped_column(Integer, default=0)
    pals_received: Mapped[int] = mapped_column(Integer, default=0)
    acknowledged_in_time: Mapped[int] = mapped_column(Integer, default=0)
    clinical_received: Mapped[int] = mapped_column(Integer, default=0)
    responded: Mapped[int] = mapped_column(Integer, default=0)
    responded_on_time: Mapped[int] = mapped_column(Integer, default=0)
    compliments: Mapped[int] = mapped_column(Integer, default=0)


def _flag(condition) -> object:  # type: ignore[no-untyped-def]
    return case((condition, 1), else_=0)


def _base_rows() -> Select:
    """One row per case or compliment, dated to the month it counts in, with 0/1 columns."""
    complaint = Complaint.kind == CaseKind.COMPLAINT
    received = select(
        Complaint.service_id.label("service_id"),
        CalendarDay.month_start.label("month"),
        _flag(complaint).label("complaints_received"),
        _flag(Complaint.kind == CaseKind.PALS).label("pals_received"),
        _flag(and_(complaint, Complaint.acknowledged_on <= Complaint.acknowledgement_due)).label(
            "acknowledged_in_time"
        ),
        _flag(and_(complaint, Complaint.is_clinical.is_(True))).label("clinical_received"),
        literal(0).label("responded"),
        literal(0).label("responded_on_time"),
        literal(0).label("compliments"),
    ).join(CalendarDay, CalendarDay.day == Complaint.received_on)
    responded = (
        select(
            Complaint.service_id,
            CalendarDay.month_start,
            literal(0),
            literal(0),
            literal(0),
            literal(0),
            literal(1),
            _flag(Complaint.responded_on <= Complaint.response_due),
            literal(0),
        )
        .join(CalendarDay, CalendarDay.day == Complaint.responded_on)
        .where(complaint)
    )
    compliments = select(
        Compliment.service_id,
        CalendarDay.month_start,
        *[literal(0)] * 6,
        literal(1),
    ).join(CalendarDay, CalendarDay.day == Compliment.received_on)
    return union_all(received, responded, compliments).subquery()


def _insert(query: Select) -> int:
    names = ["level", "unit_id", "month", *SUMMED]
    result = db.session.execute(
        ComplaintSummary.__table__.insert()
        .from_select(names, query)
        .execution_options(preserve_rowcount=True)
    )
    return max(result.rowcount or 0, 0)


def _earliest() -> date | None:
    days = [
        db.session.scalar(select(func.min(Complaint.received_on))),
        db.session.scalar(select(func.min(Compliment.received_on))),
    ]
    known = [d for d in days if d is not None]
    return min(known) if known else None


def summarise_complaints() -> int:
    """Replace every month's complaint figures; returns the rows written."""
    db.session.execute(delete(ComplaintSummary))
    first = _earliest()
    trust_id = db.session.scalar(select(Trust.id).order_by(Trust.id).limit(1))
    if first is None or trust_id is None:
        return 0
    today = trust_today()
    ensure_calendar(year_start(first), max(today, first))
    rows = _base_rows()
    sums = [func.sum(rows.c[name]) for name in SUMMED]
    written = _insert(
        select(literal("service"), rows.c.service_id, rows.c.month, *sums)
        .where(rows.c.service_id.is_not(None))
        .group_by(rows.c.service_id, rows.c.month)
    )
    # Cases not yet placed with a service still count for the trust.
    written += _insert(
        select(literal("trust"), literal(trust_id), rows.c.month, *sums).group_by(rows.c.month)
    )
    s = ComplaintSummary
    history = in_directorate_then(s.unit_id, s.month)
    written += _insert(
        select(
            literal("directorate"),
            ServiceDirectorate.directorate_id,
            s.month,
            *[func.sum(getattr(s, name)) for name in SUMMED],
        )
        .join(ServiceDirectorate, history)
        .join(Directorate, Directorate.id == ServiceDirectorate.directorate_id)
        .where(s.level == "service")
        .group_by(ServiceDirectorate.directorate_id, s.month)
    )
    return written


@dataclass(frozen=True)
class ComplaintTotals:
    """A unit's complaint figures over a span of months, as the dashboards show them."""

    complaints_received: int = 0
    pals_received: int = 0
    acknowledged_in_time: int = 0
    clinical_received: int = 0
    responded: int = 0
    responded_on_time: int = 0
    compliments: int = 0

    @property
    def percent_on_time(self) -> int | None:
        return percent(self.responded_on_time, self.responded)

    @property
    def percent_acknowledged_in_time(self) -> int | None:
        return percent(self.acknowledged_in_time, self.complaints_received)


def complaint_totals(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[int, ComplaintTotals]:
    """Each unit's complaint figures over the months first..last, in one grouped query."""
    s = ComplaintSummary
    query = (
        select(s.unit_id, *[func.sum(getattr(s, name)) for name in SUMMED])
        .where(s.level == level, s.month >= first, s.month <= last)
        .group_by(s.unit_id)
    )
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    return {
        row[0]: ComplaintTotals(*[int(v or 0) for v in row[1:]])
        for row in db.session.execute(query)
    }


def complaints_by_month(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[int, dict[date, ComplaintTotals]]:
    """Each unit's complaint figures month by month (months with nothing are absent)."""
    s = ComplaintSummary
    query = (
        select(s.unit_id, s.month, *[getattr(s, name) for name in SUMMED])
        .where(s.level == level, s.month >= first, s.month <= last)
        .order_by(s.unit_id, s.month)
    )
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    result: dict[int, dict[date, ComplaintTotals]] = {}
    for row in db.session.execute(query):
        result.setdefault(row[0], {})[row[1]] = ComplaintTotals(*[int(v or 0) for v in row[2:]])
    return result
