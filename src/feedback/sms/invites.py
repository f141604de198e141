"""Who may be texted, and when: invites from discharges or contacts, the rules that stop a
text (opted out, do not contact, invited in the last 30 days), the daytime window, and
forgetting numbers once they are no longer needed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import select, update

from feedback.db import utc_now
from feedback.extensions import db
from feedback.i18n import SUPPORTED_CODES
from feedback.organisation.models import Location
from feedback.sms.conversation import is_opted_out, start_conversation
from feedback.sms.models import (
    ConversationState,
    InviteStatus,
    SkipReason,
    SmsConversation,
    SmsInvite,
    SmsMessage,
)
from feedback.sms.numbers import NumberError, number_hash, uk_mobile

LONDON = ZoneInfo("Europe/London")
BATCH = 200
TRUE_WORDS = frozenset({"yes", "y", "true", "1", "do not contact"})
FALSE_WORDS = frozenset({"", "no", "n", "false", "0"})


@dataclass
class InviteRow:
    """One discharge or contact as sent, and what is wrong with it (empty: nothing)."""

    label: str  # "Row 3" or "Item 2", for the error report
    location_code: str
    mobile: str
    contact_on: str
    language: str = "en"
    do_not_contact: str = ""
    errors: list[str] = field(default_factory=list)
    # Filled in by check_rows when the row is good.
    location_id: int | None = None
    phone: str | None = None
    day: date | None = None
    flagged: bool = False


def _check_location(row: InviteRow, locations: dict[str, Location]) -> None:
    code = row.location_code.strip()
    location = locations.get(code.upper())
    if not code:
        row.errors.append(f"{row.label}: enter the ward or team's location code")
    elif location is None:
        row.errors.append(f"{row.label}: no ward or team has the code {code!r}")
    elif location.is_retired or location.service.is_retired:
        row.errors.append(f"{row.label}: {location.name} is closed and takes no feedback")
    else:
        row.location_id = location.id


def _check_one(row: InviteRow, locations: dict[str, Location], today: date) -> None:
    _check_location(row, locations)
    try:
        row.phone = uk_mobile(row.mobile)
    except NumberError as error:
        row.errors.append(f"{row.label}: {error}")
    try:
        row.day = date.fromisoformat(row.contact_on.strip())
    except ValueError:
        row.errors.append(f"{row.label}: enter the date as YYYY-MM-DD, like 2026-11-30")
    else:
        if row.day > today:
            row.errors.append(f"{row.label}: the date is in the future")
    language = (row.language or "en").strip().lower()
    if language not in SUPPORTED_CODES:
        row.errors.append(f"{row.label}: language must be one of {', '.join(SUPPORTED_CODES)}")
    row.language = language
    flag = (row.do_not_contact or "").strip().lower()
    if flag not in TRUE_WORDS | FALSE_WORDS:
        row.errors.append(f"{row.label}: do not contact must be yes or no")
    row.flagged = flag in TRUE_WORDS


def check_rows(rows: Sequence[InviteRow], today: date) -> None:
    """Every problem with every row, so the sender can fix the file in one go."""
    # No code holds a NUL, and PostgreSQL refuses one in a query: such a row is "no location".
    codes = {r.location_code.strip().upper() for r in rows if "\x00" not in r.location_code}
    locations = {
        loc.code.upper(): loc
        for loc in db.session.scalars(select(Location).where(Location.code.in_(codes)))
    }
    seen: dict[tuple, str] = {}
    for row in rows:
        _check_one(row, locations, today)
        if row.errors:
            continue
        key = (row.location_id, row.phone, row.day)
        if key in seen:
            row.errors.append(f"{row.label}: the same contact as {seen[key]}")
        else:
            seen[key] = row.label


def _source_key(row: InviteRow, phone_hash: str) -> str:
    # The same person, place and day sent again (a resent file) is the same invite.
    return hashlib.sha256(f"{row.location_id}|{phone_hash}|{row.day}".encode()).hexdigest()


def save_invites(rows: Iterable[InviteRow], received_from: str) -> tuple[int, int]:
    """Store good rows as waiting invites; (added, already there). Rows must be checked."""
    good = [(row, number_hash(row.phone)) for row in rows if not row.errors and row.phone]
    keys = [_source_key(row, digest) for row, digest in good]
    known: set[str] = set()
    for start in range(0, len(keys), 1000):  # one lookup per thousand, not one per row
        known |= set(
            db.session.scalars(
                select(SmsInvite.source_key).where(
                    SmsInvite.source_key.in_(keys[start : start + 1000])
                )
            )
        )
    added = 0
    for (row, digest), key in zip(good, keys, strict=True):
        if key in known:
            continue
        known.add(key)
        db.session.add(
            SmsInvite(
                location_id=row.location_id,
                contact_on=row.day,
                language=row.language,
                phone=row.phone,
                phone_hash=digest,
                do_not_contact=row.flagged,
                status=InviteStatus.WAITING,
                source_key=key,
                received_from=received_from[:200],
            )
        )
        added += 1
    db.session.flush()
    return added, len(good) - added


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def in_sending_window(now: datetime) -> bool:
    local = now.astimezone(LONDON).time()
    config = current_app.config
    return _clock(config["SMS_SEND_FROM"]) <= local < _clock(config["SMS_SEND_UNTIL"])


def _invited_recently(phone_hash: str, now: datetime) -> bool:
    since = now - timedelta(days=current_app.config["SMS_DAYS_BETWEEN_INVITES"])
    return (
        db.session.scalar(
            select(SmsConversation.id).where(
                SmsConversation.phone_hash == phone_hash, SmsConversation.started_at >= since
            )
        )
        is not None
    )


def skip_reason(invite: SmsInvite, now: datetime) -> SkipReason | None:
    if invite.do_not_contact:
        return SkipReason.DO_NOT_CONTACT
    if is_opted_out(invite.phone_hash):
        return SkipReason.OPTED_OUT
    if _invited_recently(invite.phone_hash, now):
        return SkipReason.RECENT_INVITE
    return None


def send_waiting_invites(now: datetime | None = None) -> int:
    """The scheduled job: inside the daytime window, text each waiting invite or say why
    not. Returns how many invites were handled."""
    now = now or utc_now()
    if not in_sending_window(now):
        return 0
    waiting = db.session.scalars(
        select(SmsInvite)
        .where(SmsInvite.status == InviteStatus.WAITING)
        .order_by(SmsInvite.id)
        .limit(BATCH)
    ).all()
    for invite in waiting:
        send_invite_now(invite, now)
        db.session.flush()  # the next invite to the same number sees this one's conversation
    return len(waiting)


def send_invite_now(invite: SmsInvite, now: datetime) -> SkipReason | None:
    """Text the invite unless a rule says not to; the reason when it was not sent."""
    reason = skip_reason(invite, now)
    invite.handled_at = now
    if reason is None:
        start_conversation(invite, now)
        invite.status = InviteStatus.SENT
    else:
        invite.status = InviteStatus.SKIPPED
        invite.skip_reason = reason
    return reason


def tidy(now: datetime | None = None) -> int:
    """The scheduled job: close conversations past their time, then delete plain numbers no
    longer needed. Returns the rows changed."""
    now = now or utc_now()
    closed = db.session.execute(
        update(SmsConversation)
        .where(SmsConversation.state != ConversationState.CLOSED, SmsConversation.expires_at <= now)
        .values(state=ConversationState.CLOSED, closed_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    keep = now - timedelta(days=current_app.config["SMS_KEEP_NUMBERS_DAYS"])
    finished = select(SmsConversation.invite_id).where(
        SmsConversation.closed_at <= keep, SmsConversation.invite_id.is_not(None)
    )
    forgotten = db.session.execute(
        update(SmsInvite)
        .where(
            SmsInvite.phone.is_not(None),
            (SmsInvite.id.in_(finished))
            | ((SmsInvite.status == InviteStatus.SKIPPED) & (SmsInvite.handled_at <= keep)),
        )
        .values(phone=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    messages = db.session.execute(
        update(SmsMessage)
        .where(SmsMessage.to_phone.is_not(None), SmsMessage.created_at <= keep)
        .values(to_phone=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    return (closed or 0) + (forgotten or 0) + (messages or 0)
