"""Giving every target a red, amber or green status for every period, from the summary tables.

Reads only summary rows (a few thousand), never responses or cases. A period's status is
recomputed while the period is open and for a while after (late data); after that it is
kept as it was, so history shows when a target turned red and who owned it then.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

from sqlalchemy import select

from feedback.complaints.summary import ComplaintSummary
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.calendar import add_months, quarter_start
from feedback.metrics.models import FftSummary
from feedback.prom.summary import prom_months
from feedback.surveys.scoring import percent_half_up
from feedback.targets.models import Direction, Measure, Rag, Target, TargetBaseline, TargetStatus

# Late paper forms and eligible counts still arrive for this long after a period ends.
STATUS_KEPT_AFTER = timedelta(days=45)
# (numerator, denominator) columns of the PROM summary: "yes" of those who answered.
PROM_MEASURES = {
    Measure.PROM_HAS_COPY: ("has_copy_yes", "has_copy_answered"),
    Measure.PROM_HELPED_WRITE: ("helped_write_yes", "helped_write_answered"),
    Measure.PROM_PLANNED_TALK: ("planned_talk_yes", "planned_talk_answered"),
    Measure.PROM_COMPLETION_RATE: ("completed", "offered"),
}
COMPLAINT_MEASURES = {
    Measure.COMPLAINTS_ON_TIME: ("responded_on_time", "responded"),
    Measure.ACKNOWLEDGED_IN_TIME: ("acknowledged_in_time", "complaints_received"),
}


@dataclass(frozen=True)
class Figure:
    numerator: int
    denominator: int | None  # None: not known (no eligible count given)


def _period_key(target: Target, month: date) -> date:
    return quarter_start(month) if target.period == "quarter" else month


def _complaint_months(target: Target) -> dict[tuple[int, date], dict[str, int]]:
    rows = db.session.scalars(
        select(ComplaintSummary).where(ComplaintSummary.level == target.level)
    )
    figures: dict[tuple[int, date], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        bucket = figures[(row.unit_id, _period_key(target, row.month))]
        for name in ("responded_on_time", "responded", "acknowledged_in_time"):
            bucket[name] += getattr(row, name)
        bucket["complaints_received"] += row.complaints_received
        bucket["clinical_received"] += row.clinical_received
    return figures


def _complaint_figures(target: Target) -> dict[tuple[int, date], Figure]:
    figures = _complaint_months(target)
    if target.measure == Measure.CLINICAL_COMPLAINTS:
        return _against_baseline_year(target, figures)
    part, whole = COMPLAINT_MEASURES[target.measure]
    return {key: Figure(values[part], values[whole]) for key, values in figures.items()}


def _same_period_in(year: int, start: date) -> date:
    """The same month or quarter in financial year `year` (April to March)."""
    financial_year = start.year if start.month >= 4 else start.year - 1
    return start.replace(year=start.year - (financial_year - year))


def _against_baseline_year(
    target: Target, figures: dict[tuple[int, date], dict[str, int]]
) -> dict[tuple[int, date], Figure]:
    """Clinical complaints in each period against the same period of the baseline year."""
    year = target.baseline_year or 2019
    result = {}
    for (unit, start), values in figures.items():
        if start < date(year + 1, 4, 1):
            continue  # the baseline year itself and before have nothing to compare with
        baseline = figures.get((unit, _same_period_in(year, start)), {}).get("clinical_received")
        result[(unit, start)] = Figure(values["clinical_received"], baseline)
    return result


def _fft_figures(target: Target) -> dict[tuple[int, date], Figure]:
    rows = db.session.scalars(
        select(FftSummary).where(
            FftSummary.level == target.level, FftSummary.period == target.period
        )
    )
    result = {}
    for row in rows:
        if target.measure == Measure.FFT_PERCENT_POSITIVE:
            result[(row.unit_id, row.period_start)] = Figure(row.very_good + row.good, row.total)
        else:
            # Response rates are counts, so the old question's responses count too.
            responses = row.total + (row.legacy_responses or 0)
            result[(row.unit_id, row.period_start)] = Figure(responses, row.eligible)
    return result


def _prom_figures(target: Target) -> dict[tuple[int, date], Figure]:
    part, whole = PROM_MEASURES[target.measure]
    sums: dict[tuple[int, date], list[int]] = defaultdict(lambda: [0, 0])
    for (unit, month), values in prom_months(target.level).items():
        bucket = sums[(unit, _period_key(target, month))]
        bucket[0] += values[part]
        bucket[1] += values[whole]
    return {key: Figure(part_sum, whole_sum) for key, (part_sum, whole_sum) in sums.items()}


def computed_baselines(target: Target) -> dict[int, int]:
    """Each unit's response rate in Q4 of the baseline year, from stored data (legacy included)."""
    year = target.baseline_year or 2019
    rows = db.session.scalars(
        select(FftSummary).where(
            FftSummary.level == target.level,
            FftSummary.period == "quarter",
            FftSummary.period_start == date(year + 1, 1, 1),
        )
    )
    baselines = {}
    for row in rows:
        responses = row.total + (row.legacy_responses or 0)
        if row.eligible:
            baselines[row.unit_id] = percent_half_up(responses, row.eligible) or 0
    return baselines


