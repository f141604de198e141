"""The text conversation: invite -> a rating -> the follow-up question -> a comment -> thanks.

Each reply is recorded once (Notify retries its callbacks), read by `reading.read_reply` in
the conversation's state, and answered at most once more. The stored response is an FFT
response like any other, with mode SMS and the invite's location; later messages in the same
open conversation add to its comment.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.sms.gateway import SmsGateway, sms_gateway
from feedback.sms.models import (
    ConversationState,
    Direction,
    MessageStatus,
    SmsConversation,
    SmsInvite,
    SmsMessage,
    SmsOptOut,
)
from feedback.sms.reading import Action, Reading, State, read_reply
from feedback.surveys.models import Answer, Response, ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response
from feedback.surveys.text import without_control_characters

COMMENT_QUESTION = "reason"  # the FFT's "what was good or could be better" question
WEB_ONLY = "web:"  # the hash prefix of conversations started on the web, with no phone
LONGEST_COMMENT = 10_000


@dataclass(frozen=True)
class InboundSms:
    """A reply as GOV.UK Notify (or the test phone) delivers it, read once at the edge."""

    provider_id: str
    phone: str  # E.164 where it could be read, else as sent
    phone_hash: str
    message: str
    received_at: datetime
    channel: str = "sms"  # "web": typed into the chat-style form, answered on the page
    # The web form names its conversation; a text finds the number's latest one.
    conversation_id: int | None = None

    def __post_init__(self) -> None:
        # A NUL or other control character can arrive in a text; PostgreSQL refuses NUL in text
        # columns, and none of them means anything to a reader.
        object.__setattr__(self, "message", without_control_characters(self.message))


def start_conversation(invite: SmsInvite, now: datetime | None = None) -> SmsConversation:
    """Open the conversation and send the invite (the caller commits, then delivers)."""
    now = now or utc_now()
    conversation = SmsConversation(
        invite=invite,
        location_id=invite.location_id,
        language=invite.language,
        phone_hash=invite.phone_hash,
        state=ConversationState.AWAITING_RATING,
        started_at=now,
        expires_at=now + timedelta(days=current_app.config["SMS_CONVERSATION_DAYS"]),
        # 72 random bits: unguessable for the week it lasts, and short enough that the web
        # form's link still fits in the invite or the follow-up question (texts.with_web_link).
        web_token=secrets.token_urlsafe(9),
    )
    db.session.add(conversation)
    location = db.session.get(Location, invite.location_id)
    sms_gateway().send_fft_invite(
        conversation, invite.phone or "", location.name if location else "", at=now
    )
    return conversation


def is_opted_out(phone_hash: str) -> bool:
    return db.session.get(SmsOptOut, phone_hash) is not None


def latest_conversation(phone_hash: str, for_update: bool = False) -> SmsConversation | None:
    query = (
        select(SmsConversation)
        .where(SmsConversation.phone_hash == phone_hash)
        .order_by(SmsConversation.started_at.desc(), SmsConversation.id.desc())
        .limit(1)
    )
    if for_update:
        query = query.with_for_update()
    return db.session.scalars(query.execution_options(populate_existing=for_update)).first()


def _conversation_for(inbound: InboundSms) -> SmsConversation | None:
    """The conversation the reply belongs to, read fresh and, on PostgreSQL, locked until
    commit: a second reply from the same person waits, then sees this one's step."""
    if inbound.conversation_id is None:
        return latest_conversation(inbound.phone_hash, for_update=True)
    return db.session.scalars(
        select(SmsConversation)
        .where(SmsConversation.id == inbound.conversation_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).first()


def _state(conversation: SmsConversation | None, now: datetime) -> State:
    if conversation is None or conversation.state == ConversationState.CLOSED:
        return State.EXPIRED
    if _aware(conversation.expires_at) <= now:
        return State.EXPIRED
    return State(conversation.state.value)


def _aware(moment: datetime) -> datetime:
    # SQLite hands back naive datetimes for timezone-aware columns; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def already_recorded(provider_id: str) -> bool:
    return (
        db.session.scalar(select(SmsMessage.id).where(SmsMessage.provider_id == provider_id))
        is not None
    )


def receive(inbound: InboundSms) -> Reading | None:
    """Record a reply and take the conversation's next step; None when it was already
    recorded (a retried callback changes nothing)."""
    if already_recorded(inbound.provider_id):
        return None
    # The reply is written first: a retry racing this one fails here on the unique message
    # id (the caller answers "already recorded"), and on SQLite the write lock is taken before
    # the conversation is read, so two replies at once take their steps one after the other.
    message = SmsMessage(
        direction=Direction.IN,
        intent="reply",
        body=inbound.message[:LONGEST_COMMENT],
        phone_hash=inbound.phone_hash,
        status=MessageStatus.RECEIVED,
        provider_id=inbound.provider_id,
        created_at=inbound.received_at,
    )
    db.session.add(message)
    db.session.flush()
    conversation = _conversation_for(inbound)
    message.conversation = conversation
    state = _state(conversation, inbound.received_at)
    language = conversation.language if conversation else "en"
    reading = read_reply(inbound.message, state, language)
    if reading.action == Action.OPT_OUT:
        _opt_out(conversation, inbound, language)
    elif state == State.EXPIRED:
        if conversation is not None and conversation.state != ConversationState.CLOSED:
            _close(conversation, inbound.received_at)
    else:
        _next_step(conversation, reading, inbound)  # type: ignore[arg-type]
    db.session.flush()
    return reading


def _opt_out(conversation: SmsConversation | None, inbound: InboundSms, language: str) -> None:
    """At once and for good; confirmed once, however many times STOP is sent. A conversation
    started on the web has no number to stop texting: it ends, and the page says so."""
    gateway = sms_gateway(inbound.channel)
    if inbound.phone_hash.startswith(WEB_ONLY):
        if conversation is not None and conversation.state != ConversationState.CLOSED:
            gateway.confirm_opt_out(
                conversation, "", inbound.phone_hash, language, at=inbound.received_at
            )
    elif not is_opted_out(inbound.phone_hash):
        db.session.add(SmsOptOut(phone_hash=inbound.phone_hash, how=inbound.channel))
        gateway.confirm_opt_out(
            conversation, inbound.phone, inbound.phone_hash, language, at=inbound.received_at
        )
    if conversation is not None and conversation.state != ConversationState.CLOSED:
        _close(conversation, inbound.received_at)


def _close(conversation: SmsConversation, now: datetime) -> None:
    conversation.state = ConversationState.CLOSED
    conversation.closed_at = now


def _next_step(conversation: SmsConversation, reading: Reading, inbound: InboundSms) -> None:
    gateway = sms_gateway(inbound.channel)
    to, at = inbound.phone, inbound.received_at
    if reading.action == Action.RATING:
        comment = _joined(conversation.held_text, reading.comment)
        _record_response(conversation, reading.rating, comment, inbound.received_at)
        conversation.held_text = None
        conversation.state = ConversationState.AWAITING_COMMENT
        if comment:
            _thank(gateway, conversation, to, at)  # they have said it all already
        else:
            gateway.send_follow_up_question(conversation, to, at)
    elif reading.action == Action.REASK:
        conversation.held_text = _joined(conversation.held_text, reading.comment) or None
        conversation.state = ConversationState.AFTER_REASK
        gateway.send_reask(conversation, to, at)
    elif reading.action == Action.COMMENT:
        if conversation.response_id is None:  # never rated: the words are kept as a comment
            comment = _joined(conversation.held_text, reading.comment)
            _record_response(conversation, None, comment, inbound.received_at)
            conversation.held_text = None
            conversation.state = ConversationState.AWAITING_COMMENT
        else:
            _add_to_comment(conversation, reading.comment)
        _thank(gateway, conversation, to, at)


def _thank(gateway: SmsGateway, conversation: SmsConversation, to: str, at: datetime) -> None:
    if not conversation.thanked:
        gateway.send_thanks(conversation, to, at)
        conversation.thanked = True


def _joined(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)[:LONGEST_COMMENT]


def _record_response(
    conversation: SmsConversation, rating: int | None, comment: str, at: datetime
) -> Response:
    questionnaire = load_questionnaire("fft", conversation.language)
    db.session.flush()  # the conversation's id is the response's idempotency key
    answers: dict[str, object] = {COMMENT_QUESTION: comment}
    if rating is not None:
        answers["rating"] = str(rating)
    response = create_response(
        questionnaire=questionnaire,
        answers=answers,
        location_id=conversation.location_id,
        mode=_mode(conversation),
        kiosk_id=conversation.kiosk_id,
        idempotency_key=f"sms-{conversation.id}",
        submitted_at=at,
    )
    db.session.flush()
    conversation.response_id = response.id
    return response


def _mode(conversation: SmsConversation) -> ResponseMode:
    # Started by a text: SMS, however they replied; on a ward tablet: electronic discharge, as
    # the kiosk's FFT is; on the web form from a link: online.
    if conversation.invite_id is not None:
        return ResponseMode.SMS
    if conversation.kiosk_id is not None:
        return ResponseMode.ELECTRONIC_DISCHARGE
    return ResponseMode.ONLINE


def _add_to_comment(conversation: SmsConversation, text: str) -> None:
    answer = db.session.scalar(
        select(Answer).where(
            Answer.response_id == conversation.response_id,
            Answer.question_id == COMMENT_QUESTION,
        )
    )
    if answer is None:
        db.session.add(
            Answer(response_id=conversation.response_id, question_id=COMMENT_QUESTION, value=text)
        )
    else:
        answer.value = _joined(answer.value, text)
