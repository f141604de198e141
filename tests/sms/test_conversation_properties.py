"""Whatever people text back, in any order: no server error, one response at most, thanked
once, asked again once at most, and nothing more is sent after STOP."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from feedback.extensions import db
from feedback.sms.models import (
    Direction,
    SmsConversation,
    SmsInvite,
    SmsMessage,
    SmsOptOut,
)
from feedback.surveys.models import Answer, Response
from tests.factories import make_location
from tests.sms.helpers import invite, notify_reply, post, send
from tests.sms.helpers import settings as sms_settings

REPLIES = st.one_of(
    st.sampled_from(
        [
            "1",
            "2",
            " 2.",
            "6",
            "7",
            "Good",
            "v good!!",
            "two",
            "STOP",
            "stop please",
            "5 stars",
            "1 or 2",
            "Ward 5 were lovely",
            "",
            "\uff12",
            "2️⃣",
            "told me to stop complaining",
            "x" * 2000,
        ]
    ),
    st.text(max_size=60),
)
_numbers = itertools.count(100)


def _reset() -> None:
    for model in (SmsMessage, SmsConversation, SmsInvite, SmsOptOut, Answer, Response):
        db.session.execute(delete(model))
    db.session.commit()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(replies=st.lists(REPLIES, min_size=1, max_size=4))
def test_any_replies_in_any_order_keep_the_conversation_sane(make_app, replies):
    app = make_app(**sms_settings())
    with app.app_context():
        _reset()
        invite(make_location(code=f"P{next(_numbers)}"))
        send()
        client = app.test_client()
        for text in replies:
            assert post(client, "/sms/notify/inbound", notify_reply(text)).status_code == 200
        sent = db.session.scalars(
            select(SmsMessage.intent)
            .where(SmsMessage.direction == Direction.OUT)
            .order_by(SmsMessage.id)
        ).all()
        assert len(db.session.scalars(select(Response)).all()) <= 1
        assert sent.count("thanks") <= 1 and sent.count("reask") <= 1
        assert sent.count("opt_out_confirmation") <= 1
        if "opt_out_confirmation" in sent:
            assert sent[-1] == "opt_out_confirmation"  # nothing after STOP
