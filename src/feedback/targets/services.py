"""Reading the register and each target's history; changing targets and entered baselines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.organisation.models import Directorate, Service, Trust
from feedback.surveys.scoring import percent_half_up
from feedback.targets.models import Level, Rag, Target, TargetBaseline, TargetStatus


class TargetError(ValueError):
    """A change to a target that cannot be made; the message is for the admin."""


def list_targets() -> Sequence[Target]:
    return db.session.scalars(select(Target).order_by(Target.is_active.desc(), Target.name)).all()


def get_target(code: str) -> Target | None:
    return db.session.scalar(select(Target).where(Target.code == code))


def unit_names(level: Level) -> dict[int, str]:
    model = {Level.TRUST: Trust, Level.DIRECTORATE: Directorate, Level.SERVICE: Service}[level]
    return dict(db.session.execute(select(model.id, model.name).order_by(model.name)).all())


@dataclass(frozen=True)
class LatestStatus:
    period_start: date | None
    counts: Counter[Rag]


def latest_statuses() -> dict[int, LatestStatus]:
    """For each target: its latest period and how many units were in each status then."""
    latest = (
        select(TargetStatus.target_id, func.max(TargetStatus.period_start).label("start"))
        .group_by(TargetStatus.target_id)
        .subquery()
    )
    query = (
        select(TargetStatus.target_id, latest.c.start, TargetStatus.rag, func.count())
        .join(
            latest,
            (latest.c.target_id == TargetStatus.target_id)
            & (latest.c.start == TargetStatus.period_start),
        )
        .group_by(TargetStatus.target_id, latest.c.start, TargetStatus.rag)
    )
    result: dict[int, LatestStatus] = {}
    for target_id, start, rag, count in db.session.execute(query):
        entry = result.setdefault(target_id, LatestStatus(start, Counter()))
        entry.counts[rag] = count
    return result


@dataclass(frozen=True)
class StatusRow:
    period_start: date
    percent: int | None
    numerator: int
    denominator: int
    threshold: int | None
    rag: Rag
    owner: str


def history(target: Target, periods: int = 12) -> dict[int, list[StatusRow]]:
    """Each unit's statuses for the latest periods, newest first."""
    starts = db.session.scalars(
        select(TargetStatus.period_start)
        .where(TargetStatus.target_id == target.id)
        .distinct()
        .order_by(TargetStatus.period_start.desc())
        .limit(periods)
    ).all()
    if not starts:
        return {}
    rows = db.session.scalars(
        select(TargetStatus)
        .where(TargetStatus.target_id == target.id, TargetStatus.period_start.in_(starts))
        .order_by(TargetStatus.unit_id, TargetStatus.period_start.desc())
    )
    result: dict[int, list[StatusRow]] = {}
    for s in rows:
        result.setdefault(s.unit_id, []).append(_status_row(s))
    return result


def set_baseline(target: Target, unit_id: int, percent: int | None, entered_by: str) -> None:
    """Enter (or, with None, clear) a unit's baseline; an entered one beats a computed one."""
    existing = db.session.scalar(
        select(TargetBaseline).where(
            TargetBaseline.target_id == target.id, TargetBaseline.unit_id == unit_id
        )
    )
    if percent is None:
        if existing is not None:
            db.session.delete(existing)
        return
    if not 0 <= percent <= 100:
        raise TargetError("Enter a baseline between 0 and 100")
    if existing is None:
        existing = TargetBaseline(target_id=target.id, unit_id=unit_id, percent=percent)
        db.session.add(existing)
    existing.percent = percent
    existing.entered_by = entered_by


def forget_statuses_from(target: Target, start: date) -> None:
    """After a change to the rules, periods still open are judged again under the new ones."""
    for status in db.session.scalars(
        select(TargetStatus).where(
            TargetStatus.target_id == target.id, TargetStatus.period_start >= start
        )
    ):
        db.session.delete(status)


@dataclass(frozen=True)
class UnitTarget:
    target: Target
    history: list[StatusRow]  # oldest first

    @property
    def latest(self) -> StatusRow | None:
        return self.history[-1] if self.history else None


def targets_for_unit(level: Level, unit_id: int, first: date, last: date) -> list[UnitTarget]:
    """The active targets set at this level, each with the unit's statuses from first to last
    (period starts), for the dashboards."""
    targets = active_targets(level)
    if not targets:
        return []
    rows = db.session.scalars(
        select(TargetStatus)
        .where(
            TargetStatus.target_id.in_([t.id for t in targets]),
            TargetStatus.unit_id == unit_id,
            TargetStatus.period_start >= first,
            TargetStatus.period_start <= last,
        )
        .order_by(TargetStatus.target_id, TargetStatus.period_start)
    )
    by_target: dict[int, list[StatusRow]] = {t.id: [] for t in targets}
    for s in rows:
        by_target[s.target_id].append(_status_row(s))
    return [UnitTarget(t, by_target[t.id]) for t in targets]


def latest_status_by_unit(level: Level, last: date) -> dict[tuple[int, int], StatusRow]:
    """For every active target at this level: each unit's latest status up to `last`."""
    latest = (
        select(
            TargetStatus.target_id,
            TargetStatus.unit_id,
            func.max(TargetStatus.period_start).label("start"),
        )
        .join(Target, Target.id == TargetStatus.target_id)
        .where(Target.level == level, Target.is_active.is_(True), TargetStatus.period_start <= last)
        .group_by(TargetStatus.target_id, TargetStatus.unit_id)
        .subquery()
    )
    rows = db.session.scalars(
        select(TargetStatus).join(
            latest,
            (latest.c.target_id == TargetStatus.target_id)
            & (latest.c.unit_id == TargetStatus.unit_id)
            & (latest.c.start == TargetStatus.period_start),
        )
    )
    return {(s.target_id, s.unit_id): _status_row(s) for s in rows}


def active_targets(level: Level) -> Sequence[Target]:
    return db.session.scalars(
        select(Target)
        .where(Target.level == level, Target.is_active.is_(True))
        .order_by(Target.name)
    ).all()


def _status_row(s: TargetStatus) -> StatusRow:
    return StatusRow(
        s.period_start,
        percent_half_up(s.numerator, s.denominator),
        s.numerator,
        s.denominator,
        s.threshold_percent,
        s.rag,
        s.owner,
    )
