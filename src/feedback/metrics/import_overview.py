"""What the imports page shows of the stored series, and sample files to fill in."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date

from sqlalchemy import Row, and_, func, or_, select

from feedback.extensions import db
from feedback.metrics.imports import SPECS, ImportKind, months_back
from feedback.metrics.models import EligibleCount
from feedback.organisation.models import Location


def stored_series() -> dict[ImportKind, Row[tuple[int, date | None]]]:
    """How many monthly rows each series holds (`rows`) and the latest month among them."""
    return {
        kind: db.session.execute(
            select(
                func.count(spec.model.id).label("rows"),
                func.max(spec.model.month).label("latest_month"),
            )
        ).one()
        for kind, spec in SPECS.items()
    }


def list_eligible_overview(today: date) -> Sequence[Row]:
    """Each location in use (or with counts) and its eligible counts in the last 12 months:
    code, name, months (with a count), latest_month and total."""
    last = today.replace(day=1)
    first = months_back(last, 11)
    counted = and_(
        EligibleCount.location_id == Location.id, EligibleCount.month.between(first, last)
    )
    query = (
        select(
            Location.code,
            Location.name,
            func.count(EligibleCount.id).label("months"),
            func.max(EligibleCount.month).label("latest_month"),
            func.sum(EligibleCount.eligible).label("total"),
        )
        .outerjoin(EligibleCount, counted)
        .where(or_(Location.retired_at.is_(None), EligibleCount.id.is_not(None)))
        .group_by(Location.id, Location.code, Location.name)
        .order_by(Location.code)
    )
    return db.session.execute(query).all()


def sample_csv(kind: ImportKind, today: date) -> str:
    """A small file in the right shape, with real location codes, to fill in."""
    spec = SPECS[kind]
    codes = db.session.scalars(
        select(Location.code).where(Location.retired_at.is_(None)).order_by(Location.code).limit(3)
    ).all() or ["WARD-CODE"]
    month = (
        months_back(today.replace(day=1), 1) if kind is ImportKind.ELIGIBLE else date(2020, 3, 1)
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(spec.columns)
    for number, code in enumerate(codes):
        counts = [120 + number * 15] if kind is ImportKind.ELIGIBLE else [20, 8, 2, 1, 1, 0]
        writer.writerow([code, month.strftime("%Y-%m"), *counts])
    return out.getvalue()
