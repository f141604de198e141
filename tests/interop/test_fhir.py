"""Every questionnaire as a FHIR R4 Questionnaire and every response as a
QuestionnaireResponse, read back by `fhir.resources`, as downloads and through the API."""

from __future__ import annotations

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire as FhirQuestionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse as FhirResponse
from sqlalchemy import select

from feedback.auth.api_clients import create_api_client
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.interop.fhir import ANSWER_KINDS, ITEM_TYPES, questionnaire_resource
from feedback.surveys.models import Response
from feedback.surveys.schema import QuestionType, list_questionnaire_ids, load_questionnaire
from tests.factories import make_location, make_response, make_service, make_user, sign_in
from tests.local_surveys.helpers import publish_example, walk

# FHIR R4's Questionnaire.item.type codes (the package does not check bindings).
R4_ITEM_TYPES = {
    "group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string",
    "text", "url", "choice", "open-choice", "attachment", "reference", "quantity",
}  # fmt: skip


def _items(resource: dict) -> list[dict]:
    found = []
    for item in resource.get("item", []):
        found.extend([item, *_items(item)])
    return found


def _round_trips(model: type, resource: dict) -> None:
    again = model.model_validate(resource).model_dump(mode="json", exclude_none=True)
    assert again == resource


def test_every_question_type_maps_to_an_r4_item_type_and_answer_kind():
    assert set(ITEM_TYPES) == set(QuestionType)
    assert set(ITEM_TYPES.values()) <= R4_ITEM_TYPES
    assert set(ANSWER_KINDS.values()) <= {"valueCoding", "valueString", "valueDate"}


@pytest.mark.parametrize("questionnaire_id", list_questionnaire_ids())
@pytest.mark.parametrize("language", ["en", "ur"])
def test_every_built_in_questionnaire_exports_as_a_valid_r4_questionnaire(
    app, questionnaire_id, language
):
    make_service("Adult community nursing")  # the complaint form's service question lists it
    questionnaire = load_questionnaire(questionnaire_id, language)
    resource = questionnaire_resource(questionnaire, "https://feedback.example.nhs.uk", True)
    _round_trips(FhirQuestionnaire, resource)
    assert (
        resource["url"] == f"https://feedback.example.nhs.uk/fhir/Questionnaire/{questionnaire_id}"
    )
    assert (resource["version"], resource["language"]) == (str(questionnaire.version), language)
    items = {item["linkId"]: item for item in _items(resource)}
    for question in questionnaire.questions:
        item = items[question.id]
        assert item["type"] == ITEM_TYPES[question.type]
        assert item["text"] == question.title.value
        if item["type"] == "choice":
            assert item["answerOption"]
        if question.show_if:
            assert item["enableWhen"][0]["question"] == question.show_if[0]


def test_an_fft_response_exports_with_its_rating_and_nothing_about_the_person(app, client):
    location = make_location()
    response = make_response(location, rating=2, comment="Kind staff", respondent="carer")
    sign_in(client, make_user(Role.PX_TEAM))
    download = client.get(f"/exports/fhir/QuestionnaireResponse/{response.id}.json")
    assert download.mimetype == "application/fhir+json"
    assert "attachment" in download.headers["Content-Disposition"]
    resource = download.get_json()
    _round_trips(FhirResponse, resource)
    assert resource["questionnaire"].endswith("/fhir/Questionnaire/fft|1")
    answers = {item["linkId"]: item["answer"] for item in resource["item"]}
    assert answers["rating"][0]["valueCoding"]["code"] == "2"
    assert answers["rating"][0]["valueCoding"]["display"] == "Good"
    assert answers["reason"] == [{"valueString": "Kind staff"}]
    assert not {"subject", "author", "source", "encounter"} & set(resource)
    assert location.code not in download.get_data(as_text=True)


