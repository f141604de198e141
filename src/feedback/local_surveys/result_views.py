"""Results of any questionnaire kept as survey responses, by version, with CSV exports.

Free text is shown to the patient experience team as written; everyone else sees it with
personal details removed (the themes redaction). A service manager sees only the answers
given about their own services' wards and teams.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.local_surveys import services
from feedback.local_surveys.exports import HIDDEN_WORDS, counts_csv, texts_csv
from feedback.local_surveys.models import Stage
from feedback.local_surveys.results import compute_results, count_linked_pairs, list_results
from feedback.metrics.suppression import MINIMUM_SHOWN
from feedback.organisation.services import visible_service_ids
from feedback.surveys.schema import Questionnaire, SchemaError, is_builtin, load_questionnaire
from feedback.themes.services import shareable_text

bp = restricted_to(
    Blueprint("local_results", __name__, url_prefix="/results"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


def _shown_text() -> Callable[[str], str]:
    return (lambda text: text) if current_user.role == Role.PX_TEAM else shareable_text


def _version_or_404(questionnaire_id: str, version: int) -> Questionnaire:
    try:
        questionnaire = load_questionnaire(questionnaire_id, version=version)
    except SchemaError:
        abort(404)
    # A built-in file holds only its current wording: older versions have nothing to show.
    if questionnaire.version != version:
        abort(404)
    return questionnaire


@bp.get("/")
def index() -> ResponseReturnValue:
    entries = list_results(visible_service_ids(current_user))
    titles = {}
    for entry in entries:
        try:
            titles[entry.questionnaire_id] = load_questionnaire(entry.questionnaire_id).title.value
        except SchemaError:
            titles[entry.questionnaire_id] = entry.questionnaire_id
    return render_template(
        "local_surveys/results-index.html", entries=entries, titles=titles, minimum=MINIMUM_SHOWN
    )


@bp.get("/<questionnaire_id>/v<int:version>")
def show(questionnaire_id: str, version: int) -> ResponseReturnValue:
    questionnaire = _version_or_404(questionnaire_id, version)
    results = compute_results(questionnaire, visible_service_ids(current_user))
    wanted = services.run_as(questionnaire_id)
    linked = None
    if wanted.stage == Stage.AFTER and not is_builtin(questionnaire_id):
        linked = count_linked_pairs(wanted.local_id, version)
    return render_template(
        "local_surveys/results.html",
        results=results,
        questionnaire=questionnaire,
        hidden_words=HIDDEN_WORDS,
        shown_text=_shown_text(),
        redacted=current_user.role != Role.PX_TEAM,
        linked=linked,
        minimum=MINIMUM_SHOWN,
        local_id=None if is_builtin(questionnaire_id) else wanted.local_id,
    )


def _download(text: str, name: str) -> Response:
    return Response(
        text,
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.get("/<questionnaire_id>/v<int:version>.csv")
def counts_export(questionnaire_id: str, version: int) -> ResponseReturnValue:
    questionnaire = _version_or_404(questionnaire_id, version)
    results = compute_results(questionnaire, visible_service_ids(current_user), with_texts=False)
    return _download(counts_csv(results), f"{questionnaire_id}-v{version}-counts.csv")


@bp.get("/<questionnaire_id>/v<int:version>-answers.csv")
def texts_export(questionnaire_id: str, version: int) -> ResponseReturnValue:
    questionnaire = _version_or_404(questionnaire_id, version)
    results = compute_results(questionnaire, visible_service_ids(current_user))
    return _download(
        texts_csv(results, _shown_text(), all_texts=current_user.role == Role.PX_TEAM),
        f"{questionnaire_id}-v{version}-answers.csv",
    )