def _periods_between(target: Target, first: date, last: date) -> int:
    months = (last.year - first.year) * 12 + last.month - first.month
    return months // 3 if target.period == "quarter" else months


def threshold_for(target: Target, baseline: int | None, start: date) -> int | None:
    """The goal for one period: on a trajectory, equal steps from the baseline to the goal."""
    if not target.has_trajectory:
        return target.goal_percent
    if baseline is None:
        return None
    assert target.trajectory_start is not None and target.goal_by is not None
    first = _period_key(target, target.trajectory_start)
    steps = _periods_between(target, first, _period_key(target, target.goal_by)) + 1
    done = _periods_between(target, first, start) + 1
    if done <= 0:
        return baseline
    if done >= steps:
        return target.goal_percent
    exact = baseline + Fraction((target.goal_percent - baseline) * done, steps)
    return int(exact + Fraction(1, 2))


def rag_for(target: Target, figure: Figure, threshold: int | None) -> Rag:
    if threshold is None:
        return Rag.NO_BASELINE
    if not figure.denominator or figure.denominator < target.minimum_count:
        if target.measure == Measure.CLINICAL_COMPLAINTS and figure.denominator is None:
            return Rag.NO_BASELINE
        return Rag.TOO_LITTLE_DATA
    value = Fraction(100 * figure.numerator, figure.denominator)
    if target.direction == Direction.AT_LEAST:
        if value >= threshold:
            return Rag.GREEN
        return Rag.AMBER if value >= threshold - target.amber_points else Rag.RED
    if value <= threshold:
        return Rag.GREEN
    return Rag.AMBER if value <= threshold + target.amber_points else Rag.RED


def _period_end(target: Target, start: date) -> date:
    return add_months(start, 3 if target.period == "quarter" else 1) - timedelta(days=1)


def evaluate_target(target: Target, today: date) -> int:
    """Write this target's statuses for every period not yet kept; returns rows written."""
    if target.measure in (Measure.FFT_RESPONSE_RATE, Measure.FFT_PERCENT_POSITIVE):
        figures = _fft_figures(target)
    elif target.measure in PROM_MEASURES:
        figures = _prom_figures(target)
    else:
        figures = _complaint_figures(target)
    baselines = computed_baselines(target) if target.has_trajectory else {}
    baselines.update(
        dict(
            db.session.execute(
                select(TargetBaseline.unit_id, TargetBaseline.percent).where(
                    TargetBaseline.target_id == target.id
                )
            ).all()
        )
    )
    existing = {
        (s.unit_id, s.period_start): s
        for s in db.session.scalars(select(TargetStatus).where(TargetStatus.target_id == target.id))
    }
    written = 0
    for (unit, start), figure in figures.items():
        if start > today or (
            target.has_trajectory
            and target.trajectory_start
            and start < _period_key(target, target.trajectory_start)
        ):
            continue
        status = existing.get((unit, start))
        if status is not None and _period_end(target, start) + STATUS_KEPT_AFTER < today:
            continue  # kept as it was decided, with the owner of the time
        threshold = threshold_for(target, baselines.get(unit), start)
        rag = rag_for(target, figure, threshold)
        if status is None:
            status = TargetStatus(target_id=target.id, unit_id=unit, period_start=start)
            db.session.add(status)
        status.numerator = figure.numerator
        status.denominator = figure.denominator or 0
        status.threshold_percent = threshold
        status.rag = rag
        status.owner = target.owner
        written += 1
    return written


def evaluate_all_targets() -> int:
    """The scheduled job: every active target."""
    today = trust_today()
    targets = db.session.scalars(select(Target).where(Target.is_active.is_(True))).all()
    return sum(evaluate_target(target, today) for target in targets)
