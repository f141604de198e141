"""Demo texts: invites from the demo patient record system and the conversations they became,
driven through the real invite job and reply handling so the texts page looks like real use.

Numbers are from Ofcom's drama range (07700 900000 to 900999), never a real person's.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from feedback.db import TRUST_TIMEZONE
from feedback.extensions import db
from feedback.sms.conversation import InboundSms, receive
from feedback.sms.invites import InviteRow, check_rows, save_invites, send_waiting_invites, tidy
from feedback.sms.models import SmsInvite
from feedback.sms.numbers import number_hash, uk_mobile

SOURCE = "Demo patient record system"

# (mobile, location code, language, replies as (minutes after the invite, text))
SENT_YESTERDAY = [
    (
        "07700 900101",
        "BRAD-BEL",
        "en",
        [(12, "1"), (20, "The nurses on Belvoir were kind and explained everything")],
    ),
    ("07700 900102", "KIRBY", "en", [(45, "2 but the wait for my discharge letter was long")]),
    ("07700 900103", "STLUKES", "pl", [(30, "1"), (41, "Bardzo dobra opieka, dziękuję")]),
    ("07700 900104", "HYNCA", "en", [(90, "4"), (95, "Hard to get through on the phone")]),
    # Not a rating at first: asked once more, then rated; the first words start the comment.
    ("07700 900105", "LANGLEY", "en", [(25, "Ward 5 were lovely"), (31, "Good")]),
    ("07700 900106", "CN-HINCK", "en", [(8, "Stop please")]),
    ("07700 900107", "RUTLAND", "en", [(60, "3")]),  # rated, no comment yet
    ("07700 900108", "WELFORD", "en", []),  # no reply yet
]
EXPIRED = ("07700 900109", "STEWART", "en")  # invited ten days ago, never answered
WAITING = [("07700 900110", "BRAD-ASH", "en"), ("07700 900111", "AGNES", "ur")]


def _noon(day: date) -> datetime:
    # In UTC, as every stored moment is (SQLite keeps no offset).
    return datetime.combine(day, time(12, 0), tzinfo=TRUST_TIMEZONE).astimezone(UTC)


def _invite(rows: list[tuple[str, str, str]], contact_on: date, today: date) -> None:
    invites = [
        InviteRow(f"Demo {n}", code, mobile, contact_on.isoformat(), language)
        for n, (mobile, code, language) in enumerate(rows, start=1)
    ]
    check_rows(invites, today)
    problems = [error for row in invites for error in row.errors]
    if problems:
        raise ValueError(f"Demo invites refused: {problems}")
    save_invites(invites, SOURCE)


def seed_sms_demo(today: date) -> int:
    """Load the demo texts once (the demo trust must be there); returns how many invites were
    made (0 if already there)."""
    if db.session.scalar(select(func.count(SmsInvite.id))):
        return 0
    ten_days_ago, yesterday = today - timedelta(days=10), today - timedelta(days=1)
    _invite([EXPIRED], ten_days_ago - timedelta(days=1), today)
    send_waiting_invites(_noon(ten_days_ago))
    _invite(
        [(m, c, lang) for m, c, lang, _r in SENT_YESTERDAY], yesterday - timedelta(days=1), today
    )
    sent_at = _noon(yesterday)
    send_waiting_invites(sent_at)
    number = 0
    for mobile, _code, _language, replies in SENT_YESTERDAY:
        phone = uk_mobile(mobile)
        for minutes, text in replies:
            number += 1
            receive(
                InboundSms(
                    provider_id=f"demo-reply-{number}",
                    phone=phone,
                    phone_hash=number_hash(phone),
                    message=text,
                    received_at=sent_at + timedelta(minutes=minutes),
                )
            )
    tidy(_noon(yesterday) + timedelta(hours=7))  # closes the one that expired
    _invite(WAITING, yesterday, today)  # the job sends these in the next daytime window
    db.session.flush()
    return 1 + len(SENT_YESTERDAY) + len(WAITING)
