"""The staff survey's pages: the one public link, the results, and the admins' windows.

`/staff-survey/` is the link the trust sends to all staff, whatever the window: while a window
is open it starts the questionnaire (at /forms/staff-pulse/, on the questionnaire engine);
otherwise it says, in the person's language, when the next one opens.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date
from flask_login import current_user

from feedback.auth.access import public, restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.staff_survey import windows
from feedback.staff_survey.comments import window_comments
from feedback.staff_survey.export import TRUST_TABLE, table_csv
from feedback.staff_survey.forms import WindowForm
from feedback.staff_survey.models import StaffSurveyWindow
from feedback.staff_survey.results import DIMENSIONS, list_items, window_results
from feedback.staff_survey.submission import QUESTIONNAIRE_ID
from feedback.staff_survey.suppression import MINIMUM_GROUP

public_bp = public(Blueprint("staff_survey", __name__, url_prefix="/staff-survey"))
results_bp = restricted_to(
    Blueprint("staff_survey_results", __name__, url_prefix="/staff-survey/results"),
    # The People's Council's pages are about patients' experience; NHS England publishes the
    # trust-wide pulse figures anyway. Everyone here sees the same suppressed figures.
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)
admin_bp = restricted_to(
    Blueprint("staff_survey_admin", __name__, url_prefix="/admin/staff-survey"), [Role.ADMIN]
)
PASSED_ON = ("lang", "easy_read")  # kept when the link hands over to the questionnaire


def _long_date(day) -> str:  # type: ignore[no-untyped-def]
    return format_date(day, "d MMMM yyyy")  # in the page's language


# --- The public link ------------------------------------------------------------------------


@public_bp.get("/")
def start() -> ResponseReturnValue:
    today = trust_today()
    if windows.window_on(today) is not None:
        kept = {key: value for key, value in request.args.items() if key in PASSED_ON}
        return redirect(url_for("forms.start", questionnaire_id=QUESTIONNAIRE_ID, **kept))
    upcoming = windows.next_window(today)
    return render_template(
        "staff_survey/closed.html",
        opens=_long_date(upcoming.opens_on) if upcoming else None,
        closes=_long_date(upcoming.closes_on) if upcoming else None,
    )


@public_bp.app_template_global("staff_survey_closes_on")
def closes_on() -> str | None:
    """The open window's last day, in the page's language (the questionnaire's start page)."""
    window = windows.window_on(trust_today())
    return _long_date(window.closes_on) if window else None


# --- Results --------------------------------------------------------------------------------


def _final_window(window_id: int) -> StaffSurveyWindow:
    window = windows.get_window(window_id)
    if window is None or not windows.has_results(window, trust_today()):
        abort(404)
    return window


@results_bp.get("/")
def results() -> ResponseReturnValue:
    today = trust_today()
    final = windows.windows_with_results(today)
    chosen = request.args.get("window", type=int)
    if chosen is not None:
        window: StaffSurveyWindow | None = next((w for w in final if w.id == chosen), None)
        if window is None:
            abort(404)
    else:
        window = final[0] if final else None
    waiting = [w for w in windows.list_windows() if not windows.has_results(w, today)]
    context: dict[str, object] = {
        "final": final,
        "window": window,
        "next_results": min(waiting, key=lambda w: w.opens_on) if waiting else None,
        "results_from": windows.results_from,
        "items": list_items(),
        "minimum": MINIMUM_GROUP,
        "in_full": current_user.role == Role.PX_TEAM,
    }
    if window is not None:
        context["results"] = window_results(window)
        context["comments"] = window_comments(window, in_full=current_user.role == Role.PX_TEAM)
        context["tables"] = [(TRUST_TABLE, "Trust-wide")] + [(d.slug, d.title) for d in DIMENSIONS]
    return render_template("staff_survey/results.html", **context)


@results_bp.get("/<int:window_id>/<slug>.csv")
def export(window_id: int, slug: str) -> ResponseReturnValue:
    window = _final_window(window_id)
    body = table_csv(window_results(window), slug)
    if body is None:
        abort(404)
    name = "".join(ch if ch.isalnum() else "-" for ch in window.name).strip("-").lower()
    return Response(
        body,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="staff-pulse-{name}-{slug}.csv"'},
    )


# --- Admins: the windows --------------------------------------------------------------------


@admin_bp.get("/")
def list_windows() -> ResponseReturnValue:
    today = trust_today()
    return render_template(
        "staff_survey/windows.html",
        windows=windows.list_windows(),
        counts=windows.response_counts(),
        status=lambda w: windows.window_status(w, today),
        results_after=windows.RESULTS_AFTER_DAYS,
    )


def _save(form: WindowForm, window: StaffSurveyWindow | None) -> bool:
    try:
        saved = windows.save_window(
            form.opens_on.data,
            form.closes_on.data,
            trust_today(),
            name=form.name.data,
            window=window,
        )
    except windows.WindowError as error:
        for field, message in error.problems.items():
            getattr(form, field).errors.append(message)
        return False
    db.session.commit()
    flash(
        f"Saved {saved.name}: {windows.day_words(saved.opens_on)} to "
        f"{windows.day_words(saved.closes_on)}"
    )
    return True


@admin_bp.route("/new", methods=["GET", "POST"])
def new_window() -> ResponseReturnValue:
    form = WindowForm()
    if form.validate_on_submit() and _save(form, None):
        return redirect(url_for(".list_windows"))
    return render_template("staff_survey/window-form.html", form=form, window=None)


@admin_bp.route("/<int:window_id>", methods=["GET", "POST"])
def edit_window(window_id: int) -> ResponseReturnValue:
    window = windows.get_window(window_id)
    if window is None:
        abort(404)
    form = WindowForm(obj=window)
    if form.validate_on_submit() and _save(form, window):
        return redirect(url_for(".list_windows"))
    return render_template(
        "staff_survey/window-form.html",
        form=form,
        window=window,
        status=windows.window_status(window, trust_today()),
        responses=windows.response_counts().get(window.id, 0),
    )
