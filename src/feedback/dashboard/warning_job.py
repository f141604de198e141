"""The early-warnings job: every measure's XmR chart for every ward, service, directorate and
the trust, from the summary tables, replaced in one transaction; a concern on a unit's latest
month raises a warning once (recomputing never raises it again, or reopens one acknowledged)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, insert, or_, select

from feedback.complaints.summary import complaints_by_month
from feedback.dashboard.periods import add_months, latest_complete_month, months_between
from feedback.dashboard.spc import Direction, SpcChart, SpcPoint, Variation, xmr_chart
from feedback.dashboard.warnings import EarlyWarning, SpcSeries
from feedback.dashboard.warnings import SpcPoint as StoredPoint
from feedback.db import trust_today, utc_now
from feedback.extensions import db
from feedback.metrics.summaries import fft_by_month
from feedback.targets.models import Level, Measure
from feedback.targets.services import active_targets, latest_status_by_unit
from feedback.themes.summary import negative_mentions_by_month

HISTORY_MONTHS = 60
RECENT_MONTHS = 3
# Fewer responses than this a month, on average, and a percentage is too jumpy to judge (the
# same line as the small-number rule).
SMALLEST_MEAN_DENOMINATOR = 5
NEW_QUESTION_FROM = date(2020, 4, 1)
# A count averaging less than this a month is too small to judge: one complaint more or less
# would look like special cause.
SMALLEST_MEAN_COUNT = 2
ALL_LEVELS = ("location", "service", "directorate", "trust")
TARGET_LEVELS = {"trust": Level.TRUST, "directorate": Level.DIRECTORATE, "service": Level.SERVICE}


@dataclass(frozen=True)
class MonthValue:
    month: date
    value: float
    denominator: int | None


Reader = Callable[[str, date, date], dict[int, list[MonthValue]]]


def _percent_positive(level: str, first: date, last: date) -> dict[int, list[MonthValue]]:
    first = max(first, NEW_QUESTION_FROM)  # the old question's scores never join the series
    result = {}
    for unit, months in fft_by_month(level, None, first, last).items():
        result[unit] = [
            MonthValue(m, 100 * t.score.positive / t.total, t.total)
            for m, t in sorted(months.items())
            if t.total
        ]
    return result


def _response_rate(level: str, first: date, last: date) -> dict[int, list[MonthValue]]:
    result = {}
    for unit, months in fft_by_month(level, None, first, last).items():
        result[unit] = [
            MonthValue(m, 100 * t.rate_responses / t.eligible, t.eligible)
            for m, t in sorted(months.items())
            if t.eligible
        ]
    return result


def _filled(by_month: dict[date, int], last: date) -> list[MonthValue]:
    """A count series from the unit's first month to the last complete one, zeros included."""
    if not by_month:
        return []
    start = min(by_month)
    return [
        MonthValue(month, float(by_month.get(month, 0)), None)
        for month in (add_months(start, n) for n in range(months_between(start, last)))
    ]


def _negative_mentions(level: str, first: date, last: date) -> dict[int, list[MonthValue]]:
    found = negative_mentions_by_month(level, None, first, last)
    return {unit: _filled(months, last) for unit, months in found.items()}


def _complaints(level: str, first: date, last: date) -> dict[int, list[MonthValue]]:
    found = complaints_by_month(level, None, first, last)
    return {
        unit: _filled({m: t.complaints_received for m, t in months.items()}, last)
        for unit, months in found.items()
    }


@dataclass(frozen=True)
class MeasureSpec:
    measure: str
    read: Reader
    direction: Direction
    levels: tuple[str, ...]
    target_measure: Measure | None = None
    is_count: bool = False
    denominator_name: str = "responses"


SPECS = (
    MeasureSpec(
        "fft_percent_positive",
        _percent_positive,
        Direction.HIGHER_IS_BETTER,
        ALL_LEVELS,
        Measure.FFT_PERCENT_POSITIVE,
    ),
    MeasureSpec(
        "fft_response_rate",
        _response_rate,
        Direction.HIGHER_IS_BETTER,
        ALL_LEVELS,
        Measure.FFT_RESPONSE_RATE,
        denominator_name="people eligible",
    ),
    MeasureSpec(
        "negative_theme_mentions",
        _negative_mentions,
        Direction.LOWER_IS_BETTER,
        ALL_LEVELS,
        is_count=True,
    ),
    MeasureSpec(
        "complaints_received",
        _complaints,
        Direction.LOWER_IS_BETTER,
        ("service", "directorate", "trust"),
        is_count=True,
    ),
)


def _targets(spec: MeasureSpec, level: str, last: date) -> dict[int, float]:
    """Each unit's latest goal for the measure, where a target is set at this level."""
    target_level = TARGET_LEVELS.get(level)
    if spec.target_measure is None or target_level is None:
        return {}
    targets = [t for t in active_targets(target_level) if t.measure == spec.target_measure]
    if not targets:
        return {}
    statuses = latest_status_by_unit(target_level, last)
    goals: dict[int, float] = {}
    for (target_id, unit), status in statuses.items():
        if target_id == targets[0].id and status.threshold is not None:
            goals[unit] = float(status.threshold)
    return goals


