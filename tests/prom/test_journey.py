"""The PROM on the journey engine: a response is always linked to its offer (by the home code,
a tablet start or a peer interviewer's start), records who helped, is made once however often
the last page is sent, and never counts as an FFT response."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.compute import recompute_range
from feedback.metrics.models import FftDay
from feedback.prom.models import CompletionMode, PromOffer, PromResponse, PromVersion
from feedback.surveys import views
from feedback.surveys.models import Response
from feedback.web.assets import asset_url
from tests.factories import make_location, make_user, sign_in
from tests.prom.helpers import ALL_YES, answer_prom, make_offer

START = "/forms/care-plan-prom/"


def _only_response() -> PromResponse:
    return db.session.scalars(select(PromResponse)).one()


def test_the_home_code_opens_the_questionnaire_for_its_offer(client):
    location = make_location()
    offer = make_offer(location, make_user())
    typed = f" {offer.home_code[:4].lower()}-{offer.home_code[4:]} "  # as people type it
    opened = client.post("/prom/", data={"code": typed})
    assert opened.status_code == 302
    assert opened.headers["Location"].endswith(f"{START}?invite={offer.home_code}")
    answers = {**ALL_YES, "has_copy": "no", "people_involved": "not_wanted"}
    last = answer_prom(client, opened.headers["Location"], answers)
    assert last.headers["Location"].endswith(f"{START}thank-you")
    response = _only_response()
    assert response.offer_id == offer.id
    assert (response.mode, response.at_home, response.peer_code) == (
        CompletionMode.ALONE,
        True,
        None,
    )
    assert (response.has_copy, response.people_involved, response.planned_talk) == (
        "no",
        "not_wanted",
        "yes",
    )
    assert (response.questionnaire, response.language, response.easy_read) == (
        "care-plan-prom",
        "en",
        False,
    )
    again = client.post("/prom/", data={"code": offer.home_code})
    assert again.status_code == 400
    assert "This code has already been used" in again.get_data(as_text=True)


@pytest.mark.parametrize(
    ("code", "message"),
    [("", "Enter the code from your slip"), ("ZZZZ2222", "We cannot find that code")],
)
def test_a_code_that_cannot_be_used_says_why(client, code, message):
    response = client.post("/prom/", data={"code": code})
    assert response.status_code == 400 and message in response.get_data(as_text=True)


def test_a_code_runs_out_after_the_set_number_of_days(client):
    offer = make_offer(make_location(), make_user(), offered_on=trust_today() - timedelta(days=29))
    page = client.get(f"/prom/code/{offer.home_code}")
    assert page.status_code == 404 and "This code has run out" in page.get_data(as_text=True)
    assert client.get(f"{START}?invite={offer.home_code}").status_code == 410


def test_the_qr_address_opens_the_version_that_was_offered(client):
    offer = make_offer(make_location(), make_user(), version=PromVersion.YOUNG_PERSON)
    opened = client.get(f"/prom/code/{offer.home_code}")
    assert opened.headers["Location"].endswith(
        f"/forms/care-plan-prom-cyp/?invite={offer.home_code}"
    )
    answer_prom(client, opened.headers["Location"])
    assert _only_response().questionnaire == "care-plan-prom-cyp"


def test_another_versions_form_does_not_take_the_code(client):
    offer = make_offer(make_location(), make_user(), version=PromVersion.CARER)
    # Refused as the person arrives, not after they have answered every question.
    assert client.get(f"{START}?invite={offer.home_code}").status_code == 410
    assert client.post(f"{START}planned_talk", data={"answer": "yes"}).status_code == 302
    assert client.get(f"/forms/care-plan-prom-carer/?invite={offer.home_code}").status_code == 200
    assert db.session.scalars(select(PromResponse)).all() == []


def test_two_devices_sending_one_offer_at_the_same_instant_get_no_server_error(
    app, client, monkeypatch
):
    # SQLite has no row lock: the second device's insert is refused by the unique offer id
    # instead of waiting and finding the offer answered. It is told the link was used.
    offer = make_offer(make_location(), make_user())
    other = app.test_client()
    answers = dict(ALL_YES)
    last_question, last_value = answers.popitem()
    answer_prom(client, f"{START}?invite={offer.home_code}", answers)
    answer_prom(other, f"{START}?invite={offer.home_code}", answers)
    assert client.post(f"{START}{last_question}", data={"answer": last_value}).status_code == 302

    def refused(*args, **kwargs):
        raise IntegrityError("INSERT INTO prom_response", {}, Exception("UNIQUE offer_id"))

    # Both devices passed the link's check before either had committed.
    monkeypatch.setattr(views, "_invite_is_open", lambda *args: True)
    monkeypatch.setattr(views.services, "submit_journey", refused)
    page = other.post(f"{START}{last_question}", data={"answer": last_value})
    assert page.status_code == 410
    assert "used" in page.get_data(as_text=True)
    assert _only_response().offer_id == offer.id


def test_no_invitation_no_questionnaire(client):
    assert client.get(START).status_code == 410
    assert client.get(f"{START}planned_talk").status_code == 302


@pytest.mark.parametrize("mode", ["alone", "staff_help", "carer"])
def test_staff_start_it_on_the_tablet_with_the_help_given(client, mode):
    location = make_location()
    staff = make_user(Role.SERVICE_MANAGER, services=[location.service])
    offer = make_offer(location, staff)
    sign_in(client, staff)
    started = client.post(f"/prom/offers/{offer.id}/start", data={"mode": mode})
    assert started.status_code == 302 and START in started.headers["Location"]
    answer_prom(client, started.headers["Location"])
    response = _only_response()
    assert (response.mode.value, response.at_home, response.offer_id) == (mode, False, offer.id)
    # The home code of an answered offer no longer works.
    assert client.get(f"/prom/code/{offer.home_code}").status_code == 404


def test_starting_needs_who_is_helping(client):
    location = make_location()
    staff = make_user(Role.PX_TEAM)
    offer = make_offer(location, staff)
    sign_in(client, staff)
    page = client.post(f"/prom/offers/{offer.id}/start", data={})
    assert page.status_code == 400
    assert "Choose who is helping them answer" in page.get_data(as_text=True)


def test_a_peer_interviewer_starts_an_assisted_prom_on_their_ward(client):
    from feedback.prom.services import set_peer

    location = make_location(name="Stewart House")
    peer = make_user(Role.PEER_INTERVIEWER, name="Robin Okafor")
    set_peer(peer, "PI-07", [location])
    db.session.commit()
    sign_in(client, peer)
    started = client.post(
        f"/prom/peer/wards/{location.id}", data={"version": "care-plan-prom", "accepted": "yes"}
    )
    assert started.status_code == 302
    thank_you = client.get(answer_prom(client, started.headers["Location"]).headers["Location"])
    assert "Back to your wards" in thank_you.get_data(as_text=True)
    response = _only_response()
    assert (response.mode, response.peer_code) == (CompletionMode.PEER, "PI-07")
    offer = db.session.get(PromOffer, response.offer_id)
    assert offer.location_id == location.id and offer.recorded_by_id == peer.id
    # Reports show the code, never the name.
    admin = make_user(Role.ADMIN)
    client.post("/auth/sign-out")
    sign_in(client, admin)
    listing = client.get("/prom/offers/").get_data(as_text=True)
    assert "PI-07" in listing and "Robin Okafor" not in listing


def test_a_peer_interviewer_records_a_no_too(client):
    from feedback.prom.services import set_peer

    location = make_location()
    peer = make_user(Role.PEER_INTERVIEWER)
    set_peer(peer, "PI-02", [location])
    db.session.commit()
    sign_in(client, peer)
    done = client.post(
        f"/prom/peer/wards/{location.id}",
        data={"version": "care-plan-prom-carer", "accepted": "no", "decline_reason": "not_wanted"},
    )
    assert done.status_code == 302 and done.headers["Location"].endswith("/prom/peer/")
    offer = db.session.scalars(select(PromOffer)).one()
    assert not offer.accepted and offer.version == PromVersion.CARER


def test_a_double_tap_on_the_last_page_makes_one_response(client):
    offer = make_offer(make_location(), make_user())
    answers = dict(ALL_YES)
    last_question, last_value = answers.popitem()
    answer_prom(client, f"{START}?invite={offer.home_code}", answers)
    first = client.post(f"{START}{last_question}", data={"answer": last_value})
    second = client.post(f"{START}{last_question}", data={"answer": last_value})
    assert first.status_code == second.status_code == 302
    assert second.headers["Location"].endswith("thank-you")
    assert db.session.scalar(select(func.count(PromResponse.id))) == 1


def test_answers_in_urdu_and_easy_read_are_recorded_as_such(client):
    offer = make_offer(make_location(), make_user())
    page = client.get(f"{START}?invite={offer.home_code}&lang=ur&easy_read=yes")
    text = page.get_data(as_text=True)
    assert 'lang="ur"' in text and asset_url("easy-read/care-plan.svg") in text
    answer_prom(client, f"{START}?invite={offer.home_code}")
    response = _only_response()
    assert (response.language, response.easy_read) == ("ur", True)


def test_the_easy_read_first_page_explains_what_a_care_plan_is(client):
    offer = make_offer(make_location(), make_user())
    text = client.get(f"{START}?invite={offer.home_code}&easy_read=yes").get_data(as_text=True)
    assert "A care plan says what help you will get." in text
    assert asset_url("easy-read/care-plan.svg") in text


def test_a_bad_answer_is_refused_in_the_persons_language(client):
    offer = make_offer(make_location(), make_user())
    client.get(f"{START}?invite={offer.home_code}&lang=pl")
    page = client.post(f"{START}planned_talk", data={"answer": "maybe"})
    assert page.status_code == 200
    assert "Wybierz" in page.get_data(as_text=True) or "Prosimy" in page.get_data(as_text=True)


def test_prom_answers_never_count_in_the_fft_figures(client):
    location = make_location()
    offer = make_offer(location, make_user())
    answer_prom(client, f"{START}?invite={offer.home_code}")
    assert db.session.scalar(select(func.count(PromResponse.id))) == 1
    today = trust_today()
    recompute_range(today - timedelta(days=1), today)
    assert db.session.scalar(select(func.count(Response.id))) == 0
    assert db.session.scalar(select(func.count()).select_from(FftDay)) == 0


def test_a_code_with_control_characters_is_refused_on_a_valid_page(client):
    # The code is shown back with its error; a control character in it made the page invalid
    # HTML (found by the fuzz tests).
    for page in (
        client.get("/prom/code/AB%07CD"),
        client.get("/prom/code/AB%00CD"),
        client.post("/prom/", data={"code": "AB\x07\x00"}),
    ):
        assert page.status_code in (400, 404)
        assert "\x07" not in page.get_data(as_text=True)
