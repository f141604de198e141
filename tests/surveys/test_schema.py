"""Every questionnaire definition and its translations follow the rules."""

from __future__ import annotations

import copy
import tomllib

import pytest

from feedback.i18n import SUPPORTED_CODES
from feedback.surveys.schema import (
    SchemaError,
    _raw_definition,
    is_builtin,
    list_questionnaire_ids,
    load_questionnaire,
    translatable_text,
    translation_path,
    validate_definition,
)

QUESTIONNAIRES = list_questionnaire_ids()


@pytest.mark.parametrize("questionnaire_id", QUESTIONNAIRES)
def test_every_definition_is_valid(questionnaire_id):
    validate_definition(_raw_definition(questionnaire_id))


@pytest.mark.parametrize("language", [code for code in SUPPORTED_CODES if code != "en"])
@pytest.mark.parametrize("questionnaire_id", QUESTIONNAIRES)
def test_every_translation_has_exactly_the_definitions_text(questionnaire_id, language):
    with translation_path(questionnaire_id, language).open("rb") as file:
        translation = tomllib.load(file)
    expected = set(translatable_text(_raw_definition(questionnaire_id)))
    assert set(translation["text"]) == expected
    assert all(value.strip() for value in translation["text"].values())
    assert translation["meta"]["status"] == "awaiting review by a qualified translator"


def test_the_fft_asks_nhs_englands_question_with_its_six_options_in_order():
    fft = load_questionnaire("fft")
    rating = fft.questions[0]
    assert rating.title.value == "Overall, how was your experience of our service?"
    assert [(o.value, o.label.value) for o in rating.options] == [
        ("1", "Very good"),
        ("2", "Good"),
        ("3", "Neither good nor poor"),
        ("4", "Poor"),
        ("5", "Very poor"),
        ("6", "Don't know"),
    ]
    assert rating.required and rating.records == "fft_rating"
    assert any(q.type == "free_text" for q in fft.questions)
    about_you = [q for q in fft.questions if q.show_if == ("about_you", "yes")]
    assert about_you and not any(q.required for q in about_you)


def test_easy_read_wording_and_english_fallback():
    easy = load_questionnaire("fft", "en", easy_read=True)
    assert easy.questions[0].title.value == "How was our service?"
    assert easy.questions[0].options[0].picture == "face-very-good.svg"
    urdu = load_questionnaire("fft", "ur")
    assert urdu.questions[0].title.lang == "ur"


def _fft() -> dict:
    return copy.deepcopy(_raw_definition("fft"))


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: d["questions"][1].update(id="rating"),
        lambda d: d["questions"][0].update(type="slider"),
        lambda d: d["questions"][0].update(id="thank-you"),
        lambda d: d["questions"][0]["options"].append({"value": "1", "label": "Again"}),
        lambda d: d["questions"][0].pop("error_required"),
        lambda d: d["questions"][0].update(picture="missing.svg"),
        lambda d: d["questions"][4].update(show_if={"question": "later", "equals": "yes"}),
        lambda d: d.update(questions=[]),
    ],
)
def test_broken_definitions_are_refused(break_it):
    definition = _fft()
    break_it(definition)
    with pytest.raises(SchemaError):
        validate_definition(definition)


def test_a_questionnaire_id_no_file_could_have_is_not_found_not_a_500(client):
    # The file system raised for a name too long for a file (found by the fuzz tests).
    for questionnaire_id in ("x" * 5000, "..", "fft\x00", "FFT"):
        assert not is_builtin(questionnaire_id)
    assert client.get(f"/forms/{'x' * 5000}/").status_code == 404
