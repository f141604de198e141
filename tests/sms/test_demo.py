"""The demo texts: loaded once, through the real invite job and reply handling."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.demo import seed_demo
from feedback.extensions import db
from feedback.sms.demo import seed_sms_demo
from feedback.sms.models import (
    ConversationState,
    InviteStatus,
    SmsConversation,
    SmsInvite,
    SmsMessage,
    SmsOptOut,
)
from feedback.surveys.models import Response, ResponseMode
from tests.factories import make_user, sign_in


def test_the_demo_texts_load_once_and_the_outbox_shows_each_kind(app):
    seed_demo()
    made = seed_sms_demo(trust_today())
    db.session.commit()
    assert made == 11
    assert seed_sms_demo(trust_today()) == 0  # once only
    statuses = db.session.scalars(select(SmsInvite.status).order_by(SmsInvite.id)).all()
    assert statuses.count(InviteStatus.WAITING) == 2
    assert statuses.count(InviteStatus.SENT) == 9
    states = db.session.scalars(select(SmsConversation.state).order_by(SmsConversation.id)).all()
    assert states.count(ConversationState.CLOSED) == 2  # the one that expired, the opt-out
    assert states.count(ConversationState.AFTER_REASK) == 0  # re-asked, then rated
    assert db.session.scalar(select(func.count()).select_from(SmsOptOut)) == 1
    responses = db.session.scalars(select(Response).order_by(Response.id)).all()
    assert len(responses) == 6 and {r.mode for r in responses} == {ResponseMode.SMS}
    assert sorted(r.fft_rating for r in responses) == [1, 1, 2, 2, 3, 4]
    numbers = db.session.scalars(select(SmsInvite.phone).order_by(SmsInvite.id)).all()
    assert all(n.startswith("+447700900") for n in numbers)  # the drama range only
    intents = set(db.session.scalars(select(SmsMessage.intent)))
    assert intents == {"invite", "follow_up", "reask", "thanks", "opt_out_confirmation", "reply"}

    client = app.test_client()
    sign_in(client, make_user(Role.PX_TEAM))
    outbox = html.unescape(client.get("/sms/").get_data(as_text=True))
    for words in [
        "Invite",
        "Follow-up question",
        "Asked again",
        "Thank you",
        "Opt-out confirmed",
        "Reply",
        "Ward 5 were lovely",
        "Bardzo dobra opieka",
    ]:
        assert words in outbox, words
    for conversation in db.session.scalars(select(SmsConversation.id)).all():
        assert client.get(f"/sms/conversations/{conversation}").status_code == 200
