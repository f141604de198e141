"""Local surveys run on the journey engine: at a ward's link, trust-wide, within their dates,
and as before-and-after pairs linked by a code."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from feedback.db import trust_today
from feedback.extensions import db
from feedback.local_surveys.definitions import check_files
from feedback.local_surveys.models import PairCode, Stage
from feedback.local_surveys.pairs import normalise_code, shown_code
from feedback.local_surveys.publishing import publish
from feedback.metrics.compute import recompute_everything
from feedback.metrics.fft_return import return_rows
from feedback.metrics.models import FftDay
from feedback.surveys.models import Answer, Response, ResponseMode
from feedback.surveys.services import month_start, summarise_fft
from tests.factories import make_location, make_response
from tests.local_surveys.helpers import example_files, publish_example, walk, with_dates
from tests.surveys.journey_helpers import complete_fft

WARD_ANSWERS = [
    ("sleep", "sometimes"),
    ("clean", "very_clean"),
    ("improve", ["garden", "food"]),
    ("comment", "The garden is lovely"),
]


def test_a_team_survey_runs_at_a_wards_link_and_keeps_its_version(client):
    location = make_location()
    publish_example()
    base = f"/forms/ward-environment/at/{location.code}"
    assert "Our ward: your surroundings" in client.get(f"{base}/").get_data(as_text=True)
    assert walk(client, base, WARD_ANSWERS).headers["Location"].endswith(f"{base}/thank-you")
    response = db.session.scalar(select(Response))
    assert (response.questionnaire, response.questionnaire_version) == ("ward-environment", 1)
    assert (response.location_id, response.mode) == (location.id, ResponseMode.ELECTRONIC_HOME)
    assert response.fft_rating is None
    answers = {(a.question_id, a.value) for a in response.answers}
    assert ("improve", "garden") in answers and ("improve", "food") in answers


def test_a_ward_survey_has_no_trust_wide_link_and_the_fft_keeps_its_own(client):
    location = make_location()
    publish_example()
    assert client.get("/forms/ward-environment/").status_code == 404
    assert client.get(f"/forms/fft/at/{location.code}/").status_code == 404
    assert client.get(f"/forms/nosuch/at/{location.code}/").status_code == 404
    assert client.get("/forms/ward-environment/at/NOWHERE/").status_code == 404


def test_an_event_evaluation_for_the_whole_trust_belongs_to_no_ward(client):
    publish_example("carers-event")
    walk(client, "/forms/carers-event", [("useful", "very"), ("again", "yes"), ("better", "")])
    response = db.session.scalar(select(Response))
    assert response.questionnaire == "carers-event" and response.location_id is None


def _publish_with_dates(opens_on, closes_on):  # type: ignore[no-untyped-def]
    files = example_files("ward-environment")
    files["questionnaire.toml"] = with_dates(files["questionnaire.toml"], opens_on, closes_on)
    publish(check_files(files), "upload")
    db.session.commit()


def test_outside_its_dates_the_page_says_so_kindly_in_the_persons_language(client):
    location = make_location()
    today = trust_today()
    _publish_with_dates(today - timedelta(30), today - timedelta(1))
    base = f"/forms/ward-environment/at/{location.code}"
    page = client.get(f"{base}/").get_data(as_text=True)
    assert "This survey has closed" in page and "Thank you for wanting to take part" in page
    assert client.post(f"{base}/sleep", data={"answer": "never"}).status_code == 200
    assert db.session.scalar(select(func.count(Response.id))) == 0
    urdu = client.get(f"{base}/?lang=ur").get_data(as_text=True)
    assert "یہ سروے بند ہو گیا ہے" in urdu


def test_before_its_opening_day_the_page_says_when_it_opens(client):
    location = make_location()
    today = trust_today()
    _publish_with_dates(today + timedelta(3), today + timedelta(30))
    page = client.get(f"/forms/ward-environment/at/{location.code}/").get_data(as_text=True)
    assert "This survey is not open yet" in page
    assert (today + timedelta(3)).strftime("%Y") in page


def test_someone_part_way_through_may_finish_after_it_closes(client):
    location = make_location()
    today = trust_today()
    _publish_with_dates(today - timedelta(7), today + timedelta(7))
    base = f"/forms/ward-environment/at/{location.code}"
    walk(client, base, WARD_ANSWERS[:2])
    _publish_with_dates(today - timedelta(7), today - timedelta(1))  # closed meanwhile
    client.post(f"{base}/improve", data={})
    assert client.post(f"{base}/comment", data={"answer": "Done"}).status_code == 302
    assert db.session.scalar(select(func.count(Response.id))) == 1


def _before(client) -> str:  # type: ignore[no-untyped-def]
    base = "/forms/camhs-transition-before"
    start = client.get(f"{base}/").get_data(as_text=True)
    assert "What is the code" not in start
    walk(client, base, [("ready", "a_bit"), ("know_who", "no"), ("worries", "")])
    page = client.get(f"{base}/thank-you").get_data(as_text=True)
    code = db.session.scalar(select(PairCode.code).where(PairCode.stage == Stage.BEFORE))
    assert shown_code(code) in page and "Write this code down" in page
    return code


def test_before_gives_a_code_and_after_links_to_it(client):
    publish_example("camhs-transition")
    code = _before(client)
    assert client.get("/forms/camhs-transition-before/pair_code").status_code == 404
    after = "/forms/camhs-transition-after"
    assert "the first question asks for it" in client.get(f"{after}/").get_data(as_text=True)
    typed = f" {shown_code(code).lower()} "
    walk(client, after, [("pair_code", typed), ("ready", "very"), ("know_who", "yes")])
    client.post(f"{after}/worries", data={})
    before, later = db.session.scalars(select(Response).order_by(Response.id)).all()
    assert (before.questionnaire, later.questionnaire) == (
        "camhs-transition-before",
        "camhs-transition-after",
    )
    link = db.session.scalar(select(PairCode).where(PairCode.stage == Stage.AFTER))
    assert (link.response_id, link.before_response_id, link.code) == (later.id, before.id, code)


def test_a_wrong_or_missing_code_still_records_the_answers_unlinked(client):
    publish_example("camhs-transition")
    _before(client)
    after = "/forms/camhs-transition-after"
    walk(client, after, [("pair_code", "not a code"), ("ready", "not"), ("know_who", "yes")])
    client.post(f"{after}/worries", data={})
    client.post(f"{after}/reset")
    walk(client, after, [("pair_code", None), ("ready", "very"), ("know_who", None)])
    client.post(f"{after}/worries", data={})
    assert db.session.scalar(select(func.count(Response.id))) == 3
    assert db.session.scalar(select(func.count(PairCode.id))) == 1  # the "before" code only


def test_a_double_tap_at_the_end_of_before_shows_the_same_code(client):
    publish_example("camhs-transition")
    code = _before(client)
    again = client.post("/forms/camhs-transition-before/worries", data={"answer": "x"})
    assert again.headers["Location"].endswith("/thank-you")
    assert shown_code(code) in client.get(again.headers["Location"]).get_data(as_text=True)
    assert db.session.scalar(select(func.count(Response.id))) == 1


def test_codes_are_read_as_people_write_them():
    assert normalise_code("k7pq-4xmr") == "K7PQ4XMR"
    assert normalise_code("K7PQ 4XMR") == "K7PQ4XMR"
    assert normalise_code("K7PQ4XM0") is None  # 0 is never in a code
    assert normalise_code("short") is None


def test_local_survey_responses_never_count_in_fft_figures(client):
    location = make_location()
    make_response(location, rating=2)
    publish_example()
    base = f"/forms/ward-environment/at/{location.code}"
    for _ in range(3):
        walk(client, base, WARD_ANSWERS)
    complete_fft(client, f"/feedback/{location.code}", rating="1")
    recompute_everything(trust_today())
    db.session.commit()
    month = month_start(trust_today())
    summary = summarise_fft(location.id, month)
    assert summary.score.total == 2 and summary.feedback_without_rating == 0
    assert db.session.scalar(select(func.sum(FftDay.no_rating))) == 0
    rows = [row for rows in return_rows(month).values() for row in rows]
    assert sum(row.total for row in rows) == 2
    assert (
        db.session.scalar(select(func.count(Answer.id)).where(Answer.question_id == "sleep")) == 3
    )


def test_a_journey_through_a_local_survey_in_urdu_uses_its_translation(client):
    location = make_location()
    publish_example()
    base = f"/forms/ward-environment/at/{location.code}"
    client.get(f"{base}/?lang=ur")
    page = client.get(f"{base}/sleep").get_data(as_text=True)
    assert "کیا وارڈ رات کو سونے کے لیے کافی پرسکون ہے؟" in page
    walk(client, base, WARD_ANSWERS)
    assert db.session.scalar(select(Response.language)) == "ur"


def test_a_language_without_a_translation_falls_back_to_english(client):
    # The example has no Gujarati file: the page is in English, inside the Gujarati layout.
    location = make_location()
    publish_example()
    base = f"/forms/ward-environment/at/{location.code}"
    client.get(f"{base}/?lang=gu")
    page = client.get(f"{base}/sleep").get_data(as_text=True)
    assert "Is the ward quiet enough" in page and '<html lang="gu"' in page


def test_a_journey_begun_before_a_new_version_is_still_recorded(client):
    location = make_location()
    publish_example()
    base = f"/forms/ward-environment/at/{location.code}"
    walk(client, base, [("sleep", "sometimes"), ("clean", None), ("improve", ["food", "garden"])])
    publish_example(
        **{"version = 1": "version = 2", '{ value = "food", label = "Better food" },\n': ""}
    )
    assert client.post(f"{base}/comment", data={"answer": "Fine"}).status_code == 302
    response = db.session.scalar(select(Response))
    assert response.questionnaire_version == 2
    assert {a.question_id for a in response.answers} == {"sleep", "comment"}
