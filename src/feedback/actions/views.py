"""The action tracker's pages for the patient experience team, and ward posters."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.actions import services
from feedback.actions.forms import TRUST_WIDE, ActionForm, filter_from_args
from feedback.actions.models import ACTION_STATUS_LABELS, Action, ActionStatus
from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.services import (
    get_open_location,
    list_locations,
    list_services,
    user_may_see_location,
    visible_service_ids,
)
from feedback.targets.services import list_targets
from feedback.themes.services import themes_by_group

bp = restricted_to(
    Blueprint("actions", __name__, url_prefix="/actions"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)

STATUS_TAGS = {
    ActionStatus.PLANNED: "nhsuk-tag--grey",
    ActionStatus.IN_PROGRESS: "nhsuk-tag--blue",
    ActionStatus.DONE: "nhsuk-tag--green",
    ActionStatus.NOT_GOING_AHEAD: "nhsuk-tag--orange",
}


@bp.context_processor
def _labels() -> dict[str, object]:
    return {"status_labels": ACTION_STATUS_LABELS, "status_tags": STATUS_TAGS}


def _editors_only() -> None:
    if not services.user_may_change_actions(current_user):
        abort(403)


def _action_or_404(action_id: int) -> Action:
    action = services.get_action(action_id)
    if action is None or not services.user_may_see_action(current_user, action):
        abort(404)
    return action


@bp.get("/")
def list_actions() -> ResponseReturnValue:
    filters = filter_from_args(request.args)
    allowed = visible_service_ids(current_user)
    return render_template(
        "actions/list.html",
        actions=services.list_actions(filters, current_user),
        counts=services.status_counts(allowed),
        service_list=[s for s in list_services() if allowed is None or s.id in allowed],
        themes_by_group=themes_by_group(),
        poster_locations=list_locations(current_user, include_retired=False),
        may_change=services.user_may_change_actions(current_user),
        trust_wide=TRUST_WIDE,
        args=request.args,
    )


def _form_page(form: ActionForm, action: Action | None) -> str:
    chosen = form.chosen_theme_ids
    groups = {
        group: [t for t in themes if t.is_active or t.id in chosen]
        for group, themes in themes_by_group(active_only=False).items()
    }
    form.set_choices(
        services=[(s.id, s.name + (" (retired)" if s.is_retired else "")) for s in list_services()],
        locations=[
            (loc.id, loc.name + (" (retired)" if loc.is_retired else ""))
            for loc in list_locations()
        ],
        targets=[(t.id, t.name) for t in list_targets()],
        theme_ids=[t.id for themes in groups.values() for t in themes],
    )
    return render_template(
        "actions/action.html",
        action=action,
        form=form,
        groups={group: themes for group, themes in groups.items() if themes},
        chosen=chosen,
        may_change=True,
        wording=services.poster_wording(action) if action else None,
    )


def _save(form: ActionForm, action: Action | None) -> ResponseReturnValue | None:
    """Check and save a posted form; None when it has errors to show."""
    today = trust_today()
    form_ok = form.validate()
    data = form.action_input()
    if not form_ok:
        form.add_errors(services.check_action(data, today))
        return None
    try:
        if action is None:
            action = services.create_action(data, by=current_user, today=today)
        else:
            services.update_action(action, data, by=current_user, today=today)
    except services.ActionError as error:
        db.session.rollback()
        form.add_errors(error.errors)
        return None
    db.session.commit()
    flash("Action saved")
    return redirect(url_for(".show_action", action_id=action.id))


@bp.route("/new", methods=["GET", "POST"])
def new_action() -> ResponseReturnValue:
    _editors_only()
    form = ActionForm()
    if form.is_submitted() and (saved := _save(form, None)) is not None:
        return saved
    if not form.is_submitted():
        form.status.data = ActionStatus.PLANNED.value
    return _form_page(form, None)


@bp.route("/<int:action_id>", methods=["GET", "POST"])
def show_action(action_id: int) -> ResponseReturnValue:
    if request.method == "POST":
        _editors_only()
    action = _action_or_404(action_id)
    if not services.user_may_change_actions(current_user):
        return render_template(
            "actions/action.html",
            action=action,
            form=None,
            may_change=False,
            wording=services.poster_wording(action),
        )
    form = ActionForm()
    if form.is_submitted():
        if (saved := _save(form, action)) is not None:
            return saved
        action = _action_or_404(action_id)  # as stored: a refused change is not shown as saved
    else:
        form.fill_from(services.input_from(action))
    return _form_page(form, action)


@bp.get("/posters/<location_code>")
def poster(location_code: str) -> ResponseReturnValue:
    location = get_open_location(location_code)
    if location is None or not user_may_see_location(current_user, location):
        abort(404)
    return render_template(
        "actions/poster.html",
        location=location,
        items=services.actions_for_poster(location, trust_today()),
    )
