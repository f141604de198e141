"""Complaint figures for any period, trust-wide or by directorate or service, in SQL.

These are the functions the scheduled metrics call; the figures page shows them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from fractions import Fraction

from sqlalchemy import and_, case, func, literal, select

from feedback.complaints.models import (
    CaseKind,
    CategoryList,
    Complaint,
    Compliment,
    Ko41aCategory,
    Outcome,
    complaint_category,
)
from feedback.extensions import db
from feedback.organisation.models import Service

TRUST, DIRECTORATE, SERVICE = "trust", "directorate", "service"


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive
    label: str

    def a_year_earlier(self) -> Period:
        return Period(
            _years_back(self.start), _years_back(self.end), f"{self.label}, a year earlier"
        )


def _years_back(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return Period(start, end, start.strftime("%B %Y"))


def quarter_period(year: int, quarter: int) -> Period:
    """Financial quarters: Q1 is April to June of `year`."""
    first_month = 4 + 3 * (quarter - 1)
    start_year = year + (first_month - 1) // 12
    start = date(start_year, (first_month - 1) % 12 + 1, 1)
    end = month_period(*_add_months(start, 2)).end
    return Period(start, end, f"Q{quarter} {year}/{str(year + 1)[2:]}")


def _add_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def financial_year(year: int) -> Period:
    return Period(date(year, 4, 1), date(year + 1, 3, 31), f"{year}/{str(year + 1)[2:]}")


def percent(part: int, whole: int) -> int | None:
    """Whole per cent, halves up, from exact integers; None when there is nothing to count."""
    if not whole:
        return None
    value = Fraction(part * 100, whole)
    return int(value + Fraction(1, 2))


@dataclass
class ComplaintFigures:
    received: int = 0
    pals_received: int = 0
    acknowledged_in_time: int = 0
    responded: int = 0
    responded_on_time: int = 0
    median_working_days: float | None = None
    clinical: int = 0
    clinical_a_year_earlier: int = 0
    outcomes: dict[Outcome, int] = field(default_factory=dict)
    compliments: int = 0

    @property
    def percent_acknowledged_in_time(self) -> int | None:
        return percent(self.acknowledged_in_time, self.received)

    @property
    def percent_on_time(self) -> int | None:
        return percent(self.responded_on_time, self.responded)

    @property
    def clinical_change(self) -> int | None:
        """Per cent change in clinical complaints against the same period a year earlier."""
        if not self.clinical_a_year_earlier:
            return None
        change = Fraction((self.clinical - self.clinical_a_year_earlier) * 100)
        change /= self.clinical_a_year_earlier
        return int(change + Fraction(1, 2)) if change >= 0 else -int(-change + Fraction(1, 2))


def _group_key(by: str):  # type: ignore[no-untyped-def]
    return {
        TRUST: literal(0),
        DIRECTORATE: Service.directorate_id,
        SERVICE: Complaint.service_id,
    }[by]


def _sum(condition) -> object:  # type: ignore[no-untyped-def]
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _received(period: Period, by: str) -> dict[int | None, tuple[int, int, int, int]]:
    key = _group_key(by).label("key")
    query = (
        select(
            key,
            _sum(Complaint.kind == CaseKind.COMPLAINT),
            _sum(Complaint.kind == CaseKind.PALS),
            _sum(
                and_(
                    Complaint.kind == CaseKind.COMPLAINT,
                    Complaint.acknowledged_on <= Complaint.acknowledgement_due,
                )
            ),
            _sum(and_(Complaint.kind == CaseKind.COMPLAINT, Complaint.is_clinical.is_(True))),
        )
        .select_from(Complaint)
        .outerjoin(Service, Service.id == Complaint.service_id)
        .where(Complaint.received_on.between(period.start, period.end))
        .group_by(key)
    )
    return {row[0]: tuple(int(v) for v in row[1:]) for row in db.session.execute(query)}


def _responded(period: Period, by: str) -> dict[int | None, tuple[int, int]]:
    key = _group_key(by).label("key")
    query = (
        select(
            key, func.count(Complaint.id), _sum(Complaint.responded_on <= Complaint.response_due)
        )
        .select_from(Complaint)
        .outerjoin(Service, Service.id == Complaint.service_id)
        .where(
            Complaint.kind == CaseKind.COMPLAINT,
            Complaint.responded_on.between(period.start, period.end),
        )
        .group_by(key)
    )
    return {row[0]: (int(row[1]), int(row[2])) for row in db.session.execute(query)}


def _medians(period: Period, by: str) -> dict[int | None, float]:
    """The median working days to respond per group, with window functions (both databases)."""
    key = _group_key(by)
    ranked = (
        select(
            key.label("key"),
            Complaint.working_days_taken.label("days"),
            func.row_number()
            .over(partition_by=key, order_by=Complaint.working_days_taken)
            .label("position"),
            func.count().over(partition_by=key).label("total"),
        )
        .select_from(Complaint)
        .outerjoin(Service, Service.id == Complaint.service_id)
        .where(
            Complaint.kind == CaseKind.COMPLAINT,
            Complaint.responded_on.between(period.start, period.end),
            Complaint.working_days_taken.is_not(None),
        )
        .subquery()
    )
    middle = ranked.c.position.in_(
        [(ranked.c.total + 1) / 2, (ranked.c.total + 2) / 2]  # integer division in both
    )
    query = select(ranked.c.key, func.avg(ranked.c.days * 1.0)).where(middle).group_by(ranked.c.key)
    return {row[0]: float(row[1]) for row in db.session.execute(query)}


def _outcomes(period: Period, by: str) -> dict[int | None, dict[Outcome, int]]:
    key = _group_key(by).label("key")
    query = (
        select(key, Complaint.outcome, func.count(Complaint.id))
        .select_from(Complaint)
        .outerjoin(Service, Service.id == Complaint.service_id)
        .where(
            Complaint.kind == CaseKind.COMPLAINT,
            Complaint.closed_on.between(period.start, period.end),
            Complaint.outcome.is_not(None),
        )
        .group_by(key, Complaint.outcome)
    )
    result: dict[int | None, dict[Outcome, int]] = {}
    for group, outcome, count in db.session.execute(query):
        result.setdefault(group, {})[outcome] = count
    return result


def _compliments(period: Period, by: str) -> dict[int | None, int]:
    key = {TRUST: literal(0), DIRECTORATE: Service.directorate_id, SERVICE: Compliment.service_id}[
        by
    ].label("key")
    query = (
        select(key, func.count(Compliment.id))
        .select_from(Compliment)
        .join(Service, Service.id == Compliment.service_id)
        .where(Compliment.received_on.between(period.start, period.end))
        .group_by(key)
    )
    return dict(db.session.execute(query).all())  # type: ignore[arg-type]


def compute_complaint_figures(
    period: Period, by: str = TRUST
) -> dict[int | None, ComplaintFigures]:
    """Figures per group (0 for the trust; a directorate or service id; None: not known)."""
    received = _received(period, by)
    earlier = _received(period.a_year_earlier(), by)
    responded = _responded(period, by)
    medians = _medians(period, by)
    outcomes = _outcomes(period, by)
    compliments = _compliments(period, by)
    keys = set(received) | set(responded) | set(outcomes) | set(compliments) | set(earlier)
    figures = {}
    for key in keys:
        complaints, pals, acknowledged, clinical = received.get(key, (0, 0, 0, 0))
        answered, on_time = responded.get(key, (0, 0))
        figures[key] = ComplaintFigures(
            received=complaints,
            pals_received=pals,
            acknowledged_in_time=acknowledged,
            responded=answered,
            responded_on_time=on_time,
            median_working_days=medians.get(key),
            clinical=clinical,
            clinical_a_year_earlier=earlier.get(key, (0, 0, 0, 0))[3],
            outcomes=outcomes.get(key, {}),
            compliments=compliments.get(key, 0),
        )
    if by == TRUST and 0 not in figures:
        figures[0] = ComplaintFigures()
    return figures


# --- KO41a -------------------------------------------------------------------------------


def ko41a_rows(year: int) -> list[tuple[str, str, int]]:
    """The KO41a return for a financial year: (part, item, count) in the national order.

    New complaints are counted once in the total and once against each subject, service area
    and profession they carry; each has exactly one age band and one complainant status.
    """
    period = financial_year(year)
    written = Complaint.kind == CaseKind.COMPLAINT
    new = and_(written, Complaint.received_on.between(period.start, period.end))
    open_at = lambda day: and_(  # noqa: E731
        written,
        Complaint.received_on <= day,
        (Complaint.closed_on.is_(None)) | (Complaint.closed_on > day),
    )
    counts = db.session.execute(
        select(
            _sum(open_at(period.start - timedelta(days=1))),
            _sum(new),
            _sum(and_(written, Complaint.closed_on.between(period.start, period.end))),
            *(
                _sum(
                    and_(
                        written,
                        Complaint.closed_on.between(period.start, period.end),
                        Complaint.outcome == outcome,
                    )
                )
                for outcome in Outcome
            ),
            _sum(open_at(period.end)),
        )
    ).one()
    brought, new_total, resolved, upheld, partly, not_upheld, carried = (int(v) for v in counts)
    rows = [
        ("Summary", "Brought forward", brought),
        ("Summary", "New", new_total),
        ("Summary", "Resolved", resolved),
        ("Summary", "Resolved: upheld", upheld),
        ("Summary", "Resolved: partially upheld", partly),
        ("Summary", "Resolved: not upheld", not_upheld),
        ("Summary", "Carried forward", carried),
    ]
    rows += _single_list(
        "Age band", CategoryList.AGE_BAND, Complaint.age_band_id, new, "Age unknown"
    )
    on_behalf = func.sum(case((Complaint.raised_by_patient.is_(False), 1), else_=0))
    patient, behalf = db.session.execute(
        select(_sum(Complaint.raised_by_patient.is_(True)), func.coalesce(on_behalf, 0)).where(new)
    ).one()
    rows += [
        ("Complainant status", "Patient", int(patient)),
        ("Complainant status", "Someone on behalf of the patient", int(behalf)),
    ]
    parts = {
        CategoryList.SERVICE_AREA: "Service area",
        CategoryList.SUBJECT: "Subject",
        CategoryList.CLINICAL_SUBJECT: "Clinical treatment sub-category",
        CategoryList.PROFESSION: "Profession",
    }
    return rows + _multi_lists(parts, new, new_total)


def _single_list(part: str, which: CategoryList, column, new, unknown: str):  # type: ignore[no-untyped-def]
    counted = dict(
        db.session.execute(
            select(column, func.count(Complaint.id)).where(new).group_by(column)
        ).all()
    )
    rows = []
    for category in db.session.scalars(
        select(Ko41aCategory).where(Ko41aCategory.list == which).order_by(Ko41aCategory.position)
    ):
        count = counted.pop(category.id, 0)
        if category.name == unknown:
            count += counted.pop(None, 0)  # not recorded yet counts as unknown
        rows.append((part, category.name, count))
    if counted.get(None):
        rows.append((part, unknown, counted[None]))
    return rows


def _multi_lists(parts: dict[CategoryList, str], new, new_total: int):  # type: ignore[no-untyped-def]
    """Every multi-valued list in two grouped queries: counts per category, and how many new
    complaints carry at least one category of each list (the rest are not yet coded)."""
    linked = (
        select(complaint_category.c.category_id, complaint_category.c.complaint_id)
        .join(Complaint, Complaint.id == complaint_category.c.complaint_id)
        .where(new)
        .subquery()
    )
    per_category = dict(
        db.session.execute(
            select(linked.c.category_id, func.count()).group_by(linked.c.category_id)
        ).all()
    )
    coded = dict(
        db.session.execute(
            select(Ko41aCategory.list, func.count(func.distinct(linked.c.complaint_id)))
            .join(linked, linked.c.category_id == Ko41aCategory.id)
            .group_by(Ko41aCategory.list)
        ).all()
    )
    categories = db.session.scalars(
        select(Ko41aCategory)
        .where(Ko41aCategory.list.in_(list(parts)))
        .order_by(Ko41aCategory.position)
    ).all()
    rows = []
    for which, part in parts.items():
        rows += [(part, c.name, per_category.get(c.id, 0)) for c in categories if c.list == which]
        if which != CategoryList.CLINICAL_SUBJECT:  # only clinical complaints carry these
            rows.append((part, "Not yet coded (case still open)", new_total - coded.get(which, 0)))
    return rows
