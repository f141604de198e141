"""Everything one dashboard page shows for one unit and period, read from the summary tables
(FFT, complaints, themes, target statuses), never from responses."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from feedback.complaints.summary import ComplaintTotals, complaint_totals, complaints_by_month
from feedback.dashboard.periods import Span, add_months
from feedback.dashboard.units import Unit, children
from feedback.metrics.summaries import FftTotals, fft_by_month, fft_totals
from feedback.staff_survey.summary import TrendPoint, staff_trend
from feedback.targets.models import Level
from feedback.targets.services import (
    StatusRow,
    UnitTarget,
    active_targets,
    latest_status_by_unit,
    targets_for_unit,
)
from feedback.themes.services import list_themes
from feedback.themes.summary import theme_totals

TREND_MONTHS = 24
TOP_THEMES = 8
RISING_THEMES = 5
# The 2020 FFT question replaced the old one in April 2020: scores on each side never mix.
NEW_QUESTION_FROM = date(2020, 4, 1)
COMPLAINT_LEVELS = ("trust", "directorate", "service")
TARGET_LEVELS = {"trust": Level.TRUST, "directorate": Level.DIRECTORATE, "service": Level.SERVICE}


@dataclass(frozen=True)
class ThemeRow:
    theme_id: int
    name: str
    group: str
    comments: int
    negative: int
    positive: int
    comments_before: int | None  # None: no comparison period
    negative_before: int | None

    @property
    def change(self) -> int | None:
        return None if self.comments_before is None else self.comments - self.comments_before

    @property
    def negative_change(self) -> int | None:
        return None if self.negative_before is None else self.negative - self.negative_before


@dataclass(frozen=True)
class MonthFigures:
    month: date
    fft: FftTotals
    complaints: ComplaintTotals | None

    @property
    def is_legacy(self) -> bool:
        return self.month < NEW_QUESTION_FROM


@dataclass(frozen=True)
class ChildRow:
    unit: Unit
    fft: FftTotals
    complaints: ComplaintTotals | None


@dataclass(frozen=True)
class TargetCell:
    service: Unit
    target_name: str
    status: StatusRow | None


@dataclass
class UnitOverview:
    unit: Unit
    span: Span
    comparison: Span | None
    fft: FftTotals
    fft_before: FftTotals | None
    complaints: ComplaintTotals | None
    complaints_before: ComplaintTotals | None
    children: list[ChildRow]
    themes: list[ThemeRow]
    rising_negative: list[ThemeRow]
    targets: list[UnitTarget]
    trend: list[MonthFigures]
    target_map: list[TargetCell] = field(default_factory=list)
    target_map_names: list[str] = field(default_factory=list)
    # The staff pulse survey beside patient feedback (trust and directorate pages); None
    # where it is not shown.
    staff: list[TrendPoint] | None = None

    @property
    def has_complaints(self) -> bool:
        return self.complaints is not None


def _fft(unit: Unit, span: Span | None) -> FftTotals | None:
    if span is None:
        return None
    return fft_totals(unit.level, [unit.id], span.first, span.last).get(unit.id, FftTotals())


def _complaints(unit: Unit, span: Span | None) -> ComplaintTotals | None:
    if span is None or unit.level not in COMPLAINT_LEVELS:
        return None
    found = complaint_totals(unit.level, [unit.id], span.first, span.last)
    return found.get(unit.id, ComplaintTotals())


def _children(unit: Unit, span: Span) -> list[ChildRow]:
    below = children(unit, span.last)
    if not below:
        return []
    ids = [child.id for child in below]
    level = below[0].level
    fft = fft_totals(level, ids, span.first, span.last)
    complaints = (
        complaint_totals(level, ids, span.first, span.last) if level in COMPLAINT_LEVELS else None
    )
    return [
        ChildRow(
            child,
            fft.get(child.id, FftTotals()),
            None if complaints is None else complaints.get(child.id, ComplaintTotals()),
        )
        for child in below
    ]


def theme_rows(unit: Unit, span: Span, comparison: Span | None) -> list[ThemeRow]:
    now = theme_totals(unit.level, unit.id, span.first, span.last)
    before = (
        theme_totals(unit.level, unit.id, comparison.first, comparison.last) if comparison else None
    )
    themes = {t.id: t for t in list_themes(active_only=False)}
    rows = []
    for theme_id in set(now) | set(before or {}):
        if theme_id not in themes:
            continue
        counts = now.get(theme_id, {})
        earlier = None if before is None else before.get(theme_id, {})
        rows.append(
            ThemeRow(
                theme_id,
                themes[theme_id].name,
                themes[theme_id].group,
                counts.get("comments", 0),
                counts.get("negative", 0),
                counts.get("positive", 0),
                None if earlier is None else earlier.get("comments", 0),
                None if earlier is None else earlier.get("negative", 0),
            )
        )
    return sorted(rows, key=lambda r: (-r.comments, r.name))


def _rising(rows: list[ThemeRow]) -> list[ThemeRow]:
    rising = [r for r in rows if (r.negative_change or 0) > 0]
    return sorted(rising, key=lambda r: (-(r.negative_change or 0), r.name))[:RISING_THEMES]


def trend(unit: Unit, last: date, months: int = TREND_MONTHS) -> list[MonthFigures]:
    first = add_months(last, 1 - months)
    fft = fft_by_month(unit.level, [unit.id], first, last).get(unit.id, {})
    complaints = (
        complaints_by_month(unit.level, [unit.id], first, last).get(unit.id, {})
        if unit.level in COMPLAINT_LEVELS
        else None
    )
    result = []
    for n in range(months):
        month = add_months(first, n)
        result.append(
            MonthFigures(
                month,
                fft.get(month, FftTotals()),
                None if complaints is None else complaints.get(month, ComplaintTotals()),
            )
        )
    # Months before the first with any figure are not history, just empty.
    while result and not _has_figures(result[0]):
        result.pop(0)
    return result


def _has_figures(month: MonthFigures) -> bool:
    fft = month.fft
    complaints = month.complaints
    return bool(
        fft.total
        or fft.legacy_responses
        or fft.eligible
        or (complaints and (complaints.complaints_received or complaints.compliments))
    )


def _target_map(unit: Unit, span: Span, rows: list[ChildRow]) -> tuple[list[str], list]:
    """Each service's latest status on each service-level target: the map of targets."""
    if unit.level == "trust":
        services = [
            service
            for directorate in children(unit, span.last)
            for service in children(directorate, span.last)
        ]
    elif unit.level == "directorate":
        services = [row.unit for row in rows]
    else:
        return [], []
    targets = active_targets(Level.SERVICE)
    statuses = latest_status_by_unit(Level.SERVICE, span.last)
    cells = [
        TargetCell(service, target.name, statuses.get((target.id, service.id)))
        for service in services
        for target in targets
    ]
    return [t.name for t in targets], cells


