"""The FFT journey from a home link and from a ward tablet, end to end."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.surveys.models import Answer, Journey, Response, ResponseMode
from feedback.surveys.text import clean_free_text
from tests.factories import make_kiosk, make_location
from tests.surveys.journey_helpers import answer, complete_fft


def _responses() -> list[Response]:
    return list(db.session.scalars(select(Response)))


def test_a_carer_at_home_completes_the_fft_and_it_is_stored_once(client):
    location = make_location()
    base = f"/feedback/{location.code}"

    final = complete_fft(client, base, rating="2", comment="Nurses listened")

    assert final.headers["Location"].endswith(f"{base}/thank-you")
    thanks = client.get(f"{base}/thank-you")
    assert "Thank you" in thanks.get_data(as_text=True)
    [response] = _responses()
    assert response.fft_rating == 2
    assert response.mode == ResponseMode.ELECTRONIC_HOME
    assert (response.questionnaire, response.questionnaire_version) == ("fft", 1)
    assert (response.language, response.easy_read) == ("en", False)
    answers = {a.question_id: a.value for a in response.answers}
    assert answers == {"reason": "Nurses listened", "respondent": "patient", "about_you": "no"}


def test_about_you_answers_are_kept_only_when_the_person_chose_to_give_them(client):
    location = make_location()
    complete_fft(
        client, f"/feedback/{location.code}", about_you={"age_band": "25_34", "sex": "female"}
    )
    [response] = _responses()
    answers = {a.question_id: a.value for a in response.answers}
    assert answers["age_band"] == "25_34" and answers["sex"] == "female"
    assert "ethnicity" not in answers  # skipped, as every about-you question may be


def test_the_pages_count_the_questions_on_this_persons_path(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    assert "Question 1 of 4" in client.get(f"{base}/rating").get_data(as_text=True)
    for question, value in (
        ("rating", "1"),
        ("reason", ""),
        ("respondent", "carer"),
        ("about_you", "yes"),
    ):
        answer(client, base, question, value)
    assert "Question 5 of 8" in client.get(f"{base}/age_band").get_data(as_text=True)


def test_a_ward_tablet_records_electronic_discharge_and_the_kiosk(client):
    location = make_location()
    kiosk = make_kiosk(location)
    from feedback.kiosks.services import kiosk_token

    base = f"/kiosk/{kiosk_token(kiosk, 'test-secret-key')}"
    complete_fft(client, base)
    [response] = _responses()
    assert response.mode == ResponseMode.ELECTRONIC_DISCHARGE
    assert response.kiosk_id == kiosk.id
    assert response.location_id == location.id


def test_a_double_tap_on_the_final_button_records_one_response(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    first = complete_fft(client, base)
    second = answer(client, base, "about_you", "no")  # the same tap again, or a retry
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"].endswith("/thank-you")
    assert db.session.scalar(select(func.count(Response.id))) == 1


def test_a_race_between_two_submits_of_one_journey_records_one_response(client, app):
    from feedback.surveys import services
    from feedback.surveys.schema import load_questionnaire

    location = make_location()
    base = f"/feedback/{location.code}"
    answer(client, base, "rating", "1")
    journey = db.session.scalars(select(Journey)).one()
    # The other request got there first: its response exists but this journey looks unfinished.
    services.create_response(
        questionnaire=load_questionnaire("fft"),
        answers={"rating": "1"},
        location_id=location.id,
        mode=ResponseMode.ELECTRONIC_HOME,
        idempotency_key=journey.id,
    )
    db.session.commit()
    answer(client, base, "reason", "")
    answer(client, base, "respondent", "")
    final = answer(client, base, "about_you", "no")
    assert final.headers["Location"].endswith("/thank-you")
    assert db.session.scalar(select(func.count(Response.id))) == 1


def test_back_after_thank_you_never_shows_the_previous_persons_answers(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    complete_fft(client, base, comment="Private words")
    again = client.get(f"{base}/reason")
    assert again.status_code == 302 and again.headers["Location"].endswith(f"{base}/")
    # and the draft answers are gone from the server once the response is stored
    assert all(j.answers == {} for j in db.session.scalars(select(Journey)))


def test_patient_pages_are_never_cached_and_forms_do_not_autocomplete(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    page = client.get(f"{base}/rating")
    assert "no-store" in page.headers["Cache-Control"]
    assert 'autocomplete="off"' in page.get_data(as_text=True)


def test_missing_rating_gets_a_clear_message_in_the_error_summary(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    page = answer(client, base, "rating", None)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "There is a problem" in html and "Select how your experience of our service was" in html
    assert "<title>Error:" in html


def test_tampered_and_out_of_range_answers_get_a_message_not_a_500(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    fullwidth_one = "\uff11"
    for value in ("7", "0", "-1", "1 OR 1=1", "<script>", fullwidth_one):
        page = answer(client, base, "rating", value)
        assert page.status_code == 200
        assert "Select one of the options shown" in page.get_data(as_text=True)
    assert client.get(f"{base}/not-a-question").status_code == 404


def test_free_text_over_the_limit_is_refused_with_the_count(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    answer(client, base, "rating", "1")
    page = answer(client, base, "reason", "\u0627" * 5001)  # Arabic-script alef
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "5000 characters or fewer" in html and "5001" in html


def test_the_longest_comment_in_urdu_survives_the_journey(client):
    # 5,000 Urdu characters are about 10 KB: far beyond what a cookie could carry.
    location = make_location()
    comment = ("مریضوں کا خیال رکھا گیا " * 300)[:5000].strip()
    base = f"/feedback/{location.code}"
    client.get(f"{base}/?lang=ur&easy_read=yes")
    complete_fft(client, base, comment=comment)
    [response] = _responses()
    assert {a.question_id: a.value for a in response.answers}["reason"] == comment
    assert (response.language, response.easy_read) == ("ur", True)


def test_script_and_control_characters_are_stored_inert(client):
    location = make_location()
    complete_fft(
        client, f"/feedback/{location.code}", comment="<script>alert(1)</script>\x00\x1b ok"
    )
    stored = db.session.scalar(select(Answer.value).where(Answer.question_id == "reason"))
    assert stored == "<script>alert(1)</script> ok"


def test_unknown_and_retired_locations_get_a_friendly_not_found_page(client):
    from feedback.organisation.services import set_retired

    assert client.get("/feedback/NO-SUCH-WARD/").status_code == 404
    location = make_location()
    set_retired(location, True)
    db.session.commit()
    page = client.get(f"/feedback/{location.code}/")
    assert page.status_code == 404 and "Page not found" in page.get_data(as_text=True)


def test_a_later_question_without_a_journey_goes_to_the_start(client):
    location = make_location()
    page = client.get(f"/feedback/{location.code}/reason")
    assert page.status_code == 302
    assert page.headers["Location"].endswith(f"/feedback/{location.code}/")


def test_looking_at_the_first_question_stores_nothing(client):
    location = make_location()
    assert client.get(f"/feedback/{location.code}/rating").status_code == 200
    assert db.session.scalar(select(func.count(Journey.id))) == 0


def test_the_first_question_after_thank_you_is_blank_for_the_next_person(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    complete_fft(client, base, rating="4")
    page = client.get(f"{base}/rating").get_data(as_text=True)
    assert "checked" not in page
    complete_fft(client, base, rating="1")  # the next person's answers are a new response
    assert sorted(r.fft_rating for r in _responses()) == [1, 4]


def test_an_abandoned_kiosk_journey_is_cleared_for_the_next_person(client, app):
    location = make_location()
    kiosk = make_kiosk(location)
    from feedback.kiosks.services import kiosk_token

    base = f"/kiosk/{kiosk_token(kiosk, 'test-secret-key')}"
    answer(client, base, "rating", "5")
    journey = db.session.scalars(select(Journey)).one()
    journey.updated_at = journey.updated_at - timedelta(hours=1)
    db.session.commit()
    page = client.get(f"{base}/reason")
    assert page.status_code == 302 and page.headers["Location"].endswith(f"{base}/")
    assert db.session.scalar(select(func.count(Journey.id))) == 0


def test_reset_clears_an_unfinished_journey(client):
    location = make_location()
    base = f"/feedback/{location.code}"
    answer(client, base, "rating", "3")
    assert client.post(f"{base}/reset").status_code == 302
    assert db.session.scalar(select(func.count(Journey.id))) == 0
    assert _responses() == []


def test_an_expired_form_on_a_public_page_offers_a_fresh_start(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        location = make_location()
        client = app.test_client()
        page = client.post(
            f"/feedback/{location.code}/rating", data={"answer": "1", "csrf_token": "stale"}
        )
        html = page.get_data(as_text=True)
        assert page.status_code == 400
        assert "Please start again" in html and f"/feedback/{location.code}/" in html
        assert _responses() == []


def test_a_blank_choice_on_an_optional_question_is_no_answer_not_a_500(client):
    # Optional() ended validation on the blank and cleared "not an option": the space reached
    # the journey as an answer (found by the fuzz tests).
    location = make_location()
    base = f"/feedback/{location.code}"
    client.get(f"{base}/")
    for question, value in (("rating", "1"), ("reason", "Fine"), ("respondent", "patient")):
        assert answer(client, base, question, value).status_code == 302
    assert answer(client, base, "about_you", " ").status_code == 302
    assert (
        db.session.scalar(select(func.count(Answer.id)).where(Answer.question_id == "about_you"))
        == 0
    )


def test_control_characters_typed_into_one_line_and_date_answers_are_not_shown_back(client):
    # Shown back on an error they made the page invalid HTML; a NUL also breaks PostgreSQL.
    client.get("/forms/complaint/")
    page = client.post("/forms/complaint/email", data={"answer": "pat\x10@\x00"})
    assert "\x10" not in page.get_data(as_text=True)
    dated = client.post(
        "/forms/complaint/happened_on",
        data={"answer-day": "3\x12", "answer-month": "\x08", "answer-year": "19\x1b90"},
    )
    assert not set("\x12\x08\x1b") & set(dated.get_data(as_text=True))


def test_unicode_noncharacters_are_dropped_from_free_text():
    assert clean_free_text("kind\ufffe staff\U0010ffff\ufdd0") == "kind staff"
