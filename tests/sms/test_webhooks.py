"""Notify's callbacks: the bearer token, the payload's shape, duplicates and unknown ids."""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.sms.models import MessageStatus, SmsMessage
from tests.factories import make_location
from tests.sms.helpers import TOKEN, invite, notify_reply, post, send, settings

INBOUND, STATUS = "/sms/notify/inbound", "/sms/notify/status"


def test_a_callback_without_the_right_token_is_refused_and_records_nothing(make_app):
    app = make_app(**settings())
    with app.app_context():
        client = app.test_client()
        body = notify_reply("2")
        assert client.post(INBOUND, json=body).status_code == 401
        assert post(client, INBOUND, body, token=TOKEN + "x").status_code == 401
        assert post(client, INBOUND, body, token="").status_code == 401
        assert db.session.scalars(select(SmsMessage)).all() == []


def test_with_no_token_configured_every_callback_is_refused(make_app):
    app = make_app()
    with app.app_context():
        assert post(app.test_client(), INBOUND, notify_reply("2")).status_code == 401


def test_bad_payloads_get_400_with_what_is_wrong(make_app):
    app = make_app(**settings())
    with app.app_context():
        client = app.test_client()
        missing = notify_reply("2")
        del missing["source_number"]
        answer = post(client, INBOUND, missing)
        assert answer.status_code == 400 and "source_number" in answer.json["error"]
        assert post(client, INBOUND, ["not", "an", "object"]).status_code == 400
        assert post(client, INBOUND, {**notify_reply("2"), "message": 2}).status_code == 400
        bad_date = notify_reply("2", date_received="yesterday")
        assert post(client, INBOUND, bad_date).status_code == 400
        raw = client.post(INBOUND, data=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"})
        assert raw.status_code == 400
        assert db.session.scalars(select(SmsMessage)).all() == []


def test_a_reply_from_a_number_with_no_conversation_is_recorded_and_not_answered(make_app):
    app = make_app(**settings())
    with app.app_context():
        answer = post(app.test_client(), INBOUND, notify_reply("2", number="447700900999"))
        assert answer.status_code == 200
        [message] = db.session.scalars(select(SmsMessage)).all()
        assert message.direction.value == "in" and message.conversation_id is None


def test_delivery_receipts_update_the_text_once_and_unknown_ids_are_404(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        text = db.session.scalars(select(SmsMessage)).one()
        text.provider_id = "740e5834-3a29-46b4-9a6f-16142fde533a"
        db.session.commit()
        client = app.test_client()
        receipt = {
            "id": text.provider_id,
            "reference": f"sms-{text.id}",
            "to": "07700900123",
            "status": "delivered",
            "created_at": "2026-11-30T12:00:00.000000Z",
            "completed_at": "2026-11-30T12:00:05.000000Z",
            "sent_at": "2026-11-30T12:00:01.000000Z",
            "notification_type": "sms",
        }
        assert post(client, STATUS, receipt).status_code == 200
        assert post(client, STATUS, receipt).status_code == 200
        db.session.refresh(text)
        assert text.status == MessageStatus.DELIVERED and text.delivered_at is not None
        assert post(client, STATUS, {**receipt, "id": "unknown"}).status_code == 404
        assert post(client, STATUS, {"id": text.provider_id}).status_code == 400


def test_control_characters_in_a_text_are_dropped_at_the_edge(make_app):
    # Hypothesis found this on PostgreSQL, which refuses NUL in text columns.
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        assert post(client, INBOUND, notify_reply("\x00")).status_code == 200
        assert post(client, INBOUND, notify_reply("2\x00 kind\x07 staff")).status_code == 200
        bodies = db.session.scalars(
            select(SmsMessage.body).where(SmsMessage.direction == "in").order_by(SmsMessage.id)
        ).all()
        assert bodies == ["", "2 kind staff"]


def test_a_retry_racing_the_first_attempt_is_answered_already_recorded_not_500(
    make_app, monkeypatch
):
    # As if the first attempt committed between the retry's check and its insert: the
    # unique message id refuses the second row at the flush, inside the conversation step.
    import feedback.sms.conversation as conversation

    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        body = notify_reply("2")
        assert post(client, INBOUND, body).status_code == 200
        monkeypatch.setattr(conversation, "already_recorded", lambda _id: False)
        answer = post(client, INBOUND, body)
        assert answer.status_code == 200 and answer.get_json()["result"] == "already recorded"
        inbound = select(SmsMessage).where(SmsMessage.direction == "in")
        assert len(db.session.scalars(inbound).all()) == 1


def test_control_characters_in_a_callback_are_dropped_at_the_edge(make_app):
    # PostgreSQL refused the NUL in the query for the id: a 500, and Notify retrying for ever
    # (found by the fuzz tests on PostgreSQL).
    app = make_app(**settings())
    with app.app_context():
        client = app.test_client()
        reply = notify_reply("2\x00 thanks\x1b", id="abc\x00def", number="4477009\x0000999")
        assert post(client, INBOUND, reply).status_code == 200
        [message] = db.session.scalars(select(SmsMessage)).all()
        assert message.body == "2 thanks" and message.provider_id == "abcdef"
        receipt = post(client, "/sms/notify/status", {"id": "abc\x00def", "status": "delivered"})
        assert receipt.status_code == 200
