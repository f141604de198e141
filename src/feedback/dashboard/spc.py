"""Statistical process control the Making Data Count way: XmR charts with special causes.

Pure and framework-free, so a scheduled job can compute charts and a view can draw them. The
method follows NHS England's Making Data Count as implemented by NHS-R's NHSRplotthedots:

- per segment (all points, or the first `fix_after`): mean; moving ranges |x(t) - x(t-1)|,
  never across a rebase; process limits at mean +- 2.66 x the mean moving range; "near" lines
  at two thirds of that distance (2/3 x 2.66 = 1.7733... x the mean moving range);
- four rules mark special causes (see `spc_rules`); each marked point is an improvement or a
  concern by the side the deciding rule points to and the measure's direction;
- assurance compares a target with the latest segment's limits, strictly: a limit exactly on
  the target is hit and miss (NHSRplotthedots: `target > upl`, `target < lpl`).

Decisions where the method leaves room:
- Rebase dates: a new segment starts at the first period on or after each date (months without
  data are dropped by the caller, so the month of a change may be missing); dates on or before
  the first period, or after the last, change nothing. NHSRplotthedots ignores a date that is
  not a period, which would lose a rebase silently.
- A rebase that would leave a segment with fewer than 2 points is ignored: one point has no
  moving range, so it can have no limits of its own. The point stays in the segment before it
  (its baseline too, unless `fix_after` holds that baseline), and that segment's number carries
  on. This happens when the latest (or the second) period is a rebase date, or when two
  rebases are a period apart (the later one is ignored).
- Too few points (fewer than `minimum_points` in all) or tiny denominators: no points and a
  plain-English reason; points-count is checked first. A segment shorter than that (after a
  rebase) still gets trial limits, as in NHSRplotthedots, which only warns.
- `screen_moving_ranges` drops moving ranges >= 3.267 x their mean once, then averages the rest
  (NHSRplotthedots' `screen_outliers`, which defaults to on there; off here, as in the Making
  Data Count spreadsheet). With a mean moving range of 0 nothing is dropped.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from itertools import pairwise
from statistics import fmean

from feedback.dashboard.spc_rules import Lines, Rule, deciding_side, mark_points

__all__ = [
    "MINIMUM_POINTS",
    "Assurance",
    "Direction",
    "Rule",
    "SpcChart",
    "SpcPoint",
    "Variation",
    "xmr_chart",
]

MINIMUM_POINTS = 12
LIMIT_FACTOR = 2.66  # 3 sigma: 3 / 1.128, the d2 constant for moving ranges of 2
NEAR_FACTOR = LIMIT_FACTOR * 2 / 3  # 2 sigma
SCREEN_FACTOR = 3.267  # the upper limit of a moving-range chart


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"


class Variation(StrEnum):
    COMMON_CAUSE = "common_cause"
    IMPROVEMENT = "improvement"
    CONCERN = "concern"


class Assurance(StrEnum):
    PASSING = "consistently_passing"
    FAILING = "consistently_failing"
    HIT_AND_MISS = "hit_and_miss"


@dataclass(frozen=True)
class SpcPoint:
    """One period on the chart, with the lines of its segment and how it was judged."""

    period: date
    value: float
    mean: float
    lower_limit: float
    upper_limit: float
    lower_near: float
    upper_near: float
    rules: frozenset[Rule]
    variation: Variation
    segment: int


@dataclass(frozen=True)
class SpcChart:
    """The points of an XmR chart, or the reason there are none."""

    points: tuple[SpcPoint, ...]
    reason: str | None
    assurance: Assurance | None

    @property
    def latest(self) -> SpcPoint | None:
        """The most recent point, or None when nothing was computed."""
        return self.points[-1] if self.points else None


def xmr_chart(
    periods: Sequence[date],
    values: Sequence[float],
    direction: Direction,
    *,
    rebase_at: Sequence[date] = (),
    fix_after: int | None = None,
    screen_moving_ranges: bool = False,
    target: float | None = None,
    minimum_points: int = MINIMUM_POINTS,
    denominators: Sequence[int] | None = None,
    minimum_denominator: int = 10,
    bounds: tuple[float, float] | None = None,
    period_name: str = "month",
    denominator_name: str = "responses",
) -> SpcChart:
    """An XmR chart of `values` over `periods` (in order, each once), judged by the four rules.

    Raises ValueError for periods out of order or repeated, mismatched lengths, values that are
    None, NaN or infinite, and values or a target outside `bounds`.

    `bounds` (say (0, 100) for a percentage): every line (limits and near lines) is clamped to
    them, and the rules and assurance use the clamped lines, so what is drawn is what was
    judged and nothing is reported at an impossible value such as 104%. Because every
    comparison is strict and values and target must lie within the bounds, clamping never
    changes a mark or the assurance: a point at 100% is not beyond a limit at 100%, nor at 104%.

    `period_name` and `denominator_name` only word the reasons ("week", "patients asked").
    """
    values = _checked_values(periods, values, bounds)
    _check_options(fix_after, minimum_points, denominators, len(values), target, bounds)
    reason = _reason_not_computed(
        len(values),
        minimum_points,
        denominators,
        minimum_denominator,
        period_name,
        denominator_name,
    )
    if reason is not None:
        return SpcChart(points=(), reason=reason, assurance=None)
    starts = _segment_starts(periods, rebase_at)
    points: list[SpcPoint] = []
    for segment, (start, stop) in enumerate(pairwise([*starts, len(values)])):
        points += _segment_points(
            periods[start:stop],
            values[start:stop],
            segment,
            direction,
            fix_after,
            screen_moving_ranges,
            bounds,
        )
    assurance = None if target is None else _assurance(points[-1], target, direction)
    return SpcChart(points=tuple(points), reason=None, assurance=assurance)


def _checked_values(
    periods: Sequence[date], values: Sequence[float], bounds: tuple[float, float] | None
) -> list[float]:
    if len(periods) != len(values):
        raise ValueError(f"{len(periods)} periods but {len(values)} values.")
    if any(later <= earlier for earlier, later in pairwise(periods)):
        raise ValueError("Periods must be in order, each once.")
    if any(value is None or not math.isfinite(value) for value in values):
        raise ValueError("Every value must be a number: drop periods without data.")
    if bounds is not None:
        low, high = bounds
        if not low < high:
            raise ValueError(f"Bounds {bounds} must be (lowest, highest).")
        if any(not low <= value <= high for value in values):
            raise ValueError(f"Every value must lie within the bounds {bounds}.")
    return [float(value) for value in values]


def _check_options(
    fix_after: int | None,
    minimum_points: int,
    denominators: Sequence[int] | None,
    count: int,
    target: float | None,
    bounds: tuple[float, float] | None,
) -> None:
    if fix_after is not None and fix_after < 2:
        raise ValueError("fix_after needs at least 2 points: limits come from moving ranges.")
    if minimum_points < 2:
        raise ValueError("minimum_points must be at least 2.")
    if denominators is not None:
        if len(denominators) != count:
            raise ValueError(f"{len(denominators)} denominators but {count} values.")
        if any(denominator < 0 for denominator in denominators):
            raise ValueError("Denominators cannot be negative.")
    if target is not None and bounds is not None and not bounds[0] <= target <= bounds[1]:
        raise ValueError(f"The target {target} lies outside the bounds {bounds}.")


def _reason_not_computed(
    count: int,
    minimum_points: int,
    denominators: Sequence[int] | None,
    minimum_denominator: int,
    period_name: str,
    denominator_name: str,
) -> str | None:
    if count < minimum_points:
        if count == 0:
            return (
                f"No data yet: {minimum_points} {period_name}s are needed "
                "before special causes can be judged."
            )
        periods = period_name if count == 1 else f"{period_name}s"
        return (
            f"Only {count} {periods} of data: {minimum_points} are needed "
            "before special causes can be judged."
        )
    if denominators is not None:
        average = fmean(denominators)
        if average < minimum_denominator:
            return (
                f"On average only {_rounded_down(average)} {denominator_name} a {period_name}: "
                "too few to judge changes."
            )
    return None


def _rounded_down(number: float) -> str:
    # Down, so 9.96 reads "9.9" rather than a "10" that seems to meet a minimum of 10.
    tenths = math.floor(number * 10) / 10
    return f"{tenths:g}"


def _segment_starts(periods: Sequence[date], rebase_at: Sequence[date]) -> list[int]:
    starts = [0]
    for when in sorted(set(rebase_at)):
        start = bisect_left(periods, when)
        # A start within 2 of the previous one would leave that segment a single point.
        if start < len(periods) and start - starts[-1] >= 2:
            starts.append(start)
    if len(starts) > 1 and len(periods) - starts[-1] < 2:
        starts.pop()
    return starts


def _segment_points(
    periods: Sequence[date],
    values: Sequence[float],
    segment: int,
    direction: Direction,
    fix_after: int | None,
    screen_moving_ranges: bool,
    bounds: tuple[float, float] | None,
) -> list[SpcPoint]:
    baseline = values if fix_after is None else values[:fix_after]
    lines = _clamped(_lines(baseline, screen_moving_ranges), bounds)
    better = 1 if direction is Direction.HIGHER_IS_BETTER else -1
    points = []
    for period, value, marks in zip(periods, values, mark_points(values, lines), strict=True):
        side = deciding_side(marks)
        if side == 0:
            variation = Variation.COMMON_CAUSE
        elif side == better:
            variation = Variation.IMPROVEMENT
        else:
            variation = Variation.CONCERN
        points.append(
            SpcPoint(
                period=period,
                value=value,
                mean=lines.mean,
                lower_limit=lines.lower_limit,
                upper_limit=lines.upper_limit,
                lower_near=lines.lower_near,
                upper_near=lines.upper_near,
                rules=frozenset(marks),
                variation=variation,
                segment=segment,
            )
        )
    return points


def _lines(baseline: Sequence[float], screen_moving_ranges: bool) -> Lines:
    mean = fmean(baseline)
    moving_ranges = [abs(after - before) for before, after in pairwise(baseline)]
    mean_range = fmean(moving_ranges)
    if screen_moving_ranges and mean_range > 0:
        mean_range = fmean(r for r in moving_ranges if r < SCREEN_FACTOR * mean_range)
    return Lines(
        mean=mean,
        lower_limit=mean - LIMIT_FACTOR * mean_range,
        upper_limit=mean + LIMIT_FACTOR * mean_range,
        lower_near=mean - NEAR_FACTOR * mean_range,
        upper_near=mean + NEAR_FACTOR * mean_range,
    )


def _clamped(lines: Lines, bounds: tuple[float, float] | None) -> Lines:
    if bounds is None:
        return lines
    low, high = bounds

    def clamp(line: float) -> float:
        return min(max(line, low), high)

    return Lines(
        mean=lines.mean,
        lower_limit=clamp(lines.lower_limit),
        upper_limit=clamp(lines.upper_limit),
        lower_near=clamp(lines.lower_near),
        upper_near=clamp(lines.upper_near),
    )


def _assurance(latest: SpcPoint, target: float, direction: Direction) -> Assurance:
    if direction is Direction.HIGHER_IS_BETTER:
        passing, failing = latest.lower_limit > target, latest.upper_limit < target
    else:
        passing, failing = latest.upper_limit < target, latest.lower_limit > target
    if passing:
        return Assurance.PASSING
    if failing:
        return Assurance.FAILING
    return Assurance.HIT_AND_MISS
