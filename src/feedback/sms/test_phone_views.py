"""The trainer's test phone: a drama-range number invited at once and answered as a patient
would, so staff can try a whole text conversation without a real phone or a real patient."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import phonenumbers
from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today, utc_now
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.organisation.services import list_locations
from feedback.sms import uploads
from feedback.sms.conversation import InboundSms, latest_conversation, receive, start_conversation
from feedback.sms.forms import DRAMA_HINT, TestInviteForm, TestReplyForm, language_choices
from feedback.sms.gateway import deliver_if_sending
from feedback.sms.invites import InviteRow, check_rows, save_invites, skip_reason
from feedback.sms.models import InviteStatus, SkipReason, SmsConversation, SmsInvite, SmsOptOut
from feedback.sms.numbers import number_hash, uk_mobile
from feedback.sms.views import Line, location_names, message_line, sms_provider

bp = restricted_to(
    Blueprint("sms_test_phone", __name__, url_prefix="/sms"), [Role.ADMIN, Role.PX_TEAM]
)

TEST_CONVERSATIONS_SHOWN = 5
TEST_SOURCE = "test phone by "
DRAMA_RANGE = range(1000)  # 07700 900000 to 07700 900999
NOT_SENT = {
    SkipReason.OPTED_OUT: "Not sent: this number has opted out of texts",
    SkipReason.DO_NOT_CONTACT: "Not sent: this contact is marked do not contact",
    SkipReason.RECENT_INVITE: (
        "Not sent: this number had an invite in the last {days} days. "
        "Use another number from the range"
    ),
}


def _national(e164: str) -> str:
    number = phonenumbers.parse(e164, "GB")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


def free_drama_number(now: datetime) -> str | None:
    """A drama-range number that may be invited now (no invite in the last 30 days, not
    opted out), so the trainer need not guess one."""
    numbers = {number_hash(f"+447700900{n:03d}"): f"07700 900{n:03d}" for n in DRAMA_RANGE}
    since = now - timedelta(days=current_app.config["SMS_DAYS_BETWEEN_INVITES"])
    hashes = sorted(numbers)
    used = set(
        db.session.scalars(
            select(SmsConversation.phone_hash).where(
                SmsConversation.phone_hash.in_(hashes), SmsConversation.started_at >= since
            )
        )
    )
    used.update(
        db.session.scalars(select(SmsOptOut.phone_hash).where(SmsOptOut.phone_hash.in_(hashes)))
    )
    return next((number for digest, number in numbers.items() if digest not in used), None)


def _test_conversations() -> list[tuple[SmsConversation, list[Line], str]]:
    conversations = db.session.scalars(
        select(SmsConversation)
        .join(SmsConversation.invite)
        .where(SmsInvite.received_from.startswith(TEST_SOURCE))
        .options(selectinload(SmsConversation.messages), selectinload(SmsConversation.invite))
        .order_by(SmsConversation.id.desc())
        .limit(TEST_CONVERSATIONS_SHOWN)
    ).all()
    names = location_names({c.location_id for c in conversations})
    return [
        (c, [message_line(m) for m in c.messages], names.get(c.location_id, ""))
        for c in conversations
    ]


def _send_test_invite(
    form: TestInviteForm, locations: dict[int, Location]
) -> SmsConversation | None:
    """Save the invite and text it at once, whatever the time of day, but never against
    the opt-out, do-not-contact or 30-day rules. None (with the reason on the form) if not."""
    now, today = utc_now(), trust_today()
    location = locations[form.location.data]
    row = InviteRow(
        "Test invite", location.code, form.mobile.data, today.isoformat(), form.language.data
    )
    check_rows([row], today)
    if row.errors:
        form.mobile.errors.append(uploads.problem(row, row.errors[0]))
        return None
    added, _already = save_invites([row], f"{TEST_SOURCE}{current_user.email}")
    if not added:
        form.mobile.errors.append(
            "This number already had a test invite to this ward or team today. "
            "Use another number from the range"
        )
        return None
    invite = db.session.scalars(
        select(SmsInvite)
        .where(
            SmsInvite.phone_hash == number_hash(row.phone or ""),
            SmsInvite.location_id == location.id,
            SmsInvite.contact_on == today,
        )
        .order_by(SmsInvite.id.desc())
        .limit(1)
    ).one()
    reason = skip_reason(invite, now)
    if reason is not None:
        db.session.rollback()  # a test that would not be sent leaves nothing behind
        days = current_app.config["SMS_DAYS_BETWEEN_INVITES"]
        form.mobile.errors.append(NOT_SENT[reason].format(days=days))
        return None
    invite.handled_at = now
    conversation = start_conversation(invite, now)
    invite.status = InviteStatus.SENT
    db.session.flush()
    return conversation


def _reply_as_patient(form: TestReplyForm) -> ResponseReturnValue:
    phone = uk_mobile(form.mobile.data)
    digest = number_hash(phone)
    receive(
        InboundSms(
            provider_id=f"test-{uuid.uuid4()}",
            phone=phone,
            phone_hash=digest,
            message=form.message.data,
            received_at=utc_now(),
        )
    )
    conversation = latest_conversation(digest)
    db.session.commit()
    deliver_if_sending()
    if conversation is None:
        flash("Reply recorded. No invite went to this number, so it gets no answer.")
        return redirect(url_for(".test_phone"))
    return redirect(url_for("sms.show_conversation", conversation_id=conversation.id))


def _prefill_reply(form: TestReplyForm) -> None:
    conversation_id = request.args.get("reply", type=int)
    conversation = db.session.get(SmsConversation, conversation_id) if conversation_id else None
    if conversation is not None and conversation.invite and conversation.invite.phone:
        form.mobile.data = _national(conversation.invite.phone)


@bp.route("/test-phone", methods=["GET", "POST"])
def test_phone() -> ResponseReturnValue:
    if sms_provider() != "outbox":
        page = render_template("sms/test-phone.html", available=False, provider=sms_provider())
        return page, (200 if request.method == "GET" else 400)
    which = request.form.get("form") if request.method == "POST" else None
    invite_form = TestInviteForm() if which == "invite" else TestInviteForm(formdata=None)
    reply_form = TestReplyForm() if which == "reply" else TestReplyForm(formdata=None)
    locations = {loc.id: loc for loc in list_locations(include_retired=False)}
    invite_form.location.choices = [
        (loc.id, f"{loc.name} ({loc.service.name})") for loc in locations.values()
    ]
    if which == "invite" and invite_form.validate():
        conversation = _send_test_invite(invite_form, locations)
        if conversation is not None:
            db.session.commit()
            deliver_if_sending()
            flash("Test invite sent. Reply to it as the patient below.")
            return redirect(url_for(".test_phone", reply=conversation.id))
    elif which == "reply" and reply_form.validate():
        return _reply_as_patient(reply_form)
    if request.method == "GET":
        _prefill_reply(reply_form)
    free = free_drama_number(utc_now())
    invite_form.mobile.description = DRAMA_HINT + (
        f" {free} has had no invite in the last "
        f"{current_app.config['SMS_DAYS_BETWEEN_INVITES']} days."
        if free
        else ""
    )
    has_errors = bool(invite_form.errors or reply_form.errors)
    return render_template(
        "sms/test-phone.html",
        available=True,
        invite_form=invite_form,
        reply_form=reply_form,
        has_errors=has_errors,
        conversations=_test_conversations(),
        languages=dict(language_choices()),
    ), (
        400
        if has_errors or (request.method == "POST" and which not in ("invite", "reply"))
        else 200
    )
