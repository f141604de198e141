"""What the patient experience team and service managers see of responses, and paper entry."""

from __future__ import annotations

import secrets

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.organisation.services import get_location, list_locations, user_may_see_location
from feedback.surveys import services
from feedback.surveys.forms import paper_form_class
from feedback.surveys.models import MODE_LABELS, ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.web import parse_month

bp = restricted_to(
    Blueprint("responses", __name__, url_prefix="/responses"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


def _rating_labels() -> dict[str, str]:
    rating = next(q for q in load_questionnaire("fft").questions if q.records == "fft_rating")
    return {option.value: option.label.value for option in rating.options}


def _visible_location_ids() -> list[int]:
    return [location.id for location in list_locations(current_user)]


@bp.get("/")
def list_months() -> ResponseReturnValue:
    location_ids = None if current_user.sees_every_service else _visible_location_ids()
    months = services.list_months(location_ids)
    month = parse_month(request.args.get("month")) or (months[0] if months else None)
    scores = services.summarise_fft_by_location(month, location_ids) if month else {}
    locations = [loc for loc in list_locations(current_user) if loc.id in scores]
    return render_template(
        "responses/months.html", months=months, month=month, scores=scores, locations=locations
    )


@bp.get("/<code>/<month_text>")
def location_month(code: str, month_text: str) -> ResponseReturnValue:
    location = get_location(code)
    month = parse_month(month_text)
    if location is None or month is None or not user_may_see_location(current_user, location):
        abort(404)
    return render_template(
        "responses/location-month.html",
        location=location,
        month=month,
        summary=services.summarise_fft(location.id, month),
        responses=services.list_responses(location.id, month),
        rating_labels=_rating_labels(),
        mode_labels=MODE_LABELS,
        modes=list(ResponseMode),
    )


@bp.get("/view/<int:response_id>")
def show_response(response_id: int) -> ResponseReturnValue:
    response = services.get_response(response_id)
    # A trust-wide local survey's response belongs to no ward: its results page shows it.
    if (
        response is None
        or response.location is None
        or not user_may_see_location(current_user, response.location)
    ):
        abort(404)
    # The wording it was given under (a built-in file holds only its current version).
    questionnaire = load_questionnaire(
        response.questionnaire, version=response.questionnaire_version
    )
    return render_template(
        "responses/response.html",
        response=response,
        questionnaire=questionnaire,
        rating_labels=_rating_labels(),
        mode_labels=MODE_LABELS,
    )


@bp.route("/paper/new", methods=["GET", "POST"])
def enter_paper() -> ResponseReturnValue:
    questionnaire = load_questionnaire("fft")
    form = paper_form_class(questionnaire, current_app.config["FREE_TEXT_MAX_CHARACTERS"])()
    locations = list_locations(current_user, include_retired=False)
    form.location_id.choices = [
        SelectChoice(loc.id, f"{loc.name} ({loc.service.name})") for loc in locations
    ]
    if request.method == "GET":
        form.entry_key.data = secrets.token_urlsafe(24)
    if form.validate_on_submit():
        answers = {q.id: form[f"q_{q.id}"].data for q in questionnaire.questions}
        try:
            services.create_response(
                questionnaire=questionnaire,
                answers=services.answers_with_gates_opened(questionnaire, answers),
                location_id=form.location_id.data,
                mode=ResponseMode(form.mode.data),
                idempotency_key=f"paper-{form.entry_key.data}",
                entered_by_id=current_user.id,
            )
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # the same card sent twice: it is already recorded
        flash("Paper form saved. You can enter the next one.")
        return redirect(
            url_for(".enter_paper", location=form.location_id.data, mode=form.mode.data)
        )
    if request.method == "GET":
        form.location_id.data = request.args.get("location", type=int)
        form.mode.data = request.args.get("mode")
    return render_template("responses/paper.html", form=form, questionnaire=questionnaire)
