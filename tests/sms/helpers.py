"""Texts as GOV.UK Notify sends them, and an invited patient, for the SMS tests."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from feedback.extensions import db
from feedback.sms.invites import InviteRow, check_rows, save_invites, send_waiting_invites
from feedback.sms.models import Direction, SmsMessage

TOKEN = "callback-token-for-tests"
MOBILE = "07700 900123"
E164 = "+447700900123"
DAYTIME = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # noon in London, inside the window
_ids = itertools.count(1)


def settings() -> dict[str, Any]:
    return {"SMS_CALLBACK_TOKEN": TOKEN}


def invite(location, mobile: str = MOBILE, language: str = "en", **row: str) -> None:  # type: ignore[no-untyped-def]
    rows = [
        InviteRow(
            "Row 1", location.code, mobile, row.pop("contact_on", "2026-11-29"), language, **row
        )
    ]
    check_rows(rows, date(2026, 11, 30))
    assert not rows[0].errors, rows[0].errors
    save_invites(rows, "test")
    db.session.commit()


def send(now: datetime = DAYTIME) -> int:
    handled = send_waiting_invites(now)
    db.session.commit()
    return handled


def notify_reply(message: str, number: str = "447700900123", **fields: str) -> dict[str, str]:
    """The inbound callback body, field for field as Notify posts it (all strings, UTC)."""
    return {
        "id": fields.pop("id", f"5d1c2b0e-0000-4000-8000-{next(_ids):012d}"),
        "source_number": number,
        "destination_number": "07537417417",
        "message": message,
        "date_received": fields.pop("date_received", "2026-11-30T14:05:01.123456Z"),
        **fields,
    }


def post(client, path: str, body: object, token: str = TOKEN):  # type: ignore[no-untyped-def]
    return client.post(path, json=body, headers={"Authorization": f"Bearer {token}"})


def texts_sent() -> list[tuple[str, str]]:
    """(intent, body) of every text out, oldest first."""
    return [
        (m.intent, m.body)
        for m in db.session.scalars(
            select(SmsMessage).where(SmsMessage.direction == Direction.OUT).order_by(SmsMessage.id)
        )
    ]
