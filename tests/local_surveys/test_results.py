"""Results by version: counts per option, suppression of small numbers, text, CSV."""

from __future__ import annotations

import csv
import io

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.local_surveys.results import (
    compute_results,
    suppress_counts,
    suppress_each_choice,
)
from feedback.metrics.suppression import Hidden
from feedback.surveys.models import ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response
from tests.factories import make_location, make_response, make_user, sign_in
from tests.local_surveys.helpers import publish_example

_keys = iter(range(1_000_000))


def _answer(location, version: int = 1, **answers) -> None:  # type: ignore[no-untyped-def]
    create_response(
        questionnaire=load_questionnaire("ward-environment", version=version),
        answers=answers,
        location_id=location.id,
        mode=ResponseMode.ELECTRONIC_HOME,
        idempotency_key=f"results-{next(_keys)}",
    )
    db.session.commit()


def _ward_with_answers():  # type: ignore[no-untyped-def]
    location = make_location()
    publish_example()
    for number in range(7):
        comment = "Quiet at night" if number < 3 else ""
        _answer(location, sleep="always", improve=["garden", "food"], comment=comment)
    for _ in range(2):
        _answer(
            location, sleep="never", improve=["garden"], comment="Call Dr Smith on 07700 900123"
        )
    _answer(location, sleep="sometimes", improve=["garden"], comment='=HYPERLINK("x")')
    return location


def test_small_counts_hide_another_so_they_cannot_be_worked_out():
    hidden = suppress_counts({"a": 20, "b": 3, "c": 9, "d": 0}, total_is_shown=True)
    assert hidden == {"a": None, "b": Hidden.FEWER_THAN_5, "c": Hidden.PROTECTS_ANOTHER, "d": None}
    # Two small counts already protect each other.
    assert suppress_counts({"a": 20, "b": 3, "c": 2}, True) == {
        "a": None,
        "b": Hidden.FEWER_THAN_5,
        "c": Hidden.FEWER_THAN_5,
    }
    # Many-choice questions: a count is hidden when those who did not choose it are few.
    assert suppress_each_choice({"x": 8, "y": 10, "z": 2}, answered=10) == {
        "x": Hidden.FEWER_THAN_5,
        "y": None,
        "z": Hidden.FEWER_THAN_5,
    }


def test_counts_per_option_with_the_small_ones_suppressed(app):
    _ward_with_answers()
    results = compute_results(load_questionnaire("ward-environment"))
    assert results.responses == 10
    sleep = {c.value: (c.count, c.hidden) for c in results.questions[0].counts}
    assert sleep == {
        "always": (7, None),
        "sometimes": (None, Hidden.FEWER_THAN_5),
        "never": (None, Hidden.FEWER_THAN_5),
    }
    improve = {c.value: (c.count, c.hidden) for c in results.questions[2].counts}
    # 3 did not choose food: that is a small number too.
    assert improve["garden"] == (10, None) and improve["food"] == (None, Hidden.FEWER_THAN_5)
    assert improve["activities"] == (0, None)
    assert (results.questions[1].answered, results.questions[1].hidden) == (0, None)
    assert results.questions[3].answered == 6 and len(results.questions[3].texts) == 6


def test_fewer_than_5_responses_show_nothing(app, client):
    location = make_location()
    publish_example()
    for _ in range(4):
        _answer(location, sleep="always", comment="Too few to show")
    assert compute_results(load_questionnaire("ward-environment")).hidden == Hidden.FEWER_THAN_5
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/results/ward-environment/v1").get_data(as_text=True)
    assert "Fewer than 5 responses" in page and "Too few to show" not in page


def test_old_answers_are_shown_with_the_wording_they_were_given_under(app, client):
    location = _ward_with_answers()
    publish_example(**{"version = 1": "version = 2", "Is the ward quiet enough": "Is it quiet"})
    for _ in range(5):
        _answer(location, version=2, sleep="always")
    sign_in(client, make_user(Role.PX_TEAM))
    old = client.get("/results/ward-environment/v1").get_data(as_text=True)
    new = client.get("/results/ward-environment/v2").get_data(as_text=True)
    assert "Is the ward quiet enough" in old and "10 responses" in old
    assert "Is it quiet" in new and "5 responses to version 2" in new
    assert "Is the ward quiet enough" not in new
    assert client.get("/results/ward-environment/v3").status_code == 404
    assert client.get("/results/fft/v2").status_code == 404  # the FFT file is version 1


def test_free_text_is_redacted_for_everyone_but_the_px_team(app, client):
    location = _ward_with_answers()
    sign_in(client, make_user(Role.PX_TEAM))
    assert "07700 900123" in client.get("/results/ward-environment/v1").get_data(as_text=True)
    client.post("/auth/sign-out")
    sign_in(client, make_user(Role.SERVICE_MANAGER, services=[location.service]))
    page = client.get("/results/ward-environment/v1").get_data(as_text=True)
    assert "07700 900123" not in page and "[phone]" in page
    answers = client.get("/results/ward-environment/v1-answers.csv").get_data(as_text=True)
    assert "07700 900123" not in answers and "[phone]" in answers


def test_a_service_manager_sees_only_their_own_wards(app, client):
    _ward_with_answers()
    other = make_location()
    sign_in(client, make_user(Role.SERVICE_MANAGER, services=[other.service]))
    page = client.get("/results/ward-environment/v1").get_data(as_text=True)
    assert "No responses to this version yet" in page
    assert "ward-environment" not in client.get("/results/").get_data(as_text=True)


def test_the_csv_holds_the_page_figures_and_neutralises_formulas(app, client):
    _ward_with_answers()
    sign_in(client, make_user(Role.PX_TEAM))
    rows = list(csv.reader(io.StringIO(client.get("/results/ward-environment/v1.csv").text)))
    assert rows[0] == ["questionnaire", "version", "question_id", "question", "option", "count"]
    by_option = {(r[2], r[4]): r[5] for r in rows[1:]}
    assert by_option[("", "")] == "10"
    assert by_option[("sleep", "Always")] == "7"
    assert by_option[("sleep", "Never")] == "fewer than 5"
    answers = client.get("/results/ward-environment/v1-answers.csv").text
    assert "'=HYPERLINK" in answers and "\n=HYPERLINK" not in answers


def test_text_of_a_question_fewer_than_5_answered_is_for_the_px_team_only(app, client):
    location = make_location()
    publish_example()
    for number in range(6):
        _answer(location, sleep="always", comment="Only two said this" if number < 2 else "")
    sign_in(client, make_user(Role.PX_TEAM))
    assert "Only two said this" in client.get("/results/ward-environment/v1").text
    client.post("/auth/sign-out")
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/results/ward-environment/v1").text
    assert "Only two said this" not in page and "no figures are shown" in page
    assert "Only two" not in client.get("/results/ward-environment/v1-answers.csv").text


def test_the_fft_has_results_too_from_its_rating_column(app, client):
    location = make_location()
    for rating in (1, 1, 1, 2, 2, 5):
        make_response(location, rating=rating, comment="Lovely")
    sign_in(client, make_user(Role.ADMIN))
    assert "Friends and Family Test" in client.get("/results/").get_data(as_text=True)
    page = client.get("/results/fft/v1").get_data(as_text=True)
    assert "6 responses to version 1" in page
    results = compute_results(load_questionnaire("fft"))
    rating = {c.value: (c.count, c.hidden) for c in results.questions[0].counts}
    assert rating["1"] == (None, Hidden.FEWER_THAN_5) and rating["6"] == (0, None)
