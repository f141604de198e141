"""The FHIR resources staff download and other systems fetch, looked up by id."""

from __future__ import annotations

from typing import Any

from flask import current_app, request

from feedback.interop.fhir import questionnaire_resource, response_resource
from feedback.surveys.schema import SchemaError, load_questionnaire
from feedback.surveys.services import get_response


def fhir_base() -> str:
    """Where the platform is reached, for canonical URLs: the public address when set."""
    return current_app.config["PUBLIC_BASE_URL"] or request.host_url


def get_questionnaire_resource(
    questionnaire_id: str, version: int | None, language: str = "en"
) -> dict[str, Any] | None:
    try:
        current = load_questionnaire(questionnaire_id, language)
        wanted = load_questionnaire(questionnaire_id, language, version=version)
    except SchemaError:
        return None
    if version is not None and wanted.version != version:
        return None  # a built-in file holds only its current version
    return questionnaire_resource(wanted, fhir_base(), current=wanted.version == current.version)


def get_response_resource(response_id: int) -> dict[str, Any] | None:
    response = get_response(response_id)
    if response is None:
        return None
    try:
        questionnaire = load_questionnaire(
            response.questionnaire, version=response.questionnaire_version
        )
    except SchemaError:
        return None
    return response_resource(response, questionnaire, fhir_base())
