"""PROM figures per ward, service, directorate and trust per month, filled in SQL.

Every figure counts in the month of the offer, so completed is always part of offered and
a response sent a week later still belongs to its offer. PROM volumes are small (thousands of
offers a year), so the job replaces the whole table in one transaction, as the complaint
summaries do; a late answer to an old offer moves that month's figures too.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import (
    Column,
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    Table,
    delete,
    func,
    literal,
    select,
)
from sqlalchemy.orm import Mapped

from feedback.db import Base
from feedback.extensions import db
from feedback.organisation.models import Directorate, Location, ServiceDirectorate
from feedback.organisation.services import in_directorate_then
from feedback.prom.models import (
    NOT_COUNTED,
    QUESTIONS,
    CompletionMode,
    DeclineReason,
    PromOffer,
    PromResponse,
)

LEVELS = ("location", "service", "directorate", "trust")
MODE_COLUMNS = tuple(f"completed_{mode.value}" for mode in CompletionMode)
DECLINE_COLUMNS = tuple(f"declined_{reason.value}" for reason in DeclineReason)
ANSWER_COLUMNS = tuple(
    f"{question}_{part}" for question in QUESTIONS for part in ("yes", "partly", "answered")
)
SUMMED = (
    "offered",
    "accepted",
    "completed",
    "completed_at_home",
    "completed_easy_read",
    *MODE_COLUMNS,
    *DECLINE_COLUMNS,
    *ANSWER_COLUMNS,
)


# One integer column per figure, declared from the names so that the table, the job and
# the readers can never disagree about them.
prom_summary_table = Table(
    "prom_summary",
    Base.metadata,
    Column("level", String(12), primary_key=True),
    Column("unit_id", Integer, primary_key=True),
    Column("month", Date, primary_key=True),
    *[Column(name, Integer, nullable=False, default=0) for name in SUMMED],
)


class PromSummary(Base):
    __table__ = prom_summary_table

    level: Mapped[str]
    unit_id: Mapped[int]
    month: Mapped[date]


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    # COUNT(*) FILTER (WHERE ...) is SQL both SQLite and PostgreSQL accept.
    return func.count().filter(condition)


def _location_months() -> Select:
    """Each ward or team's month, from its offers and the answers linked to them."""
    o, r = PromOffer, PromResponse
    answered = r.id.is_not(None)
    columns: list[ColumnElement] = [
        func.count(o.id),
        _count(o.accepted.is_(True)),
        func.count(r.id),
        _count(r.at_home.is_(True)),
        _count(r.easy_read.is_(True)),
        *[_count(r.mode == mode) for mode in CompletionMode],
        *[_count(o.decline_reason == reason) for reason in DeclineReason],
    ]
    for question in QUESTIONS:
        value = getattr(r, question)
        columns += [
            _count(value == "yes"),
            _count(value == "partly"),
            _count(answered & value.is_not(None) & (value != NOT_COUNTED)),
        ]
    return (
        select(literal("location"), o.location_id, o.offered_month, *columns)
        .select_from(o)
        .outerjoin(r, r.offer_id == o.id)
        .group_by(o.location_id, o.offered_month)
    )


def _insert(query: Select) -> int:
    result = db.session.execute(
        PromSummary.__table__.insert()
        .from_select(["level", "unit_id", "month", *SUMMED], query)
        .execution_options(preserve_rowcount=True)
    )
    return max(result.rowcount or 0, 0)


def _sums(source: type[PromSummary]) -> list[ColumnElement]:
    return [func.sum(getattr(source, name)) for name in SUMMED]


def summarise_prom() -> int:
    """The scheduled job: replace every month's PROM figures; returns the rows written."""
    s = PromSummary
    db.session.execute(delete(s))
    written = _insert(_location_months())
    written += _insert(
        select(literal("service"), Location.service_id, s.month, *_sums(s))
        .join(Location, Location.id == s.unit_id)
        .where(s.level == "location")
        .group_by(Location.service_id, s.month)
    )
    # A service that moved directorate counts where it was in that month.
    written += _insert(
        select(literal("directorate"), ServiceDirectorate.directorate_id, s.month, *_sums(s))
        .join(ServiceDirectorate, in_directorate_then(s.unit_id, s.month))
        .where(s.level == "service")
        .group_by(ServiceDirectorate.directorate_id, s.month)
    )
    written += _insert(
        select(literal("trust"), Directorate.trust_id, s.month, *_sums(s))
        .join(Directorate, Directorate.id == s.unit_id)
        .where(s.level == "directorate")
        .group_by(Directorate.trust_id, s.month)
    )
    return written


def prom_totals(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[int, dict[str, int]]:
    """Each unit's figures summed over the months first..last, in one grouped query."""
    s = PromSummary
    query = (
        select(s.unit_id, *_sums(s))
        .where(s.level == level, s.month >= first, s.month <= last)
        .group_by(s.unit_id)
    )
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    return {
        row[0]: dict(zip(SUMMED, (int(v or 0) for v in row[1:]), strict=True))
        for row in db.session.execute(query)
    }


def prom_months(level: str) -> dict[tuple[int, date], dict[str, int]]:
    """Every unit's month at one level (a few thousand rows), for the targets job."""
    s = PromSummary
    rows = db.session.execute(
        select(s.unit_id, s.month, *[getattr(s, name) for name in SUMMED]).where(s.level == level)
    )
    return {
        (row[0], row[1]): dict(zip(SUMMED, (int(v) for v in row[2:]), strict=True)) for row in rows
    }


def earliest_month() -> date | None:
    return db.session.scalar(select(func.min(PromSummary.month)))


def prom_by_month(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[date, dict[str, int]]:
    """The units' figures added together month by month (months with nothing are absent)."""
    s = PromSummary
    query = (
        select(s.month, *_sums(s))
        .where(s.level == level, s.month >= first, s.month <= last)
        .group_by(s.month)
        .order_by(s.month)
    )
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    return {
        row[0]: dict(zip(SUMMED, (int(v or 0) for v in row[1:]), strict=True))
        for row in db.session.execute(query)
    }
