"""Texts: who may be invited, each conversation, every message in and out, and opt-outs.

Mobile numbers are personal data kept only as long as needed: an invite holds the plain number
until its conversation has been closed for the retention period; everything that must outlive
that (opt-outs, the one-invite-a-month rule) matches a keyed hash instead.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, enum_column, utc_now


class InviteStatus(StrEnum):
    WAITING = "waiting"  # to be sent by the job, inside the daytime window
    SENT = "sent"
    SKIPPED = "skipped"  # see skip_reason


class SkipReason(StrEnum):
    OPTED_OUT = "opted_out"
    DO_NOT_CONTACT = "do_not_contact"
    RECENT_INVITE = "recent_invite"


class ConversationState(StrEnum):
    AWAITING_RATING = "awaiting_rating"
    AWAITING_COMMENT = "awaiting_comment"
    AFTER_REASK = "after_reask"
    CLOSED = "closed"  # thanked, opted out or expired: later replies get no answer


class Direction(StrEnum):
    OUT = "out"
    IN = "in"


class MessageStatus(StrEnum):
    OUTBOX = "outbox"  # kept for the staff outbox page (the default provider)
    PENDING = "pending"  # waiting for GOV.UK Notify
    SENT = "sent"  # accepted by Notify
    DELIVERED = "delivered"
    FAILED = "failed"
    RECEIVED = "received"  # an inbound reply
    SHOWN = "shown"  # the chat-style web form's side of the conversation: shown, not texted


class SmsInvite(Base):
    """A discharge or contact that may be sent an FFT text."""

    __tablename__ = "sms_invite"
    __table_args__ = (Index("ix_sms_invite_status", "status", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"), index=True)
    contact_on: Mapped[date] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(5))
    phone: Mapped[str | None] = mapped_column(String(20))  # E.164; None once no longer needed
    phone_hash: Mapped[str] = mapped_column(String(64), index=True)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[InviteStatus] = mapped_column(enum_column(InviteStatus))
    skip_reason: Mapped[SkipReason | None] = mapped_column(enum_column(SkipReason))
    # The sending system's own key for the contact, so a resent batch adds nothing twice.
    source_key: Mapped[str] = mapped_column(String(200), unique=True)
    received_from: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SmsConversation(Base):
    __tablename__ = "sms_conversation"
    __table_args__ = (Index("ix_sms_conversation_number", "phone_hash", "started_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invite_id: Mapped[int | None] = mapped_column(ForeignKey("sms_invite.id"), unique=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    language: Mapped[str] = mapped_column(String(5))
    phone_hash: Mapped[str] = mapped_column(String(64))
    state: Mapped[ConversationState] = mapped_column(enum_column(ConversationState))
    # Text kept before a rating was understood: it starts the comment (nothing is lost).
    held_text: Mapped[str | None] = mapped_column(Text)
    response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id"))
    thanked: Mapped[bool] = mapped_column(Boolean, default=False)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The chat-style web form reaches the same conversation by this unguessable token.
    web_token: Mapped[str] = mapped_column(String(64), unique=True)
    # Started on a ward tablet: the response counts as the kiosk's (electronic discharge), and
    # the page shows the thread only to the browser session that started it.
    kiosk_id: Mapped[int | None] = mapped_column(ForeignKey("kiosk.id"))

    invite: Mapped[SmsInvite | None] = relationship()
    messages: Mapped[list[SmsMessage]] = relationship(
        back_populates="conversation", order_by="SmsMessage.id"
    )


class SmsMessage(Base):
    __tablename__ = "sms_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("sms_conversation.id"), index=True
    )
    direction: Mapped[Direction] = mapped_column(enum_column(Direction))
    intent: Mapped[str] = mapped_column(String(30))  # invite, follow_up, reask, thanks, ...
    body: Mapped[str] = mapped_column(Text)
    # Outbound to Notify: the number until it is sent; inbound: never stored in plain.
    to_phone: Mapped[str | None] = mapped_column(String(20))
    phone_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[MessageStatus] = mapped_column(enum_column(MessageStatus))
    # Notify's id: inbound replies and receipts are retried, so each is recorded once.
    provider_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    parts: Mapped[int] = mapped_column(Integer, default=1)
    error: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    conversation: Mapped[SmsConversation | None] = relationship(back_populates="messages")


class SmsOptOut(Base):
    """A number that must never be texted again, matched by its keyed hash."""

    __tablename__ = "sms_opt_out"

    phone_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    opted_out_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    how: Mapped[str] = mapped_column(String(40))  # "reply", "web form", "staff"
