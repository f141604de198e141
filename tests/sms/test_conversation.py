"""The text conversation, driven through Notify's inbound callback as the provider posts it."""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.sms.models import ConversationState, SmsConversation, SmsOptOut
from feedback.surveys.models import Response, ResponseMode
from tests.factories import make_location
from tests.sms.helpers import invite, notify_reply, post, send, settings, texts_sent

INBOUND = "/sms/notify/inbound"


def _responses() -> list[Response]:
    return db.session.scalars(select(Response).order_by(Response.id)).all()


def _comment(response: Response) -> str:
    return next((a.value for a in response.answers if a.question_id == "reason"), "")


def test_invite_rating_follow_up_comment_thanks(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location(name="Belvoir Ward, Bradgate Unit")
        invite(ward)
        assert send() == 1
        client = app.test_client()
        assert post(client, INBOUND, notify_reply("2")).status_code == 200
        assert post(client, INBOUND, notify_reply("The nurses were kind")).status_code == 200
        assert post(client, INBOUND, notify_reply("And the food was hot")).status_code == 200
        [response] = _responses()
        assert (response.fft_rating, response.mode, response.location_id) == (
            2,
            ResponseMode.SMS,
            ward.id,
        )
        assert _comment(response) == "The nurses were kind\nAnd the food was hot"
        intents = [intent for intent, _body in texts_sent()]
        assert intents == ["invite", "follow_up", "thanks"]  # thanked once, not per message
        assert texts_sent()[0][1].startswith("Belvoir Ward: how was your care?")


def test_a_rating_with_words_is_thanked_at_once_and_a_retried_callback_changes_nothing(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        body = notify_reply("2 but the wait was long")
        assert post(client, INBOUND, body).status_code == 200
        again = post(client, INBOUND, body)
        assert again.status_code == 200 and again.json["result"] == "already recorded"
        [response] = _responses()
        assert response.fft_rating == 2 and _comment(response) == "but the wait was long"
        assert [i for i, _b in texts_sent()] == ["invite", "thanks"]


def test_a_reply_that_is_not_a_rating_is_asked_once_more_then_kept_as_a_comment(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        post(client, INBOUND, notify_reply("Ward 5 were lovely"))
        post(client, INBOUND, notify_reply("5 stars"))
        [response] = _responses()
        assert response.fft_rating is None
        assert _comment(response) == "Ward 5 were lovely\n5 stars"  # nothing they wrote is lost
        assert [i for i, _b in texts_sent()] == ["invite", "reask", "thanks"]


def test_stop_opts_out_at_once_is_confirmed_once_and_the_number_is_never_texted_again(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location()
        invite(ward)
        send()
        client = app.test_client()
        post(client, INBOUND, notify_reply("Stop please"))
        post(client, INBOUND, notify_reply("STOP"))
        assert db.session.scalars(select(SmsOptOut)).all() != []
        conversation = db.session.scalars(select(SmsConversation)).one()
        assert conversation.state == ConversationState.CLOSED
        assert [i for i, _b in texts_sent()] == ["invite", "opt_out_confirmation"]
        invite(ward, contact_on="2026-11-30")  # a later discharge
        send()
        assert [i for i, _b in texts_sent()] == ["invite", "opt_out_confirmation"]


def test_replies_after_the_conversation_expired_get_no_answer(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        late = notify_reply("1", date_received="2026-12-08T12:00:00.000000Z")
        assert post(client, INBOUND, late).status_code == 200
        assert _responses() == []
        assert [i for i, _b in texts_sent()] == ["invite"]
