"""The chat-style web form's side of a conversation: start one on a page, find it by its
token, take a typed reply through the same steps as a text, and lay the messages out."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.sms.conversation import InboundSms, latest_conversation, receive
from feedback.sms.gateway import sms_gateway
from feedback.sms.models import ConversationState, Direction, SmsConversation, SmsMessage
from feedback.sms.reading import Reading

LONGEST_TOKEN = 64  # SmsConversation.web_token's column


@dataclass(frozen=True)
class Thread:
    """The messages in order, split so the newest of ours (everything we said after the
    person's last reply) can sit in the page's live region."""

    earlier: list[SmsMessage]
    latest: list[SmsMessage]


def start_web_conversation(
    location: Location, language: str, now: datetime | None = None, kiosk_id: int | None = None
) -> SmsConversation:
    """A conversation with no phone behind it, its invite shown as the first message. As
    `conversation.start_conversation` builds one; the caller commits."""
    now = now or utc_now()
    conversation = SmsConversation(
        invite=None,
        location_id=location.id,
        language=language,
        # Never a number's hash (those are hex): its own, so replies find this conversation.
        phone_hash=f"web:{secrets.token_urlsafe(24)}",
        state=ConversationState.AWAITING_RATING,
        started_at=now,
        expires_at=now + timedelta(days=current_app.config["SMS_CONVERSATION_DAYS"]),
        web_token=secrets.token_urlsafe(16),
        kiosk_id=kiosk_id,
    )
    db.session.add(conversation)
    sms_gateway("web").send_fft_invite(conversation, "", location.name)
    db.session.flush()
    return conversation


def get_conversation(web_token: str) -> SmsConversation | None:
    if not web_token or len(web_token) > LONGEST_TOKEN:
        return None
    return db.session.scalar(select(SmsConversation).where(SmsConversation.web_token == web_token))


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def is_open(conversation: SmsConversation, now: datetime | None = None) -> bool:
    """Whether a reply typed on the page would be read: not closed, not past its time, and
    still the newest conversation for its number (replies go to the newest one)."""
    now = now or utc_now()
    if conversation.state == ConversationState.CLOSED or _aware(conversation.expires_at) <= now:
        return False
    newest = latest_conversation(conversation.phone_hash)
    return newest is not None and newest.id == conversation.id


def record_web_reply(
    conversation: SmsConversation, text: str, key: str, now: datetime | None = None
) -> Reading | None:
    """Read a typed reply as a text would be read; None when that key was already recorded
    (a double tap or a retry). The answers are shown on the page, not texted. The caller
    commits."""
    return receive(
        InboundSms(
            provider_id=f"web-{key}"[:64],
            phone="",
            phone_hash=conversation.phone_hash,
            message=text,
            received_at=now or utc_now(),
            channel="web",
            conversation_id=conversation.id,
        )
    )


def thread(conversation: SmsConversation) -> Thread:
    messages = sorted(conversation.messages, key=lambda m: m.id)
    last_reply = max((i for i, m in enumerate(messages) if m.direction == Direction.IN), default=-1)
    # Everything after their last reply is ours (before any reply: the invite).
    return Thread(earlier=messages[: last_reply + 1], latest=messages[last_reply + 1 :])
