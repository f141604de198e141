"""Staff record each offer (the denominator): accepted ones open the PROM, declined ones need
a reason from the list, and the form refuses what cannot be right with a clear message."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.prom.models import DeclineReason, PromInvite, PromOffer
from tests.factories import make_location, make_user, sign_in
from tests.prom.helpers import make_offer


def _form(location, **fields):  # type: ignore[no-untyped-def]
    return {
        "location_id": str(location.id),
        "offered_on": trust_today().isoformat(),
        "version": "care-plan-prom",
        "accepted": "yes",
        **fields,
    }


def test_an_accepted_offer_gets_a_home_code_and_opens_on_its_own_page(client):
    location = make_location(name="Ashby Ward")
    sign_in(client, make_user(Role.PX_TEAM))
    response = client.post("/prom/offers/new", data=_form(location))
    assert response.status_code == 302
    offer = db.session.scalars(select(PromOffer)).one()
    assert response.headers["Location"].endswith(f"/prom/offers/{offer.id}")
    assert offer.accepted and offer.decline_reason is None
    assert offer.offered_month == trust_today().replace(day=1)
    assert len(offer.home_code) == 8
    invite = db.session.scalars(select(PromInvite)).one()
    assert invite.token == offer.home_code and invite.at_home
    page = client.get(f"/prom/offers/{offer.id}").get_data(as_text=True)
    assert f"{offer.home_code[:4]} {offer.home_code[4:]}" in page
    assert "Start the questionnaire" in page
    slip = client.get(f"/prom/offers/{offer.id}/slip").get_data(as_text=True)
    assert f"{offer.home_code[:4]} {offer.home_code[4:]}" in slip and "<svg" in slip


def test_a_declined_offer_keeps_its_reason_and_no_code(client):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    response = client.post(
        "/prom/offers/new", data=_form(location, accepted="no", decline_reason="too_unwell")
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("/prom/offers/")
    offer = db.session.scalars(select(PromOffer)).one()
    assert not offer.accepted and offer.decline_reason == DeclineReason.TOO_UNWELL
    assert offer.home_code is None and db.session.scalars(select(PromInvite)).all() == []
    assert "Too unwell or distressed today" in client.get("/prom/offers/").get_data(as_text=True)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"accepted": "no"}, "Choose why they said no"),
        ({"decline_reason": "other"}, "Leave the reason empty when they agreed"),
        ({"accepted": ""}, "Choose whether they agreed"),
        ({"version": ""}, "Choose who is answering"),
        ({"version": "fft"}, "Not a valid choice"),
        ({"offered_on": ""}, "Enter the date you offered it"),
        ({"offered_on": "31/02/2026"}, "Not a valid date value"),
        ({"offered_on": 1}, "today or in the past"),  # days from today, read when the test runs
        (
            {"offered_on": (trust_today() - timedelta(days=120)).isoformat()},
            "within the last 3 months",
        ),
    ],
)
def test_an_offer_that_cannot_be_right_is_refused_with_a_message(client, fields, message):
    # A date is given as days from today and worked out here, not when the tests were collected:
    # a run that crosses midnight would otherwise post "tomorrow" on tomorrow.
    if isinstance(fields.get("offered_on"), int):
        fields = {"offered_on": (trust_today() + timedelta(days=fields["offered_on"])).isoformat()}
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    response = client.post("/prom/offers/new", data=_form(location, **fields))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.session.scalars(select(PromOffer)).all() == []


def test_a_manager_records_offers_only_on_their_own_services(client):
    mine, theirs = make_location(), make_location()
    manager = make_user(Role.SERVICE_MANAGER, services=[mine.service])
    sign_in(client, manager)
    page = client.get("/prom/offers/new").get_data(as_text=True)
    assert mine.name in page and theirs.name not in page
    assert client.post("/prom/offers/new", data=_form(theirs)).status_code == 400
    assert client.post("/prom/offers/new", data=_form(mine)).status_code == 302
    assert db.session.scalars(select(PromOffer.location_id)).all() == [mine.id]


def test_the_database_refuses_a_decline_without_a_reason(app):
    location = make_location()
    today = trust_today()
    db.session.add(
        PromOffer(
            location_id=location.id,
            offered_on=today,
            offered_month=today.replace(day=1),
            version="care-plan-prom",
            accepted=False,
            decline_reason=None,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.flush()


def test_a_declined_offers_page_says_so_and_offers_no_start(client):
    location = make_location()
    px = make_user(Role.PX_TEAM)
    offer = make_offer(location, px, accepted=False, reason=DeclineReason.NO_CARE_PLAN)
    sign_in(client, px)
    page = client.get(f"/prom/offers/{offer.id}").get_data(as_text=True)
    assert "Declined: Has no care plan yet" in page and "Start the questionnaire" not in page
    assert client.get(f"/prom/offers/{offer.id}/slip").status_code == 404
    assert client.post(f"/prom/offers/{offer.id}/start", data={"mode": "alone"}).status_code == 302
