"""The generic questionnaire-engine features the staff survey needed, on their own: options from
the organisation, questionnaires open only at set times, and journeys that forget their times."""

from __future__ import annotations

import copy

import pytest

from feedback.surveys.answers import display_answer
from feedback.surveys.options import option_values, question_options
from feedback.surveys.schema import (
    SchemaError,
    _raw_definition,
    load_questionnaire,
    validate_definition,
)
from tests.staff_survey.helpers import directorates


def _definition() -> dict:
    return copy.deepcopy(_raw_definition("staff-pulse"))


def _question(definition: dict, question_id: str) -> dict:
    return next(q for q in definition["questions"] if q["id"] == question_id)


def test_a_choice_question_offers_the_organisations_directorates_then_its_own_options(app):
    amh, chs = directorates("Adult Mental Health", "Community Health Services")
    question = load_questionnaire("staff-pulse", "ur").question("directorate")
    options = question_options(question)
    assert [o.value for o in options] == [amh.code, chs.code, "not_said"]
    assert options[0].label.value == "Adult Mental Health"  # a proper name, in any language
    assert option_values(question) == {amh.code, chs.code, "not_said"}
    assert display_answer(question, chs.code) == "Community Health Services"
    [new] = directorates("Families, Young People and Children")
    assert new.code in option_values(question)  # read each time: the organisation changes


@pytest.mark.parametrize(
    "break_it",
    [
        lambda d: _question(d, "directorate").update(options_from="wards"),
        lambda d: _question(d, "comment").update(options_from="directorates"),
        lambda d: _question(d, "directorate").update(type="multiple_choice"),
    ],
)
def test_options_from_must_name_a_known_list_on_a_single_choice_question(break_it):
    definition = _definition()
    break_it(definition)
    with pytest.raises(SchemaError):
        validate_definition(definition)


def test_a_question_with_only_organisation_options_is_valid():
    definition = _definition()
    _question(definition, "directorate").pop("options")
    validate_definition(definition)


def test_only_the_staff_survey_forgets_its_journeys_times():
    assert load_questionnaire("staff-pulse").forget_times
    assert not load_questionnaire("fft").forget_times
    assert not load_questionnaire("complaint").forget_times


def test_questionnaires_without_open_times_are_always_open(app):
    from feedback.surveys.submission import get_submit_handler

    assert get_submit_handler("fft_response").open_times is None
    assert get_submit_handler("complaint_case").open_times is None
    assert get_submit_handler("staff_pulse").open_times is not None