def test_a_local_survey_and_its_responses_export_in_the_version_they_were_given_under(app, client):
    location = make_location()
    publish_example()
    walk(client, f"/forms/ward-environment/at/{location.code}", [
        ("sleep", "never"), ("clean", None), ("improve", ["garden", "food"]), ("comment", "Noisy"),
    ])  # fmt: skip
    publish_example(**{"version = 1": "version = 2", "Is the ward quiet": "Is it quiet"})
    sign_in(client, make_user(Role.ADMIN))
    old = client.get("/exports/fhir/Questionnaire/ward-environment.json?version=1").get_json()
    new = client.get("/exports/fhir/Questionnaire/ward-environment.json").get_json()
    _round_trips(FhirQuestionnaire, old)
    assert (old["version"], old["status"], new["version"], new["status"]) == (
        "1", "retired", "2", "active",
    )  # fmt: skip
    assert old["item"][0]["text"].startswith("Is the ward quiet")
    assert old["effectivePeriod"]["start"] and old["item"][2]["repeats"] is True
    response = db.session.scalar(select(Response))
    resource = client.get(f"/exports/fhir/QuestionnaireResponse/{response.id}.json").get_json()
    _round_trips(FhirResponse, resource)
    assert resource["questionnaire"].endswith("ward-environment|1")
    items = {item["linkId"]: item for item in resource["item"]}
    assert items["sleep"]["text"].startswith("Is the ward quiet")
    assert [a["valueCoding"]["code"] for a in items["improve"]["answer"]] == ["garden", "food"]
    assert "clean" not in items


def test_a_pair_exports_both_halves(app, client):
    publish_example("camhs-transition")
    sign_in(client, make_user(Role.PX_TEAM))
    before = client.get("/exports/fhir/Questionnaire/camhs-transition-before.json").get_json()
    after = client.get("/exports/fhir/Questionnaire/camhs-transition-after.json").get_json()
    assert before["item"][0]["linkId"] == "ready" and after["item"][0]["linkId"] == "pair_code"


def test_the_api_needs_a_key(app, client):
    make_response(make_location())
    for url in ("/api/v1/fhir/Questionnaire/fft", "/api/v1/fhir/QuestionnaireResponse/1"):
        refused = client.get(url)
        assert refused.status_code == 401 and refused.headers["WWW-Authenticate"] == "Bearer"
        assert refused.get_json()["resourceType"] == "OperationOutcome"
        wrong = client.get(url, headers={"Authorization": "Bearer not-a-key"})
        assert wrong.status_code == 401


def test_the_api_serves_questionnaires_and_responses_with_a_key(app, client):
    response = make_response(make_location(), rating=1)
    _client, key = create_api_client("Patient record system", "px@example.nhs.uk")
    db.session.commit()
    headers = {"Authorization": f"Bearer {key}"}
    questionnaire = client.get("/api/v1/fhir/Questionnaire/fft?lang=pl", headers=headers)
    assert questionnaire.status_code == 200 and questionnaire.mimetype == "application/fhir+json"
    assert questionnaire.get_json()["language"] == "pl"
    found = client.get(f"/api/v1/fhir/QuestionnaireResponse/{response.id}", headers=headers)
    _round_trips(FhirResponse, found.get_json())
    missing = client.get("/api/v1/fhir/QuestionnaireResponse/99999", headers=headers)
    assert missing.status_code == 404 and missing.get_json()["issue"][0]["code"] == "not-found"
    assert client.get("/api/v1/fhir/Questionnaire/nosuch", headers=headers).status_code == 404
    bad = client.get("/api/v1/fhir/Questionnaire/fft?version=x", headers=headers)
    assert bad.status_code == 400
    assert (
        client.get("/api/v1/fhir/Questionnaire/fft?version=2", headers=headers).status_code == 404
    )


def test_an_id_too_large_or_not_a_number_is_not_found_in_json(app, client):
    # A 30-digit id overflowed the database integer: a 500 (found by the fuzz tests).
    _client, key = create_api_client("Patient record system", "px@example.nhs.uk")
    db.session.commit()
    headers = {"Authorization": f"Bearer {key}"}
    for tail in ("9" * 30, "fft"):
        found = client.get(f"/api/v1/fhir/QuestionnaireResponse/{tail}", headers=headers)
        assert found.status_code == 404 and found.get_json()["error"]
