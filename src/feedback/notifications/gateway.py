"""The email gateway: intent-named methods, one private send, two providers.

`outbox` (the default) keeps each message in the database, where staff read it on the outbox
page; `notify` sends through GOV.UK Notify's official client. Messages are written in the same
transaction as the record they are about and delivered after it commits, so a message never
goes out about something that was not saved.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, Protocol, TypeVar

from flask import current_app
from flask_babel import format_date
from flask_babel import gettext as _
from sqlalchemy import select

from feedback.db import utc_now
from feedback.extensions import db
from feedback.notifications.models import EmailMessage, MessageStatus

log = logging.getLogger(__name__)


class _Outgoing(Protocol):
    id: int
    status: Any
    error: str | None


M = TypeVar("M", bound=_Outgoing)


class EmailGateway:
    def __init__(self, provider: str) -> None:
        if provider not in ("outbox", "notify"):
            raise ValueError(f"Unknown email provider {provider!r}: use outbox or notify")
        self.provider = provider

    def send_complaint_receipt(
        self,
        *,
        to: str,
        reference: str,
        kind_words: str,
        received_on: date,
        acknowledgement_due: date,
        response_due: date,
    ) -> EmailMessage:
        """The copy a person asked for when they sent a concern or complaint online."""
        subject = _(
            "We have your %(kind)s: reference %(reference)s", kind=kind_words, reference=reference
        )
        body = "\n\n".join(
            [
                _(
                    "Thank you for telling us. We received your %(kind)s on %(date)s.",
                    kind=kind_words,
                    date=format_date(received_on, "d MMMM yyyy"),
                ),
                _(
                    "Your reference number is %(reference)s. Please use it if you contact us.",
                    reference=reference,
                ),
                _(
                    "What happens next: we will contact you by %(date)s to talk about how we "
                    "will look into it.",
                    date=format_date(acknowledgement_due, "d MMMM yyyy"),
                ),
                _(
                    "We aim to send you a full answer by %(date)s. If we need longer, we will "
                    "ask you first.",
                    date=format_date(response_due, "d MMMM yyyy"),
                ),
                _(
                    "If you are not happy with our answer, you can ask the Parliamentary and "
                    "Health Service Ombudsman to look at it."
                ),
            ]
        )
        return self._send(to=to, subject=subject, body=body, reference=f"complaint-{reference}")

    def send_satisfaction_invite(self, *, to: str, link: str) -> EmailMessage:
        """After a complaint closes: a single-use link to the complaints satisfaction survey."""
        subject = _("How did we handle your complaint?")
        body = "\n\n".join(
            [
                _("We recently sent you our answer to your complaint."),
                _(
                    "Please tell us how we handled it. It takes about 2 minutes, and your "
                    "answers are not added to your complaint file."
                ),
                link,
                _("The link works once. You do not have to answer."),
            ]
        )
        return self._send(to=to, subject=subject, body=body, reference="complaint-satisfaction")

    def send_urgent_comment_alert(self, *, to: str, count: int, link: str) -> EmailMessage:
        """To the patient experience team (staff text is English): comments that may need
        someone now. The comments' words stay in the platform, since they may name people or
        describe harm."""
        subject = f"Urgent comments to read: {count} new"
        body = "\n\n".join(
            [
                f"{count} new comment{'s' if count != 1 else ''} may describe self-harm, "
                "suicide, abuse, neglect, a safeguarding concern or a threat.",
                "Please read them today and close each one with a note of what was done.",
                link,
            ]
        )
        return self._send(to=to, subject=subject, body=body, reference="urgent-comments")

    def _send(self, *, to: str, subject: str, body: str, reference: str) -> EmailMessage:
        message = EmailMessage(
            to=to,
            subject=subject,
            body=body,
            reference=reference,
            status=MessageStatus.OUTBOX if self.provider == "outbox" else MessageStatus.PENDING,
        )
        db.session.add(message)
        return message


def email_gateway() -> EmailGateway:
    return EmailGateway(current_app.config["EMAIL_PROVIDER"])


def notify_client():  # type: ignore[no-untyped-def]
    """GOV.UK Notify's official client, with the configured key and address."""
    from notifications_python_client.notifications import NotificationsAPIClient

    return NotificationsAPIClient(
        current_app.config["NOTIFY_API_KEY"], base_url=current_app.config["NOTIFY_BASE_URL"]
    )


def deliver_through_notify(
    model: type[M],
    pending_status: object,
    send: Callable[[Any, M], dict[str, Any]],
    mark_sent: Callable[[M, dict[str, Any]], None],
    limit: int,
) -> int:
    """Send up to `limit` of the model's pending messages, oldest first, with
    `send(client, message)`, committing each one's outcome: sent (`mark_sent` with Notify's
    answer), or left pending with the error for the next attempt. Returns how many were sent.
    Emails and texts both go out this way."""
    pending = db.session.scalars(
        select(model)
        .where(model.status == pending_status)  # type: ignore[attr-defined]
        .order_by(model.id)  # type: ignore[attr-defined]
        .limit(limit)
    ).all()
    if not pending:
        return 0
    from notifications_python_client.errors import HTTPError

    client = notify_client()
    sent = 0
    for message in pending:
        try:
            result = send(client, message)
        except (HTTPError, OSError) as error:
            # The log names the message, never the person.
            log.warning("%s %s not sent: %s", model.__name__, message.id, type(error).__name__)
            message.error = str(getattr(error, "status_code", "")) or type(error).__name__
        else:
            mark_sent(message, result)
            message.error = None
            sent += 1
        db.session.commit()
    return sent


def _send_email(client: Any, message: EmailMessage) -> dict[str, Any]:
    return client.send_email_notification(
        email_address=message.to,
        template_id=current_app.config["NOTIFY_EMAIL_TEMPLATE_ID"],
        personalisation={"subject": message.subject, "body": message.body},
        reference=message.reference,
    )


def _email_sent(message: EmailMessage, result: dict[str, Any]) -> None:
    message.status = MessageStatus.SENT
    message.provider_id = str(result.get("id", ""))[:64]
    message.sent_at = utc_now()


def deliver_pending_emails(limit: int = 50) -> int:
    """Send messages waiting for GOV.UK Notify; commits each one's status. Returns sent."""
    return deliver_through_notify(
        EmailMessage, MessageStatus.PENDING, _send_email, _email_sent, limit
    )


def deliver_if_sending() -> None:
    """After a commit: send what is pending when GOV.UK Notify is the provider."""
    if current_app.config["EMAIL_PROVIDER"] != "notify":
        return
    try:
        deliver_pending_emails()
    except Exception:  # the record is saved; a failed send stays pending and is retried
        log.exception("Delivering pending emails failed")


def list_outbox(limit: int = 200) -> Sequence[EmailMessage]:
    return db.session.scalars(
        select(EmailMessage).order_by(EmailMessage.id.desc()).limit(limit)
    ).all()


def get_message(message_id: int) -> EmailMessage | None:
    return db.session.get(EmailMessage, message_id)


def deliver_pending_emails_job() -> int:
    """The scheduler's retry: anything a failed send left pending goes out now."""
    if current_app.config["EMAIL_PROVIDER"] != "notify":
        return 0
    return deliver_pending_emails()
