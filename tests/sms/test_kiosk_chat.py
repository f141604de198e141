"""The chat on a ward tablet: offered on the kiosk's start page, counted as the kiosk's
feedback, and shown only to the browser session that started it until it finishes."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.kiosks.services import kiosk_token
from feedback.sms.models import SmsConversation
from feedback.surveys.models import Response, ResponseMode
from tests.factories import make_kiosk, make_location
from tests.sms.helpers import settings


@pytest.fixture
def app(make_app):  # type: ignore[no-untyped-def]
    app = make_app(**settings())
    with app.app_context():
        yield app


@pytest.fixture
def tablet(app):  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(make_location("BEECH", name="Beech Ward, Evington Centre"))
    return kiosk, kiosk_token(kiosk, app.config["SECRET_KEY"])


def _start(client, token: str) -> str:  # type: ignore[no-untyped-def]
    page = client.get(f"/kiosk/{token}/").get_data(as_text=True)
    assert f'action="/text/kiosk/{token}"' in page and "Answer as a chat" in page
    started = client.post(f"/text/kiosk/{token}")
    assert started.status_code == 303
    return started.headers["Location"]


def test_the_kiosk_offers_the_chat_and_its_answers_count_as_the_kiosks(app, tablet):
    kiosk, token = tablet
    client = app.test_client()
    chat = _start(client, token)
    page = client.get(chat).get_data(as_text=True)
    assert 'id="app-timeout"' in page and "Finish and clear the screen" in page
    conversation = db.session.scalars(select(SmsConversation)).one()
    assert conversation.kiosk_id == kiosk.id and conversation.invite_id is None
    client.post(chat, data={"reply": "1 lovely staff", "key": "k-0001"})
    response = db.session.scalars(select(Response)).one()
    assert (response.mode, response.kiosk_id, response.location_id) == (
        ResponseMode.ELECTRONIC_DISCHARGE,
        kiosk.id,
        kiosk.location_id,
    )
    page = client.get(chat).get_data(as_text=True)
    assert 'id="app-return-notice"' in page and f"/text/{conversation.web_token}/finish" in page


def test_the_next_person_on_the_tablet_cannot_read_the_last_chat(app, tablet):
    _kiosk, token = tablet
    client = app.test_client()
    chat = _start(client, token)
    client.post(chat, data={"reply": "2 but the food was cold", "key": "k-0002"})
    assert app.test_client().get(chat).status_code == 404  # another browser
    finished = client.post(f"{chat.split('?')[0]}/finish")
    assert finished.status_code == 303
    assert finished.headers["Location"].startswith(f"/kiosk/{token}/")
    # The same browser, after finishing (the back button): gone too, and nothing was lost.
    assert client.get(chat).status_code == 404
    assert client.post(chat, data={"reply": "more", "key": "k-0003"}).status_code == 404
    assert db.session.scalars(select(Response)).one().fft_rating == 2


def test_an_unknown_kiosk_cannot_start_a_chat_and_home_links_offer_the_chat_page(app, tablet):
    assert app.test_client().post("/text/kiosk/not-a-kiosk").status_code == 404
    page = app.test_client().get("/feedback/BEECH/").get_data(as_text=True)
    assert 'href="/text/start/BEECH' in page
    assert app.test_client().post("/text/start/BEECH").status_code == 405
