"""Publishing local questionnaires: checked files, versions, and what is refused and why."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.local_surveys.definitions import RefusedError, check_files
from feedback.local_surveys.models import LocalQuestionnaireVersion
from feedback.local_surveys.publishing import publish
from feedback.surveys.schema import load_questionnaire
from tests.local_surveys.helpers import example_files, open_now, publish_example


def _refusal(files: dict[str, str]) -> str:
    with pytest.raises(RefusedError) as refused:
        check_files(files)
    return str(refused.value)


@pytest.mark.parametrize("name", ["ward-environment", "carers-event", "camhs-transition"])
def test_every_shipped_example_passes_the_checks(name):
    checked = check_files(open_now(name))
    assert checked.id == name


def test_a_toml_syntax_error_names_the_file_line_and_column(app):
    files = open_now()
    files["questionnaire.toml"] = files["questionnaire.toml"].replace(
        'id = "clean"', 'id = "clean" oops'
    )
    line = files["questionnaire.toml"].splitlines().index('id = "clean" oops') + 1
    message = _refusal(files)
    assert message.startswith(f"questionnaire.toml, line {line}, column ")


def test_a_syntax_error_in_a_translation_names_that_file():
    files = open_now()
    files["ur.toml"] += '\n"questions.sleep.hint" = "unfinished\n'
    assert _refusal(files).startswith("ur.toml, line ")


def test_a_show_if_naming_a_later_question_names_the_question_and_its_line():
    files = open_now()
    text = files["questionnaire.toml"].replace(
        'id = "sleep"\ntype = "single_choice"',
        'id = "sleep"\ntype = "single_choice"\nshow_if = { question = "clean", equals = "x" }',
    )
    files["questionnaire.toml"] = text
    line = text.splitlines().index('id = "sleep"') + 1
    message = _refusal(files)
    assert message == (
        f"questionnaire.toml, line {line}: question 1 ('sleep'): show_if must name an "
        "earlier question"
    )


def test_a_missing_title_is_refused_by_name():
    files = open_now()
    files["questionnaire.toml"] = files["questionnaire.toml"].replace(
        'title = "Our ward: your surroundings"\n', ""
    )
    assert _refusal(files) == "questionnaire.toml: No title"


def test_a_question_without_a_title_names_the_question():
    files = open_now()
    text = files["questionnaire.toml"].replace('title = "How clean is the ward?"\n', "")
    files["questionnaire.toml"] = text
    line = text.splitlines().index('id = "clean"') + 1
    assert _refusal(files) == f"questionnaire.toml, line {line}: question 2 ('clean'): no title"


def test_a_translation_of_a_text_that_is_not_there_names_its_line():
    files = open_now()
    files["ur.toml"] += '"questions.nosuch.title" = "x"\n'
    line = files["ur.toml"].splitlines().index('"questions.nosuch.title" = "x"') + 1
    assert _refusal(files).startswith(f'ur.toml, line {line}: "questions.nosuch.title" is not')


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('id = "ward-environment"', 'id = "fft"', "platform's own questionnaires"),
        ('id = "ward-environment"', 'id = "complaint"', "cannot be replaced"),
        ('kind = "team_survey"', 'kind = "team_survey"\nsubmit = "complaint"', "leave out submit"),
        ('kind = "team_survey"', 'kind = "poll"', "kind must be one of"),
        (
            'kind = "team_survey"',
            'kind = "team_survey"\nthank_you_template = "x.html"',
            "leave out thank_you_template",
        ),
        ('type = "free_text"', 'type = "email"', "anonymous"),
        ('records = "comment"', 'records = "fft_rating"', "FFT rating comes only"),
    ],
)
def test_what_a_local_file_may_not_do(old, new, expected):
    files = open_now()
    files["questionnaire.toml"] = files["questionnaire.toml"].replace(old, new, 1)
    assert expected in _refusal(files)


def test_a_team_survey_needs_its_dates():
    files = example_files("ward-environment")
    files["questionnaire.toml"] = files["questionnaire.toml"].replace("opens_on = 2027-01-04\n", "")
    assert "needs opens_on and closes_on" in _refusal(files)


def test_a_file_with_another_name_is_refused():
    files = open_now()
    files["notes.txt"] = "hello"
    assert _refusal(files).startswith("notes.txt: besides questionnaire.toml")


def test_changed_wording_needs_a_higher_version_and_keeps_the_old_text(app):
    publish_example()
    with pytest.raises(RefusedError, match="write version = 2"):
        publish(check_files(open_now(**{"How clean is the ward?": "How tidy is the ward?"})), "x")
    published = publish_example(
        **{"How clean is the ward?": "How tidy is the ward?", "version = 1": "version = 2"}
    )
    assert (published.version, published.change) == (2, "new_version")
    versions = db.session.scalars(select(LocalQuestionnaireVersion)).all()
    assert [v.version for v in versions] == [1, 2]
    old = load_questionnaire("ward-environment", version=1).question("clean")
    new = load_questionnaire("ward-environment").question("clean")
    assert (old.title.value, new.title.value) == ("How clean is the ward?", "How tidy is the ward?")
    assert "How clean is the ward?" in versions[0].definition


def test_the_same_files_again_change_nothing_and_new_dates_keep_the_version(app):
    publish_example()
    assert publish_example().change == "unchanged"
    files = open_now()
    files["questionnaire.toml"] = files["questionnaire.toml"].replace(
        "closes_on = ", "closes_on = 2099-01-01\n#", 1
    )
    assert publish(check_files(files), "upload").change == "dates"
    assert load_questionnaire("ward-environment").closes_on.year == 2099


def test_an_older_version_is_refused(app):
    publish_example(**{"version = 1": "version = 3"})
    with pytest.raises(RefusedError, match="older than version 3"):
        publish(check_files(open_now()), "upload")


def test_the_urdu_translation_is_used_and_english_fills_the_gaps(app):
    publish_example()
    urdu = load_questionnaire("ward-environment", "ur")
    assert urdu.question("sleep").title.lang == "ur"
    assert urdu.question("improve").title.value == "What would make the ward better?"
    gujarati = load_questionnaire("ward-environment", "gu")
    assert gujarati.question("sleep").title.lang == "en"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "id = 3",
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = "T"\nquestions = 4',
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = "T"\n'
        '[[questions]]\nid = "a"\ntype = ["single_choice"]\ntitle = "Q"',
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = "T"\n'
        '[[questions]]\nid = "a"\ntype = "single_choice"\ntitle = "Q"\noptions = 7',
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = "T"\n'
        '[[questions]]\nid = "a"\ntype = "free_text"\ntitle = "Q"\npicture = "../../x.svg"',
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = "T"\n'
        'needs_location = "no"\n[[questions]]\nid = "a"\ntype = "free_text"\ntitle = "Q"',
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = ["T"]',
        'id = "x-survey"\nversion = 1\nkind = "event_evaluation"\ntitle = "T"\n'
        'opens_on = "2027-01-01"\n[[questions]]\nid = "a"\ntype = "free_text"\ntitle = "Q"',
    ],
)
def test_malformed_files_are_refused_with_a_message_never_an_exception(text):
    with pytest.raises(RefusedError) as refused:
        check_files({"questionnaire.toml": text})
    assert str(refused.value).startswith("questionnaire.toml")


def test_a_file_that_is_not_utf8_or_too_big_is_refused():
    assert "UTF-8" in _refusal({"questionnaire.toml": b"\xff\xfe\x00bad"})
    assert "200 kB" in _refusal({"questionnaire.toml": b"#" * 300_000})
