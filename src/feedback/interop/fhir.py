"""Questionnaires as FHIR R4 `Questionnaire` and responses as `QuestionnaireResponse`.

UK Core, NHS England's FHIR profiles, is on R4. The `fhir.resources` package validates with
its R4B models: R4B changed other resources, not these two, so what is emitted is R4 (the
package's default models are R5, which renamed the `choice` item type). Validation checks the
structure, not the codes, so the item types and answer kinds come from the fixed maps below.

A response carries only what the questionnaire asked: no subject, author, source or ward.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse as FhirQuestionnaireResponse,
)

from feedback.db import as_utc
from feedback.organisation.services import list_services
from feedback.surveys.models import Response
from feedback.surveys.schema import NOT_SURE, Question, Questionnaire, QuestionType

FHIR_VERSION = "4.0.1"
# How each kind of question is asked in FHIR R4 (Questionnaire.item.type).
ITEM_TYPES = {
    QuestionType.SINGLE_CHOICE: "choice",
    QuestionType.MULTIPLE_CHOICE: "choice",
    QuestionType.CONSENT: "choice",
    QuestionType.SERVICE: "choice",
    QuestionType.FREE_TEXT: "text",
    QuestionType.SHORT_TEXT: "string",
    QuestionType.EMAIL: "string",
    QuestionType.UK_PHONE: "string",
    QuestionType.PAST_DATE: "date",
}
# ...and the kind of value its answers carry (QuestionnaireResponse.item.answer.value[x]).
ANSWER_KINDS = {"choice": "valueCoding", "text": "valueString", "string": "valueString"}
ANSWER_KINDS["date"] = "valueDate"


def canonical_url(base: str, questionnaire_id: str) -> str:
    return f"{base.rstrip('/')}/fhir/Questionnaire/{questionnaire_id}"


def _options(question: Question) -> list[tuple[str, str]]:
    if question.type == QuestionType.SERVICE:
        services = [(s.code, s.name) for s in list_services(include_retired=False)]
        return [*services, (NOT_SURE, question.option_label(NOT_SURE))]
    return [(option.value, option.label.value) for option in question.options]


def _coding(url: str, question: Question, value: str) -> dict[str, str]:
    return {
        "system": f"{url}/{question.id}",
        "code": value,
        "display": question.option_label(value),
    }


def _item(url: str, questionnaire: Questionnaire, question: Question) -> dict[str, Any]:
    item_type = ITEM_TYPES[question.type]
    item: dict[str, Any] = {
        "linkId": question.id,
        "text": question.title.value,
        "type": item_type,
        "required": question.required,
    }
    if question.type == QuestionType.MULTIPLE_CHOICE:
        item["repeats"] = True
    if item_type in ("text", "string") and question.max_characters:
        item["maxLength"] = question.max_characters
    if item_type == "choice":
        item["answerOption"] = [
            {"valueCoding": {"system": f"{url}/{question.id}", "code": code, "display": label}}
            for code, label in _options(question)
        ]
    if question.show_if is not None:
        gate_id, value = question.show_if
        gate = questionnaire.question(gate_id)
        item["enableWhen"] = [
            {"question": gate_id, "operator": "=", "answerCoding": _coding(url, gate, value)}
        ]
    if question.hint is not None:
        item["item"] = [
            {"linkId": f"{question.id}.hint", "text": question.hint.value, "type": "display"}
        ]
    return item


def questionnaire_resource(
    questionnaire: Questionnaire, base: str, current: bool
) -> dict[str, Any]:
    """The questionnaire, in its language, as a validated FHIR R4 Questionnaire."""
    url = canonical_url(base, questionnaire.id)
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": f"{questionnaire.id}-v{questionnaire.version}",
        "url": url,
        "version": str(questionnaire.version),
        "title": questionnaire.title.value,
        "status": "active" if current else "retired",
        "language": questionnaire.language,
        "item": [_item(url, questionnaire, q) for q in questionnaire.questions],
    }
    if questionnaire.description.value:
        resource["description"] = questionnaire.description.value
    period = {
        key: day.isoformat()
        for key, day in (("start", questionnaire.opens_on), ("end", questionnaire.closes_on))
        if day is not None
    }
    if period:
        resource["effectivePeriod"] = period
    return validated(FhirQuestionnaire, resource)


def _answers(url: str, question: Question, values: list[str]) -> list[dict[str, Any]]:
    kind = ANSWER_KINDS[ITEM_TYPES[question.type]]
    if kind == "valueCoding":
        return [{"valueCoding": _coding(url, question, value)} for value in values]
    return [{kind: value} for value in values]


def response_resource(
    response: Response, questionnaire: Questionnaire, base: str
) -> dict[str, Any]:
    """One response as a validated FHIR R4 QuestionnaireResponse, in its questionnaire's
    order; `questionnaire` is the version it was given under."""
    url = canonical_url(base, questionnaire.id)
    given: dict[str, list[str]] = {}
    for answer in response.answers:
        given.setdefault(answer.question_id, []).append(answer.value)
    items = []
    for question in questionnaire.questions:
        values = given.get(question.id, [])
        if question.records == "fft_rating" and response.fft_rating is not None:
            values = [str(response.fft_rating)]  # kept in its own column
        if values:
            items.append(
                {
                    "linkId": question.id,
                    "text": question.title.value,
                    "answer": _answers(url, question, values),
                }
            )
    resource = {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.id),
        "questionnaire": f"{url}|{response.questionnaire_version}",
        "status": "completed",
        "authored": as_utc(response.submitted_at).isoformat(),
        "language": response.language,
    }
    if items:  # FHIR has no empty lists: a response of skipped questions has no items
        resource["item"] = items
    return validated(FhirQuestionnaireResponse, resource)


def validated(model: type, resource: dict[str, Any]) -> dict[str, Any]:
    """The resource as `fhir.resources` reads it back (a ValueError if it is not valid)."""
    return model.model_validate(resource).model_dump(mode="json", exclude_none=True)
