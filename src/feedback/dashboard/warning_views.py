"""The patient experience team's list of early warnings, and acknowledging one with a note."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.dashboard import warnings
from feedback.dashboard.forms import AcknowledgeWarningForm
from feedback.dashboard.spc_charts import spc_chart
from feedback.dashboard.units import LEVEL_WORDS, find_unit, unit_names
from feedback.extensions import db

bp = restricted_to(
    Blueprint("dashboard_warnings", __name__, url_prefix="/dashboard/warnings"),
    [Role.ADMIN, Role.PX_TEAM],
)


def _names(items) -> dict[tuple[str, int], str]:  # type: ignore[no-untyped-def]
    levels = {w.level for w in items}
    names = {level: unit_names(level) for level in levels}
    return {(w.level, w.unit_id): names[w.level].get(w.unit_id, "Unknown") for w in items}


@bp.get("/")
def list_warnings() -> ResponseReturnValue:
    open_items = warnings.open_warnings()
    done = warnings.acknowledged_warnings()
    return render_template(
        "dashboard/warnings.html",
        open_items=open_items,
        done=done,
        names=_names([*open_items, *done]),
        level_words=LEVEL_WORDS,
    )


@bp.route("/<int:warning_id>", methods=["GET", "POST"])
def show_warning(warning_id: int) -> ResponseReturnValue:
    warning = warnings.get_warning(warning_id) or abort(404)
    form = AcknowledgeWarningForm()
    if warning.acknowledged_at is None and form.validate_on_submit():
        warnings.acknowledge(warning, form.note.data, current_user)
        db.session.commit()
        flash("Warning acknowledged")
        return redirect(url_for(".list_warnings"))
    unit = find_unit(warning.level, warning.unit_id, warning.month)
    series = warnings.series_for(warning.level, warning.unit_id)
    return render_template(
        "dashboard/warning.html",
        warning=warning,
        unit=unit,
        form=form,
        chart=next((spc_chart(s) for s in series if s.measure == warning.measure), None),
        level_words=LEVEL_WORDS,
    ), (400 if form.errors else 200)
