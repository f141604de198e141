"""GOV.UK Notify's callbacks: inbound replies and delivery receipts.

Authenticated with the bearer token configured on the callbacks (compared in constant time),
and idempotent on Notify's message id, since Notify retries a callback that failed. Each
payload is turned into one value here, at the edge, before any logic sees it.
"""

from __future__ import annotations

import hmac
import json
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from feedback.auth.access import public
from feedback.db import utc_now
from feedback.extensions import csrf, db
from feedback.sms.conversation import InboundSms, receive
from feedback.sms.gateway import deliver_if_sending
from feedback.sms.models import MessageStatus, SmsMessage
from feedback.sms.numbers import NumberError, number_hash, uk_mobile
from feedback.surveys.text import without_control_characters

bp = public(Blueprint("sms_callbacks", __name__, url_prefix="/sms/notify"))
csrf.exempt(bp)

LARGEST_BODY = 64_000  # a 2,000-character reply is about 8 kB of JSON at most
INBOUND_FIELDS = ("id", "source_number", "destination_number", "message", "date_received")
RECEIPT_FIELDS = ("id", "status")
RECEIPT_STATUSES = {
    "delivered": MessageStatus.DELIVERED,
    "permanent-failure": MessageStatus.FAILED,
    "temporary-failure": MessageStatus.FAILED,
    "technical-failure": MessageStatus.FAILED,
}


class PayloadError(ValueError):
    """The callback's body is not what Notify sends; the message says what is wrong."""


def _reply(status: int, **body: object) -> Response:
    response = jsonify(body)
    response.status_code = status
    return response


def _authorised() -> bool:
    expected = current_app.config.get("SMS_CALLBACK_TOKEN")
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(token.strip().encode(), str(expected).encode())


def _payload(fields: tuple[str, ...]) -> dict[str, str]:
    if request.content_length and request.content_length > LARGEST_BODY:
        raise PayloadError("The body is too large")
    try:
        data: Any = json.loads(request.get_data(cache=False, as_text=False) or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise PayloadError("The body is not JSON") from error
    if not isinstance(data, dict):
        raise PayloadError("The body must be a JSON object")
    missing = [name for name in fields if not isinstance(data.get(name), str)]
    if missing:
        raise PayloadError(f"Missing or not a string: {', '.join(missing)}")
    return data


def _received_at(text: str) -> datetime:
    """Notify's dates are UTC, as "2026-11-30T14:05:01.123456Z" (or without the Z)."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as error:
        raise PayloadError("date_received is not a date and time") from error
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def inbound_from(data: dict[str, str]) -> InboundSms:
    # Control characters dropped at the edge: no text carries them, PostgreSQL refuses a NUL,
    # and a reply is shown on staff pages.
    data = {name: without_control_characters(data[name]) for name in INBOUND_FIELDS}
    source = data["source_number"].strip()
    try:
        phone = uk_mobile(source)
    except NumberError:
        phone = source  # still matched (and opted out) by what was sent
    message_id = data["id"].strip()
    if not message_id:
        raise PayloadError("id is empty")
    return InboundSms(
        provider_id=message_id[:64],
        phone=phone,
        phone_hash=number_hash(phone),
        message=data["message"],
        received_at=_received_at(data["date_received"]),
    )


@bp.post("/inbound")
def inbound() -> ResponseReturnValue:
    if not _authorised():
        return _reply(401, error="Send the callback's bearer token")
    try:
        reply = inbound_from(_payload(INBOUND_FIELDS))
    except PayloadError as problem:
        return _reply(400, error=str(problem))
    try:
        reading = receive(reply)
        db.session.commit()
    except IntegrityError:  # the same reply, retried while the first was being recorded
        db.session.rollback()
        return _reply(200, result="already recorded")
    if reading is None:
        return _reply(200, result="already recorded")
    deliver_if_sending()
    return _reply(200, result="recorded")


@bp.post("/status")
def receipt() -> ResponseReturnValue:
    if not _authorised():
        return _reply(401, error="Send the callback's bearer token")
    try:
        data = _payload(RECEIPT_FIELDS)
    except PayloadError as problem:
        return _reply(400, error=str(problem))
    message = db.session.scalar(
        select(SmsMessage).where(
            SmsMessage.provider_id == without_control_characters(data["id"]).strip()[:64]
        )
    )
    if message is None:
        # Not (yet) ours: Notify tries again later, by when a just-sent text is on record.
        return _reply(404, error="No text with that id")
    status = RECEIPT_STATUSES.get(data["status"])
    if status is None:
        return _reply(200, result="status noted")  # "sending" and the like change nothing
    if message.status != status:
        message.status = status
        if status == MessageStatus.DELIVERED:
            message.delivered_at = utc_now()
        else:
            message.error = data["status"][:200]
        db.session.commit()
    return _reply(200, result="recorded")
