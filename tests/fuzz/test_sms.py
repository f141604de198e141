"""GOV.UK Notify's callbacks and the SMS chat form, sent anything: bodies of every shape, any
token, any reply. No server error, a refusal says why in JSON (the chat form: on the page),
and a refused callback stores nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from feedback.extensions import db
from feedback.sms.models import SmsMessage
from tests.factories import make_location
from tests.fuzz.sending import (
    assert_html_refusal,
    assert_json_refusal,
    changed,
    fuzz_settings,
    send,
    stored_counts,
)
from tests.fuzz.strategies import any_text, as_json, nasty_text, object_like, raw_bodies
from tests.sms.helpers import TOKEN, invite
from tests.sms.helpers import send as send_invites

# Without line breaks: the test client itself refuses to send those in a header.
header_text = nasty_text.filter(lambda text: not {"\r", "\n"} & set(text))
tokens = st.one_of(st.just(TOKEN), st.just(TOKEN), st.none(), header_text)
moments = st.sampled_from(
    [
        "2026-11-30T14:05:01.123456Z",
        "2026-11-30T14:05:01",
        "9999-12-31T23:59:59-23:59",
        "0001-01-01",
    ]
)


@pytest.fixture
def invited(app) -> list[str]:  # type: ignore[no-untyped-def]
    """A patient invited and texted, so replies from their number reach a conversation; the
    ids of the texts sent, for delivery receipts."""
    invite(make_location("FUZZ-SMS"))
    send_invites()
    # The outbox provider gives no ids; Notify would.
    texts = db.session.scalars(select(SmsMessage)).all()
    for number, text in enumerate(texts):
        text.provider_id = f"5d1c2b0e-0000-4000-8000-{number:012d}"
    db.session.commit()
    return [text.provider_id for text in texts]


def _callback(app, path: str, body: bytes, token: str | None):  # type: ignore[no-untyped-def]
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    before = stored_counts()
    response = send(
        app.test_client(), "POST", path, data=body, headers=headers, content_type="application/json"
    )
    if response.status_code != 200:
        assert_json_refusal(response)
        assert changed(before) == {}
    return response


INBOUND = object_like(
    {
        "id": st.uuids().map(str) | nasty_text,
        "source_number": st.sampled_from(["447700900123", "07700900123", "+447700900999"])
        | nasty_text,
        "destination_number": st.just("07537417417") | nasty_text,
        "message": any_text,
        "date_received": moments | nasty_text,
    }
)


@fuzz_settings(800)
@given(body=st.one_of(INBOUND.map(as_json), INBOUND.map(as_json), raw_bodies), token=tokens)
def test_inbound_texts_take_any_body(app, invited, body, token):
    _callback(app, "/sms/notify/inbound", body, token)


@fuzz_settings(400)
@given(data=st.data(), token=tokens)
def test_delivery_receipts_take_any_body(app, invited, data, token):
    receipt = object_like(
        {
            "id": st.sampled_from(invited) | nasty_text,
            "status": st.sampled_from(["delivered", "permanent-failure", "sending"]) | nasty_text,
        }
    )
    body = data.draw(st.one_of(receipt.map(as_json), raw_bodies))
    response = _callback(app, "/sms/notify/status", body, token)
    assert response.status_code in (200, 400, 401, 404)


@pytest.fixture
def chat(app) -> str:  # type: ignore[no-untyped-def]
    """The address of a conversation started from a poster's link (the web chat)."""
    started = app.test_client().get(f"/text/start/{make_location('FUZZ-CHAT').code}")
    return started.headers["Location"].split("feedback.test", 1)[-1]


@fuzz_settings(400)
@given(
    form=st.fixed_dictionaries(
        {}, optional={"reply": any_text, "key": nasty_text | st.just("k" * 20), "lang": nasty_text}
    )
)
def test_the_chat_form_takes_any_reply(app, chat, form):
    before = stored_counts()
    response = send(app.test_client(), "POST", chat, data=form)
    if response.status_code != 303:
        assert_html_refusal(response)
        assert changed(before) == {}
