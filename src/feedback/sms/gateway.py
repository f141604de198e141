"""The SMS gateway: intent-named methods, one private send, two providers (as for email).

`outbox` (the default) keeps each text in the database for the staff outbox page, where a
trainer can also reply as the patient would; `notify` sends through GOV.UK Notify's official
client with one template whose body is `((body))`. A text is written in the same transaction
as the conversation step it belongs to, and sent after that commits.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.notifications.gateway import deliver_through_notify
from feedback.sms import texts
from feedback.sms.models import Direction, MessageStatus, SmsConversation, SmsMessage
from feedback.sms.segments import parts

log = logging.getLogger(__name__)
# "web": the chat-style form's answers, shown on the page instead of texted.
PROVIDERS = ("outbox", "notify", "web")


class SmsGateway:
    def __init__(self, provider: str) -> None:
        if provider not in PROVIDERS:
            raise ValueError(f"Unknown SMS provider {provider!r}: use outbox, notify or web")
        self.provider = provider

    def send_fft_invite(
        self, conversation: SmsConversation, to: str, place: str, at: datetime | None = None
    ) -> SmsMessage:
        body = texts.invite(conversation.language, place)
        body = texts.with_web_link(conversation.language, body, self._web_link(conversation))
        return self._send(conversation, to, "invite", body, at=at)

    def send_follow_up_question(
        self, conversation: SmsConversation, to: str, at: datetime | None = None
    ) -> SmsMessage:
        body = texts.follow_up(conversation.language)
        if not self._invite_had_link(conversation):
            body = texts.with_web_link(conversation.language, body, self._web_link(conversation))
        return self._send(conversation, to, "follow_up", body, at=at)

    def _web_link(self, conversation: SmsConversation) -> str | None:
        """Where the texted conversation can go on as a web page; none on the page itself, and
        none without the public address (a scheduled job has no request to take it from)."""
        base = current_app.config["PUBLIC_BASE_URL"]
        if self.provider == "web" or not base or not conversation.web_token:
            return None
        return f"{base.rstrip('/')}/text/{conversation.web_token}"

    def _invite_had_link(self, conversation: SmsConversation) -> bool:
        link = self._web_link(conversation)
        if link is None:
            return True  # nothing to offer
        return (
            db.session.scalar(
                select(SmsMessage.id).where(
                    SmsMessage.conversation_id == conversation.id,
                    SmsMessage.intent == "invite",
                    SmsMessage.body.contains(link, autoescape=True),
                )
            )
            is not None
        )

    def send_reask(
        self, conversation: SmsConversation, to: str, at: datetime | None = None
    ) -> SmsMessage:
        return self._send(conversation, to, "reask", texts.reask(conversation.language), at=at)

    def send_thanks(
        self, conversation: SmsConversation, to: str, at: datetime | None = None
    ) -> SmsMessage:
        return self._send(conversation, to, "thanks", texts.thanks(conversation.language), at=at)

    def confirm_opt_out(
        self,
        conversation: SmsConversation | None,
        to: str,
        phone_hash: str,
        language: str,
        at: datetime | None = None,
    ) -> SmsMessage:
        body = texts.opt_out_confirmation(language)
        return self._send(conversation, to, "opt_out_confirmation", body, phone_hash, at=at)

    def _send(
        self,
        conversation: SmsConversation | None,
        to: str,
        intent: str,
        body: str,
        phone_hash: str | None = None,
        at: datetime | None = None,
    ) -> SmsMessage:
        # Stamped with the step's time (a reply's, or the job's), not the clock's.
        message = SmsMessage(
            created_at=at or utc_now(),
            conversation=conversation,
            direction=Direction.OUT,
            intent=intent,
            body=body,
            to_phone=to,
            phone_hash=phone_hash or (conversation.phone_hash if conversation else ""),
            status=_STATUS[self.provider],
            parts=parts(body),
        )
        db.session.add(message)
        return message


_STATUS = {
    "outbox": MessageStatus.OUTBOX,
    "notify": MessageStatus.PENDING,
    "web": MessageStatus.SHOWN,
}


def sms_gateway(channel: str = "sms") -> SmsGateway:
    """The configured provider for texts; the web form's replies are only shown."""
    return SmsGateway("web" if channel == "web" else current_app.config["SMS_PROVIDER"])


def _send_text(client: Any, message: SmsMessage) -> dict[str, Any]:
    return client.send_sms_notification(
        phone_number=message.to_phone,
        template_id=current_app.config["NOTIFY_SMS_TEMPLATE_ID"],
        personalisation={"body": message.body},
        reference=f"sms-{message.id}",  # Notify's reference must hold no personal data
    )


def _text_sent(message: SmsMessage, result: dict[str, Any]) -> None:
    message.status = MessageStatus.SENT
    message.provider_id = str(result.get("id", ""))[:64] or None
    message.sent_at = utc_now()
    message.to_phone = None  # sent: the number is not needed on the message any more


def deliver_pending_sms(limit: int = 100) -> int:
    """Send texts waiting for GOV.UK Notify; commits each one's status. Returns how many."""
    return deliver_through_notify(SmsMessage, MessageStatus.PENDING, _send_text, _text_sent, limit)


def deliver_if_sending() -> None:
    """After a commit: send what is pending when GOV.UK Notify is the provider."""
    if current_app.config["SMS_PROVIDER"] != "notify":
        return
    try:
        deliver_pending_sms()
    except Exception:  # the step is saved; a failed send stays pending and is retried
        log.exception("Delivering pending texts failed")


def deliver_pending_sms_job() -> int:
    if current_app.config["SMS_PROVIDER"] != "notify":
        return 0
    return deliver_pending_sms()
