"""Reading the FFT summary table for any span of months: what the dashboards show.

Every figure is summed from the monthly rows in SQL, so a custom span of months costs the same
as a quarter, and a page never touches `response`.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select

from feedback.extensions import db
from feedback.metrics.models import RATING_COLUMNS, FftSummary
from feedback.surveys.scoring import FftScore, percent_half_up

# Response rates above this are shown as computed but carry a data warning.
FULL_RATE = 100


@dataclass(frozen=True)
class FftTotals:
    """A unit's FFT counts over a span of months."""

    ratings: tuple[int, int, int, int, int, int] = (0, 0, 0, 0, 0, 0)
    no_rating: int = 0
    # Responses (both questions) in the months that have an eligible count, and that count.
    rate_responses: int = 0
    eligible: int | None = None
    legacy_responses: int = 0

    @property
    def score(self) -> FftScore:
        return FftScore(dict(zip((1, 2, 3, 4, 5, 6), self.ratings, strict=True)))

    @property
    def total(self) -> int:
        return sum(self.ratings)

    @property
    def fft_percent_positive(self) -> int | None:
        return self.score.fft_percent_positive

    @property
    def fft_percent_negative(self) -> int | None:
        return self.score.fft_percent_negative

    @property
    def response_rate(self) -> int | None:
        if not self.eligible:
            return None
        return percent_half_up(self.rate_responses, self.eligible)

    @property
    def rate_needs_checking(self) -> bool:
        """More responses than eligible people: shown as computed, with a data warning."""
        return (self.response_rate or 0) > FULL_RATE


def _sums() -> list:
    s = FftSummary
    with_eligible = s.eligible.is_not(None)
    return [
        *[func.sum(getattr(s, name)) for name in RATING_COLUMNS],
        func.sum(s.no_rating),
        func.sum(case((with_eligible, s.total + func.coalesce(s.legacy_responses, 0)), else_=0)),
        func.sum(s.eligible),
        func.sum(func.coalesce(s.legacy_responses, 0)),
    ]


def _totals(row: tuple) -> FftTotals:
    values = [int(v) if v is not None else None for v in row]
    ratings = tuple(v or 0 for v in values[:6])
    return FftTotals(
        ratings,  # type: ignore[arg-type]
        values[6] or 0,
        values[7] or 0,
        values[8],
        values[9] or 0,
    )


def _months(level: str, first: date, last: date):  # type: ignore[no-untyped-def]
    s = FftSummary
    return (
        s.level == level,
        s.period == "month",
        s.period_start >= first,
        s.period_start <= last,
    )


def fft_totals(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[int, FftTotals]:
    """Each unit's FFT totals over the months first..last (month starts), in one query."""
    s = FftSummary
    query = select(s.unit_id, *_sums()).where(*_months(level, first, last)).group_by(s.unit_id)
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    return {row[0]: _totals(row[1:]) for row in db.session.execute(query)}


def fft_by_month(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[int, dict[date, FftTotals]]:
    """Each unit's FFT totals month by month (months with no row are absent)."""
    s = FftSummary
    query = (
        select(s.unit_id, s.period_start, *_sums())
        .where(*_months(level, first, last))
        .group_by(s.unit_id, s.period_start)
        .order_by(s.unit_id, s.period_start)
    )
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    result: dict[int, dict[date, FftTotals]] = {}
    for row in db.session.execute(query):
        result.setdefault(row[0], {})[row[1]] = _totals(row[2:])
    return result


def fft_month_range() -> tuple[date, date] | None:
    """The first and last months the summary table holds, trust-wide."""
    s = FftSummary
    first, last = db.session.execute(
        select(func.min(s.period_start), func.max(s.period_start)).where(
            s.level == "trust", s.period == "month"
        )
    ).one()
    return (first, last) if first is not None else None
