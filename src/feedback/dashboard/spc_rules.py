"""The four Making Data Count rules for special-cause variation, applied to one segment.

Each rule marks a point with the side it points to: +1 (above the mean, or a rising trend) or
-1 (below the mean, or a falling trend). The caller applies the rules to one segment at a time,
so no run continues across a rebase.

Edge cases follow NHS-R's NHSRplotthedots (`ptd_spc_standard`, `ptd_calculate_point_type`)
unless said otherwise:
- every comparison is strict: a point exactly on a process limit is not outside it, a point
  exactly on a "near" line is not close to the limit, a point exactly on the mean is on neither
  side and so ends a shift;
- a trend is 7 points, that is 6 rises (or 6 falls) in a row; an equal neighbour ends it;
- two-of-three looks at every 3 consecutive points: all three must be on the same side of the
  mean (none on it), at least two beyond the near line on that side, and only those two (or
  three) are marked, never the third point that merely completes the window;
- unlike NHSRplotthedots, which counts only points between the near line and the limit, a point
  beyond the limit also counts towards two-of-three: NHS England's Making Data Count team moved
  their own tools to this in late 2023 ("all points beyond two-sigma are counted").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import groupby, pairwise

# Making Data Count uses 7 for SPC charts; 6 belongs to run charts.
RUN_LENGTH = 7


class Rule(StrEnum):
    OUTSIDE_LIMITS = "outside_limits"
    SHIFT = "shift"
    TREND = "trend"
    TWO_OF_THREE = "two_of_three"


# When two rules mark a point on opposite sides, the first of these decides. Only a trend can
# disagree with the others (they all go by the point's own side of the mean): a falling trend
# above the mean is a concern, as in NHSRplotthedots since its fix for trend colours (PR #180),
# but a point beyond a limit is judged by where it is.
PRECEDENCE = (Rule.OUTSIDE_LIMITS, Rule.TREND, Rule.TWO_OF_THREE, Rule.SHIFT)

Marks = dict[Rule, int]


@dataclass(frozen=True)
class Lines:
    """The centre line, process limits and near lines one segment's points are judged against."""

    mean: float
    lower_limit: float
    upper_limit: float
    lower_near: float
    upper_near: float


def mark_points(values: Sequence[float], lines: Lines) -> list[Marks]:
    """For each point, the rules that mark it and the side each one points to."""
    marks: list[Marks] = [{} for _ in values]
    _mark_outside_limits(values, lines, marks)
    _mark_trends(values, marks)
    _mark_two_of_three(values, lines, marks)
    _mark_shifts(values, lines.mean, marks)
    return marks


def deciding_side(marks: Marks) -> int:
    """The side that decides a point's variation: +1, -1, or 0 when no rule marks it."""
    return next((marks[rule] for rule in PRECEDENCE if rule in marks), 0)


def _side(value: float, centre: float) -> int:
    return (value > centre) - (value < centre)


def _runs(signs: Sequence[int]) -> Iterator[tuple[int, int, int]]:
    """Each run of equal non-zero signs, as (sign, index of its first item, length)."""
    start = 0
    for sign, run in groupby(signs):
        length = sum(1 for _ in run)
        if sign:
            yield sign, start, length
        start += length


def _mark_outside_limits(values: Sequence[float], lines: Lines, marks: list[Marks]) -> None:
    for value, point in zip(values, marks, strict=True):
        if value > lines.upper_limit:
            point[Rule.OUTSIDE_LIMITS] = 1
        elif value < lines.lower_limit:
            point[Rule.OUTSIDE_LIMITS] = -1


def _mark_shifts(values: Sequence[float], mean: float, marks: list[Marks]) -> None:
    for side, start, length in _runs([_side(value, mean) for value in values]):
        if length >= RUN_LENGTH:
            for point in marks[start : start + length]:
                point[Rule.SHIFT] = side


def _mark_trends(values: Sequence[float], marks: list[Marks]) -> None:
    steps = [_side(after, before) for before, after in pairwise(values)]
    for direction, start, length in _runs(steps):
        # n steps join n + 1 points. A turning point shared by a rise and the fall after it
        # takes the later trend's direction, as NHSRplotthedots does ("use right side").
        if length + 1 >= RUN_LENGTH:
            for point in marks[start : start + length + 1]:
                point[Rule.TREND] = direction


def _mark_two_of_three(values: Sequence[float], lines: Lines, marks: list[Marks]) -> None:
    sides = [_side(value, lines.mean) for value in values]
    beyond_near = [
        1 if value > lines.upper_near else -1 if value < lines.lower_near else 0 for value in values
    ]
    for start in range(len(values) - 2):
        window = range(start, start + 3)
        side = sides[start]
        if side == 0 or any(sides[i] != side for i in window):
            continue
        close = [i for i in window if beyond_near[i] == side]
        if len(close) >= 2:
            for i in close:
                marks[i][Rule.TWO_OF_THREE] = side
