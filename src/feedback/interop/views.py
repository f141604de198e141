"""FHIR R4 resources: downloads for the patient experience team, and the same resources
through the API for other systems (the patient record system), with an API key.

API paths follow FHIR's REST shape: GET /api/v1/fhir/Questionnaire/<id>[?version=N] and
GET /api/v1/fhir/QuestionnaireResponse/<id>. Errors come back as an OperationOutcome.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, request
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from feedback.auth.access import public, restricted_to
from feedback.auth.api_clients import client_for_key
from feedback.auth.models import Role
from feedback.extensions import csrf, db
from feedback.i18n import SUPPORTED_CODES
from feedback.interop.services import get_questionnaire_resource, get_response_resource
from feedback.web.api import bearer_key

FHIR_JSON = "application/fhir+json"

# Public to the staff access rule on purpose: the key check below stands in for a role.
api_bp = public(Blueprint("fhir_api", __name__, url_prefix="/api/v1/fhir"))
csrf.exempt(api_bp)
exports_bp = restricted_to(
    Blueprint("fhir_exports", __name__, url_prefix="/exports/fhir"), [Role.ADMIN, Role.PX_TEAM]
)


# The largest id a database integer holds: a larger one in the address is not found, rather
# than an overflow when the database is asked for it.
LARGEST_ID = 2**31 - 1


def _fhir(resource: dict[str, Any], status: int = 200, download: str | None = None) -> Response:
    response = Response(json.dumps(resource, ensure_ascii=False), status, mimetype=FHIR_JSON)
    if download:
        response.headers["Content-Disposition"] = f'attachment; filename="{download}"'
    return response


def _outcome(status: int, code: str, message: str) -> Response:
    outcome = {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": message}],
    }
    return _fhir(outcome, status)


@api_bp.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    return _outcome(error.code or 500, "processing", error.description or error.name)


@api_bp.before_request
def _require_key() -> ResponseReturnValue | None:
    client = client_for_key(bearer_key())
    db.session.commit()  # the key's last use
    if client is None:
        response = _outcome(401, "login", "Send a valid API key: Authorization: Bearer <key>")
        response.headers["WWW-Authenticate"] = "Bearer"
        return response
    return None


def _wanted() -> tuple[int | None, str] | None:
    """The version and language asked for; None when they are not a number and a language."""
    version_text = request.args.get("version")
    language = request.args.get("lang", "en")
    if (version_text is not None and not version_text.isdigit()) or language not in SUPPORTED_CODES:
        return None
    return (int(version_text) if version_text else None), language


def _questionnaire(questionnaire_id: str) -> tuple[dict[str, Any] | None, Response | None]:
    wanted = _wanted()
    if wanted is None:
        return None, _outcome(
            400, "value", "version is a whole number; lang one of " + ", ".join(SUPPORTED_CODES)
        )
    resource = get_questionnaire_resource(questionnaire_id, *wanted)
    if resource is None:
        return None, _outcome(
            404, "not-found", f"No questionnaire {questionnaire_id} in that version"
        )
    return resource, None


@api_bp.get("/Questionnaire/<questionnaire_id>")
def api_questionnaire(questionnaire_id: str) -> ResponseReturnValue:
    resource, problem = _questionnaire(questionnaire_id)
    return problem or _fhir(resource)  # type: ignore[arg-type]


@api_bp.get(f"/QuestionnaireResponse/<int(max={LARGEST_ID}):response_id>")
def api_response(response_id: int) -> ResponseReturnValue:
    resource = get_response_resource(response_id)
    if resource is None:
        return _outcome(404, "not-found", f"No response {response_id}")
    return _fhir(resource)


@exports_bp.get("/Questionnaire/<questionnaire_id>.json")
def questionnaire(questionnaire_id: str) -> ResponseReturnValue:
    resource, problem = _questionnaire(questionnaire_id)
    if problem is not None:
        return problem
    return _fhir(resource, download=f"{resource['id']}.fhir.json")  # type: ignore[index]


@exports_bp.get(f"/QuestionnaireResponse/<int(max={LARGEST_ID}):response_id>.json")
def questionnaire_response(response_id: int) -> ResponseReturnValue:
    resource = get_response_resource(response_id)
    if resource is None:
        return _outcome(404, "not-found", f"No response {response_id}")
    return _fhir(resource, download=f"response-{response_id}.fhir.json")