def _staff(unit: Unit, span: Span) -> list[TrendPoint] | None:
    """Staff survey windows that opened by the end of the period (one grouped query)."""
    if unit.level == "trust":
        return staff_trend(up_to=span.last)
    if unit.level == "directorate":
        return staff_trend(directorate_id=unit.id, up_to=span.last)
    return None


def build_overview(unit: Unit, span: Span, comparison: Span | None) -> UnitOverview:
    rows = _children(unit, span)
    themes = theme_rows(unit, span, comparison)
    target_level = TARGET_LEVELS.get(unit.level)
    targets = (
        targets_for_unit(target_level, unit.id, add_months(span.last, -12), span.last)
        if target_level
        else []
    )
    names, cells = _target_map(unit, span, rows)
    return UnitOverview(
        unit=unit,
        span=span,
        comparison=comparison,
        fft=_fft(unit, span) or FftTotals(),
        fft_before=_fft(unit, comparison),
        complaints=_complaints(unit, span),
        complaints_before=_complaints(unit, comparison),
        children=rows,
        themes=themes[:TOP_THEMES],
        rising_negative=_rising(themes),
        targets=targets,
        # A long custom span shows its whole length (back to the old question, if asked).
        trend=trend(unit, span.last, max(TREND_MONTHS, len(span.months))),
        target_map=cells,
        target_map_names=names,
        staff=_staff(unit, span),
    )