def _chart(spec: MeasureSpec, values: list[MonthValue], target: float | None) -> SpcChart:
    months = [v.month for v in values]
    rebase = [NEW_QUESTION_FROM] if months and months[0] < NEW_QUESTION_FROM <= months[-1] else []
    if spec.is_count:
        mean = sum(v.value for v in values) / len(values) if values else 0
        if values and mean < SMALLEST_MEAN_COUNT:
            return SpcChart(
                (),
                f"On average fewer than {SMALLEST_MEAN_COUNT} a month: too few to judge changes.",
                None,
            )
    return xmr_chart(
        months,
        [v.value for v in values],
        spec.direction,
        rebase_at=rebase,
        target=target,
        denominators=None if spec.is_count else [v.denominator or 0 for v in values],
        minimum_denominator=SMALLEST_MEAN_DENOMINATOR,
        denominator_name=spec.denominator_name,
        bounds=_bounds(spec, values),
    )


def _bounds(spec: MeasureSpec, values: list[MonthValue]) -> tuple[float, float]:
    """Limits are drawn within what the measure can be: no negative counts, no percentage
    over 100 (a response rate over 100% is a data problem, shown as it was computed)."""
    top = max(v.value for v in values)
    if spec.is_count:
        return (0, float("inf"))
    return (0, max(100.0, top))


def _rows(spec: MeasureSpec, level: str, unit: int, chart: SpcChart, values, target):  # type: ignore[no-untyped-def]
    """The series row and its points, as plain rows: the job inserts them all at once."""
    latest = chart.latest
    series = {
        "measure": spec.measure,
        "level": level,
        "unit_id": unit,
        "points": len(values),
        "reason": chart.reason,
        "latest_month": latest.period if latest else (values[-1].month if values else None),
        "latest_variation": latest.variation.value if latest else None,
        "assurance": chart.assurance.value if chart.assurance else None,
        "target_percent": target,
        "computed_at": utc_now(),
    }
    denominators = {v.month: v.denominator for v in values}
    points = [
        {
            "measure": spec.measure,
            "level": level,
            "unit_id": unit,
            "month": p.period,
            "value": p.value,
            "denominator": denominators.get(p.period),
            "mean": p.mean,
            "lower_limit": p.lower_limit,
            "upper_limit": p.upper_limit,
            "variation": p.variation.value,
            "rules": ",".join(sorted(r.value for r in p.rules)),
            "segment": p.segment,
        }
        for p in chart.points
    ]
    return series, points


def _recent_concern(chart: SpcChart) -> SpcPoint | None:
    """The newest concern among the last few months: a dip found a month late is still news."""
    if not chart.points:
        return None
    since = add_months(chart.points[-1].period, 1 - RECENT_MONTHS)
    concerns = [p for p in chart.points if p.period >= since and p.variation == Variation.CONCERN]
    return concerns[-1] if concerns else None


def _raise(spec: MeasureSpec, level: str, unit: int, chart: SpcChart) -> None:
    """One open warning per unit and measure: a second concern while the first is still open
    adds nothing to do, and an acknowledged month is never raised again."""
    point = _recent_concern(chart)
    if point is None:
        return
    same = (
        EarlyWarning.measure == spec.measure,
        EarlyWarning.level == level,
        EarlyWarning.unit_id == unit,
    )
    already = db.session.scalar(
        select(EarlyWarning.id).where(
            *same, or_(EarlyWarning.acknowledged_at.is_(None), EarlyWarning.month >= point.period)
        )
    )
    if already is None:
        db.session.add(
            EarlyWarning(
                measure=spec.measure,
                level=level,
                unit_id=unit,
                month=point.period,
                value=point.value,
                rules=",".join(sorted(r.value for r in point.rules)),
            )
        )


def compute_early_warnings(today: date | None = None) -> int:
    """Replace every chart; returns the rows written. The month in progress is left out:
    half a month would look like a fall."""
    last = latest_complete_month(today or trust_today())
    first = add_months(last, 1 - HISTORY_MONTHS)
    db.session.execute(delete(StoredPoint))
    db.session.execute(delete(SpcSeries))
    series_rows: list[dict] = []
    point_rows: list[dict] = []
    for spec in SPECS:
        for level in spec.levels:
            goals = _targets(spec, level, last)
            for unit, values in sorted(spec.read(level, first, last).items()):
                if not values:
                    continue
                chart = _chart(spec, values, goals.get(unit))
                series, points = _rows(spec, level, unit, chart, values, goals.get(unit))
                series_rows.append(series)
                point_rows += points
                _raise(spec, level, unit, chart)
    # One insert per table: a statement per unit was half the job's time.
    if series_rows:
        db.session.execute(insert(SpcSeries), series_rows)
    if point_rows:
        db.session.execute(insert(StoredPoint), point_rows)
    db.session.flush()
    written = len(series_rows) + len(point_rows)
    return written
