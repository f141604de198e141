"""The patient experience team publishes local surveys and prints their links and posters."""

from __future__ import annotations

from typing import Any

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.local_surveys import services
from feedback.local_surveys.definitions import MAX_FILE_BYTES, RefusedError
from feedback.local_surveys.forms import PublishForm
from feedback.local_surveys.models import KIND_LABELS, LocalQuestionnaire
from feedback.local_surveys.publishing import (
    MAX_FILES,
    list_refusals,
    publish_files,
    questionnaire_folder,
    scan_questionnaire_folder,
)
from feedback.organisation.services import get_open_location, list_locations
from feedback.surveys.schema import load_questionnaire

bp = restricted_to(
    Blueprint("local_surveys", __name__, url_prefix="/local-surveys"), [Role.ADMIN, Role.PX_TEAM]
)
CHANGES = {
    "new": "Published {id}, version {version}.",
    "new_version": "Published version {version} of {id}. Earlier answers keep their wording.",
    "dates": "The dates of {id} version {version} are updated. The wording is unchanged.",
    "unchanged": "{id} version {version} is already published with exactly these files.",
}


@bp.url_value_preprocessor
def _limit_the_upload(endpoint: str | None, _values: dict[str, Any] | None) -> None:
    # Runs before CSRF reads the form (a before_request hook): an upload larger than the
    # files it may hold is refused before it is read into memory.
    if endpoint == "local_surveys.publish":
        request.max_content_length = MAX_FILES * MAX_FILE_BYTES + 100_000


@bp.get("/")
def overview() -> ResponseReturnValue:
    questionnaires = services.list_local_questionnaires()
    ids = [engine_id for q in questionnaires for engine_id in services.engine_ids(q)]
    return render_template(
        "local_surveys/overview.html",
        questionnaires=questionnaires,
        counts=services.count_responses_by_version(ids),
        engine_ids=services.engine_ids,
        kind_labels=KIND_LABELS,
        refusals=list_refusals(),
        folder=questionnaire_folder(),
    )


@bp.route("/publish", methods=["GET", "POST"])
def publish() -> ResponseReturnValue:
    form = PublishForm()
    if form.validate_on_submit():
        files = {file.filename or "": file.read() for file in form.files.data if file}
        try:
            published = publish_files(files, "upload", current_user.id)
            db.session.commit()
        except RefusedError as error:
            db.session.rollback()
            form.files.errors.append(str(error))
        else:
            flash(
                CHANGES[published.change].format(
                    id=published.questionnaire_id, version=published.version
                )
            )
            return redirect(url_for(".show", local_id=published.questionnaire_id))
    return render_template("local_surveys/publish.html", form=form)


@bp.post("/rescan")
def rescan() -> ResponseReturnValue:
    written = scan_questionnaire_folder()
    db.session.commit()
    refused = len(list_refusals())
    flash(f"Looked in {questionnaire_folder()}: {written} published or updated, {refused} refused.")
    return redirect(url_for(".overview"))


def _questionnaire_or_404(local_id: str) -> LocalQuestionnaire:
    questionnaire = services.get_local_questionnaire(local_id)
    if questionnaire is None:
        abort(404)
    return questionnaire


def _public_url(endpoint: str, **values: str) -> str:
    base = current_app.config["PUBLIC_BASE_URL"]
    if base:
        return f"{base.rstrip('/')}{url_for(endpoint, **values)}"
    return url_for(endpoint, _external=True, **values)


def survey_link(engine_id: str, location_code: str | None) -> str:
    if location_code is None:
        return _public_url("forms.start", questionnaire_id=engine_id)
    return _public_url("survey.start", questionnaire_id=engine_id, location_code=location_code)


@bp.get("/<local_id>")
def show(local_id: str) -> ResponseReturnValue:
    questionnaire = _questionnaire_or_404(local_id)
    ids = services.engine_ids(questionnaire)
    first = load_questionnaire(ids[0])
    return render_template(
        "local_surveys/questionnaire.html",
        questionnaire=questionnaire,
        current=first,
        engine_ids=ids,
        counts=services.count_responses_by_version(ids),
        kind_labels=KIND_LABELS,
        locations=list_locations(current_user, include_retired=False)
        if first.needs_location
        else [],
        survey_link=survey_link,
    )


@bp.get("/<local_id>/versions/<int:version>/questionnaire.toml")
def definition_text(local_id: str, version: int) -> ResponseReturnValue:
    stored = services.get_version(local_id, version)
    if stored is None:
        abort(404)
    return Response(
        stored.definition,
        mimetype="application/toml",
        headers={"Content-Disposition": f'attachment; filename="{local_id}-v{version}.toml"'},
    )


@bp.get("/<local_id>/poster")
def poster(local_id: str) -> ResponseReturnValue:
    questionnaire = _questionnaire_or_404(local_id)
    ids = services.engine_ids(questionnaire)
    engine_id = request.args.get("run", ids[0])
    if engine_id not in ids:
        abort(404)
    current = load_questionnaire(engine_id)
    location = None
    if current.needs_location:
        location = get_open_location(request.args.get("location", ""))
        if location is None:
            abort(404)
    link = survey_link(engine_id, location.code if location else None)
    return render_template(
        "local_surveys/poster.html",
        questionnaire=current,
        location=location,
        link=link,
        qr_svg=segno.make(link, error="m").svg_inline(scale=8, title=None),
        local_id=local_id,
    )
