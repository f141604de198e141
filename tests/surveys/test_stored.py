"""The engine's reading of published definitions: syntax errors with their line, dates, and
definitions from a registered source."""

from __future__ import annotations

from datetime import date

import pytest

from feedback.surveys.schema import SchemaError, load_questionnaire, validate_definition
from feedback.surveys.stored import StoredDefinition, parse_toml, register_definition_source

DEFINITION = """id = "pulse"
version = 2
title = "A short survey"
opens_on = 2027-01-04
closes_on = 2027-01-31

[[questions]]
id = "how"
type = "free_text"
title = "How are you?"
"""


def test_a_syntax_error_names_the_file_line_and_column():
    with pytest.raises(SchemaError) as error:
        parse_toml('id = "x"\nversion = = 1\n', "ur.toml")
    assert str(error.value) == "ur.toml, line 2, column 11: Invalid value"
    assert error.value.line == 2


def test_a_rule_about_one_question_names_it():
    raw = parse_toml(DEFINITION.replace('title = "How are you?"\n', ""))
    with pytest.raises(SchemaError) as error:
        validate_definition(raw)
    assert error.value.question_id == "how"
    with pytest.raises(SchemaError, match="No title"):
        validate_definition(parse_toml(DEFINITION.replace('title = "A short survey"\n', "")))
    with pytest.raises(SchemaError, match="closes_on is before opens_on"):
        validate_definition(parse_toml(DEFINITION.replace("2027-01-31", "2026-12-31")))
    with pytest.raises(SchemaError, match="options must be a list"):
        validate_definition(parse_toml(DEFINITION + 'options = "yes"\n'))


def test_a_registered_source_supplies_questionnaires_that_are_not_files(app):
    stored = StoredDefinition(
        "pulse", 2, DEFINITION, (("ur", '[text]\n"questions.how.title" = "آپ کیسے ہیں؟"\n'),)
    )
    register_definition_source(app, lambda qid, version: stored if qid == "pulse" else None)
    questionnaire = load_questionnaire("pulse", "ur")
    assert questionnaire.question("how").title.value == "آپ کیسے ہیں؟"
    assert questionnaire.not_open_on(date(2027, 1, 3)) == "not_yet"
    assert questionnaire.not_open_on(date(2027, 1, 31)) is None
    assert questionnaire.not_open_on(date(2027, 2, 1)) == "closed"
    with pytest.raises(SchemaError):
        load_questionnaire("nosuch")


def test_a_built_in_file_comes_first_whatever_a_source_says(app):
    register_definition_source(app, lambda qid, version: None)
    assert load_questionnaire("fft").title.value == "Friends and Family Test"
