"""The staff dashboard: trust -> directorate -> service -> ward or team, for a chosen period."""

from __future__ import annotations

from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.actions.models import ACTION_STATUS_LABELS
from feedback.actions.services import actions_for_units, status_counts
from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.dashboard import page_tables, warnings
from feedback.dashboard.overview import UnitOverview, build_overview
from feedback.dashboard.periods import (
    COMPARISONS,
    Span,
    add_months,
    comparison_for,
    financial_year_of,
    latest_complete_month,
    months_between,
    quarter_of,
    span_from_args,
)
from feedback.dashboard.spc_charts import spc_chart
from feedback.dashboard.tables import Table, to_csv, to_xlsx
from feedback.dashboard.units import Unit, find_unit, may_see, own_services
from feedback.db import trust_today
from feedback.metrics.summaries import fft_month_range
from feedback.targets.models import RAG_LABELS, RAG_TAGS

bp = restricted_to(
    Blueprint("dashboard", __name__, url_prefix="/dashboard"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _unit_or_404(level: str, unit_id: int | None, span: Span) -> Unit:
    unit = find_unit(level, unit_id, span.last)
    if unit is None:
        abort(404)
    if not may_see(current_user, unit):
        # Trust and directorate pages are refused; another service's pages do not exist.
        abort(403 if unit.level in ("trust", "directorate") else 404)
    return unit


def _picker() -> dict[str, object]:
    """Choices for the period picker: every month the summaries hold, newest first."""
    today = trust_today()
    found = fft_month_range()
    last = latest_complete_month(today)
    first = found[0] if found else add_months(last, -11)
    months = [add_months(last, -n) for n in range(months_between(first, last))]
    quarters = list(dict.fromkeys(quarter_of(m) for m in months))
    years = list(dict.fromkeys(financial_year_of(m) for m in months))
    return {"months": months, "quarters": quarters, "years": years, "comparisons": COMPARISONS}


def _span_and_comparison() -> tuple[Span, Span | None]:
    span = span_from_args(request.args, trust_today())
    return span, comparison_for(span, request.args.get("compare"))


def unit_url(unit: Unit, endpoint: str = "dashboard.unit", **extra: str) -> str:
    args = {k: v for k, v in request.args.items() if k in _KEPT_ARGS}
    args.update(extra)
    if unit.level == "trust" and endpoint == "dashboard.unit":
        return url_for("dashboard.trust", **args)
    return url_for(endpoint, level=unit.level, unit_id=unit.id, **args)


_KEPT_ARGS = ("period", "month", "quarter", "year", "from", "to", "compare")


def comments_url(unit: Unit, span: Span, extra: dict[str, object]) -> str:
    """The team's comment list filtered to this unit, period and (say) theme or sentiment."""
    where: dict[str, object] = {} if unit.level == "trust" else {unit.level: unit.id}
    months = {"from": span.first.strftime("%Y-%m"), "to": span.last.strftime("%Y-%m")}
    return url_for("themes.list_comments", **where, **extra, **months)


@bp.app_context_processor
def _helpers() -> dict[str, object]:
    return {"dashboard_url": unit_url}


@bp.context_processor
def _labels() -> dict[str, object]:
    return {"rag_labels": RAG_LABELS, "rag_tags": RAG_TAGS}


@bp.get("/")
def home() -> ResponseReturnValue:
    if current_user.sees_every_service:
        return redirect(url_for("dashboard.trust", **request.args))
    services = own_services(current_user)
    if len(services) == 1:
        return redirect(unit_url(services[0]))
    return render_template("dashboard/own-services.html", services=services)


def _spc_tables(unit: Unit) -> dict[str, Table]:
    tables = {}
    for entry in warnings.series_for(unit.level, unit.id):
        chart = spc_chart(entry)
        if chart is not None:
            tables[chart.table.slug] = chart.table
    return tables


def _unit_services(page: UnitOverview) -> set[int] | None:
    """The services whose actions belong on this page (None: the whole trust's)."""
    if page.unit.level == "trust":
        return None
    if page.unit.level == "directorate":
        return {row.unit.id for row in page.children}
    return {page.unit.service_id} if page.unit.service_id else set()


def _render(unit: Unit, span: Span, comparison: Span | None) -> ResponseReturnValue:
    page = build_overview(unit, span, comparison)
    services = _unit_services(page)
    year_before = add_months(span.last, -11)
    charts = [page_tables.positive_chart(page), page_tables.rate_chart(page)]
    if page.themes:
        charts.append(page_tables.themes_chart(page))
    return render_template(
        "dashboard/unit.html",
        page=page,
        charts=charts,
        target_map=page_tables.target_map_chart(page),
        staff_chart=page_tables.staff_chart(page),
        tables=page_tables.all_tables(page),
        early_warnings=warnings.open_warnings_for(unit.level, unit.id),
        spc=warnings.series_for(unit.level, unit.id),
        spc_chart=spc_chart,
        variation_words=warnings.VARIATION_WORDS,
        assurance_words=warnings.ASSURANCE_WORDS,
        shows_comments=current_user.role in (Role.ADMIN, Role.PX_TEAM),
        actions=actions_for_units(services, since=year_before, limit=6),
        action_counts=status_counts(services, since=year_before),
        action_labels=ACTION_STATUS_LABELS,
        export_url=lambda name, kind: unit_url(unit, "dashboard.export", name=name, kind=kind),
        comments_url=lambda extra: comments_url(unit, span, extra),
        history_start=(fft_month_range() or (None,))[0],
        **_picker(),
    )


@bp.get("/trust")
def trust() -> ResponseReturnValue:
    span, comparison = _span_and_comparison()
    return _render(_unit_or_404("trust", None, span), span, comparison)


@bp.get("/<any(directorate, service, location):level>/<int:unit_id>")
def unit(level: str, unit_id: int) -> ResponseReturnValue:
    span, comparison = _span_and_comparison()
    return _render(_unit_or_404(level, unit_id, span), span, comparison)


@bp.get(
    "/<any(trust, directorate, service, location):level>/<int:unit_id>/<name>.<any(csv, xlsx):kind>"
)
def export(level: str, unit_id: int, name: str, kind: str) -> ResponseReturnValue:
    span, comparison = _span_and_comparison()
    unit = _unit_or_404(level, unit_id, span)
    if name.startswith("spc-"):  # a process control table needs none of the page's figures
        table = _spc_tables(unit).get(name)
    else:
        table = page_tables.all_tables(build_overview(unit, span, comparison)).get(name)
    if table is None:
        abort(404)
    filename = f"{unit.name}-{table.slug}-{span.label}".replace(" ", "-").replace("/", "-")
    filename = "".join(ch for ch in filename if ch.isalnum() or ch in "-_()")
    if kind == "csv":
        body: str | bytes = to_csv(table)
        mimetype = "text/csv"
    else:
        body = to_xlsx(table, f"{unit.name}, {span.label}")
        mimetype = XLSX
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}.{kind}"'},
    )
