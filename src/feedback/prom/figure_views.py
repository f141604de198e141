"""The PROM figures: offered, accepted, completed, completion rate and the three standards,
by ward or service and by month, from the summary table. Managers see their own services,
with small numbers hidden; the same table downloads as CSV."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import Blueprint, Response, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.organisation.services import list_locations, visible_service_ids
from feedback.prom.figures import COUNTS, HIDDEN_TEXT, PERCENTS, FigureTables, figure_tables, to_csv
from feedback.prom.summary import prom_by_month, prom_totals
from feedback.web import parse_month

bp = restricted_to(
    Blueprint("prom_figures", __name__, url_prefix="/prom/figures"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


def _add_months(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Choice:
    first: date
    last: date
    by: str  # "ward" or "service"


def _choice() -> Choice:
    this_month = trust_today().replace(day=1)
    last = parse_month(request.args.get("to")) or this_month
    first = parse_month(request.args.get("from")) or _add_months(last, -11)
    if first > last:
        first, last = last, first
    by = "service" if request.args.get("by") == "service" else "ward"
    return Choice(first, last, by)


def _tables(choice: Choice) -> FigureTables:
    allowed = visible_service_ids(current_user)
    locations = list_locations(current_user)
    suppress = allowed is not None
    ward_figures = prom_totals(
        "location", [loc.id for loc in locations] if suppress else None, choice.first, choice.last
    )
    services = {loc.service_id: loc.service for loc in locations}
    ward_service = {loc.id: loc.service_id for loc in locations}
    if choice.by == "service":
        service_figures = prom_totals("service", list(services), choice.first, choice.last)
        shown = sorted(
            (sid for sid in service_figures if sid in services), key=lambda s: services[s].name
        )
        units = [(services[sid].name, service_figures[sid]) for sid in shown]
        # Each service's wards: a service total must not give away a hidden ward.
        children = [
            [figures for loc_id, figures in ward_figures.items() if ward_service[loc_id] == sid]
            for sid in shown
        ]
    else:
        units = [(loc.name, ward_figures[loc.id]) for loc in locations if loc.id in ward_figures]
        children = None
    months = (
        prom_by_month("trust", None, choice.first, choice.last)
        if not suppress
        else prom_by_month("service", list(services), choice.first, choice.last)
    )
    return figure_tables(units, months, suppress, children)


@bp.get("/")
def figures() -> ResponseReturnValue:
    choice = _choice()
    return render_template(
        "prom/figures.html",
        choice=choice,
        tables=_tables(choice),
        counts=COUNTS,
        percents=PERCENTS,
        hidden_text=HIDDEN_TEXT,
        suppressed=visible_service_ids(current_user) is not None,
        months=[_add_months(trust_today().replace(day=1), -n) for n in range(0, 36)],
    )


@bp.get("/export.csv")
def export() -> ResponseReturnValue:
    choice = _choice()
    tables = _tables(choice)
    heading = "Service" if choice.by == "service" else "Ward or team"
    name = f"care-plan-prom-{choice.by}-{choice.first:%Y-%m}-to-{choice.last:%Y-%m}.csv"
    return Response(
        to_csv(heading, [*tables.units, tables.total]),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={name}"},
    )
