"""The patient experience team's first view of responses, and paper entry."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.surveys.models import Response, ResponseMode
from feedback.surveys.services import summarise_fft
from tests.factories import make_location, make_response, make_user, sign_in

NOVEMBER = datetime(2026, 11, 10, 12, tzinfo=UTC)


def test_summary_counts_exactly_as_nhs_england_does(app):
    location = make_location()
    for rating, mode in [
        (1, ResponseMode.ELECTRONIC_HOME),
        (1, ResponseMode.PAPER_HOME),
        (2, ResponseMode.ELECTRONIC_DISCHARGE),
        (4, ResponseMode.ELECTRONIC_DISCHARGE),
        (6, ResponseMode.ELECTRONIC_HOME),
        (None, ResponseMode.ELECTRONIC_HOME),
    ]:
        make_response(location, rating=rating, mode=mode, submitted_at=NOVEMBER)
    make_response(
        location, rating=5, submitted_at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC)
    )  # 31 Oct in London
    summary = summarise_fft(location.id, NOVEMBER.date().replace(day=1))
    assert summary.score.total == 5  # the comment without a rating is not counted
    assert summary.feedback_without_rating == 1
    assert summary.score.fft_percent_positive == 60 and summary.score.fft_percent_negative == 20
    assert summary.by_mode == {
        ResponseMode.ELECTRONIC_HOME: 2,
        ResponseMode.PAPER_HOME: 1,
        ResponseMode.ELECTRONIC_DISCHARGE: 2,
    }


def test_the_month_is_the_trusts_calendar_month(app):
    location = make_location()
    late = make_response(
        location, submitted_at=datetime(2026, 6, 30, 23, 30, tzinfo=UTC)
    )  # 1 July, 00:30 BST
    assert (
        late.submitted_on.isoformat() == "2026-07-01"
        and late.submitted_month.isoformat() == "2026-07-01"
    )


def test_px_team_sees_locations_by_month_then_each_response(client):
    location = make_location(name="Kirby Ward")
    response = make_response(
        location, rating=2, comment="<b>Lovely</b> staff", submitted_at=NOVEMBER
    )
    sign_in(client, make_user(Role.PX_TEAM))
    listing = client.get("/responses/?month=2026-11").get_data(as_text=True)
    assert "Kirby Ward" in listing and "100%" in listing
    detail = client.get(f"/responses/{location.code}/2026-11").get_data(as_text=True)
    assert "&lt;b&gt;Lovely&lt;/b&gt; staff" in detail  # shown as text, never as markup
    one = client.get(f"/responses/view/{response.id}").get_data(as_text=True)
    assert "Good" in one and "Electronic home" in one


def test_staff_enter_a_paper_card_once_even_if_sent_twice(client):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    form = {
        "entry_key": "card-1",
        "location_id": location.id,
        "mode": "paper_discharge",
        "q_rating": "1",
        "q_reason": "Good care",
        "q_age_band": "25_34",
    }
    assert client.post("/responses/paper/new", data=form).status_code == 302
    assert client.post("/responses/paper/new", data=form).status_code == 302
    [response] = db.session.scalars(select(Response)).all()
    assert response.mode == ResponseMode.PAPER_DISCHARGE and response.entered_by_id is not None
    answers = {a.question_id: a.value for a in response.answers}
    assert answers["age_band"] == "25_34" and answers["about_you"] == "yes"


def test_a_paper_card_must_say_how_it_was_collected(client):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.post(
        "/responses/paper/new", data={"entry_key": "k", "location_id": location.id, "q_rating": "1"}
    )
    assert "Choose how the card was collected" in page.get_data(as_text=True)


def test_a_paper_form_without_its_entry_key_is_refused_not_merged(client):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    form = {"location_id": location.id, "mode": "paper_home", "q_rating": "2"}
    page = client.post("/responses/paper/new", data=form)
    assert "Reload the page and enter the card again" in page.get_data(as_text=True)
    assert db.session.scalars(select(Response)).all() == []
