"""The complaints figures page and the KO41a return (CSV)."""

from __future__ import annotations

import csv
import io
from datetime import date

from flask import Blueprint, Response, abort, render_template, request
from flask.typing import ResponseReturnValue

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.complaints.figures import (
    DIRECTORATE,
    SERVICE,
    TRUST,
    Period,
    compute_complaint_figures,
    financial_year,
    ko41a_rows,
    month_period,
    quarter_period,
)
from feedback.complaints.models import OUTCOME_LABELS
from feedback.complaints.satisfaction import satisfaction_counts
from feedback.complaints.views import today
from feedback.organisation.services import list_directorates, list_services
from feedback.web.spreadsheet import spreadsheet_row

bp = restricted_to(
    Blueprint("complaint_figures", __name__, url_prefix="/complaints/figures"),
    [Role.ADMIN, Role.PX_TEAM],
)


def _financial_year_of(day: date) -> int:
    return day.year if day.month >= 4 else day.year - 1


def _period() -> Period:
    kind = request.args.get("period", "year")
    now = today()
    try:
        if kind == "month":
            year, month = (int(p) for p in request.args.get("month", f"{now:%Y-%m}").split("-"))
            return month_period(year, month)
        if kind == "quarter":
            year = int(request.args.get("year", _financial_year_of(now)))
            return quarter_period(year, int(request.args.get("quarter", 1)))
        return financial_year(int(request.args.get("year", _financial_year_of(now))))
    except ValueError:
        abort(404)


@bp.get("/")
def figures() -> ResponseReturnValue:
    period = _period()
    now = today()
    years = list(range(_financial_year_of(now), _financial_year_of(now) - 6, -1))
    return render_template(
        "complaints/figures.html",
        period=period,
        trust=compute_complaint_figures(period, TRUST)[0],
        by_directorate=compute_complaint_figures(period, DIRECTORATE),
        by_service=compute_complaint_figures(period, SERVICE),
        directorates=list_directorates(),
        services=list_services(),
        outcome_labels=OUTCOME_LABELS,
        years=years,
        this_month=f"{now:%Y-%m}",
        satisfaction=satisfaction_counts(period.start, period.end),
    )


@bp.get("/ko41a.csv")
def ko41a() -> ResponseReturnValue:
    year = request.args.get("year", type=int)
    if year is None or not 2000 <= year <= 2100:
        abort(404)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["financial_year", "part", "item", "count"])
    label = financial_year(year).label
    # Admins name the categories (an item), so one could start like a formula.
    writer.writerows(
        spreadsheet_row([label, part, item, count]) for part, item, count in ko41a_rows(year)
    )
    return Response(
        out.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=ko41a-{year}.csv"},
    )
