"""Staff pages for texts: the outbox, conversations, the test phone and invite uploads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import TRUST_TIMEZONE, as_utc, trust_today, utc_now
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.organisation.services import list_locations
from feedback.sms import uploads
from feedback.sms.conversation import (
    is_opted_out,
)
from feedback.sms.forms import (
    ConfirmForm,
    UploadForm,
    language_choices,
)
from feedback.sms.invites import (
    InviteRow,
    check_rows,
    in_sending_window,
    save_invites,
)
from feedback.sms.models import (
    ConversationState,
    Direction,
    InviteStatus,
    MessageStatus,
    SmsConversation,
    SmsInvite,
    SmsMessage,
    SmsOptOut,
)
from feedback.sms.numbers import masked

bp = restricted_to(Blueprint("sms", __name__, url_prefix="/sms"), [Role.ADMIN, Role.PX_TEAM])

OUTBOX_SIZE = 200
ERRORS_IN_SUMMARY = 20  # the rest are in the table below it
ROWS_SHOWN = 1_000  # a preview longer than this lists the first rows only

INTENT_WORDS = {
    "invite": "Invite",
    "follow_up": "Follow-up question",
    "reask": "Asked again",
    "thanks": "Thank you",
    "opt_out_confirmation": "Opt-out confirmed",
    "reply": "Reply",
}
STATUS_WORDS = {
    MessageStatus.OUTBOX: "In the outbox (not sent)",
    MessageStatus.PENDING: "Waiting to be sent",
    MessageStatus.SENT: "Sent",
    MessageStatus.DELIVERED: "Delivered",
    MessageStatus.FAILED: "Failed",
    MessageStatus.RECEIVED: "Received",
    MessageStatus.SHOWN: "Shown on the web form",
}
PROVIDER_WORDS = {
    "outbox": "Outbox: texts stay on this page and are not sent",
    "notify": "GOV.UK Notify: texts are sent to patients' phones",
}


@bp.url_value_preprocessor
def _room_for_the_file(endpoint: str | None, _values: dict[str, Any] | None) -> None:
    # The confirm form carries a whole file in one field, over Werkzeug's 500 kB default.
    # CSRF reads the form in a before_request hook, before the view runs, so the limit is
    # raised here (which runs first), for this form only. UTF-8 takes up to 3 bytes a character.
    if endpoint == "sms.confirm_invites":
        request.max_form_memory_size = 3 * uploads.max_upload_bytes() + 10_000


@dataclass(frozen=True)
class Line:
    """One text as the outbox and the conversation page show it."""

    message: SmsMessage
    when: datetime  # Europe/London
    direction: str
    intent: str
    number: str
    status: str


def _local(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(TRUST_TIMEZONE)


def message_line(message: SmsMessage) -> Line:
    """The text as the outbox, conversation and test-phone pages show it."""
    invite = message.conversation.invite if message.conversation else None
    known = invite.phone if invite else None
    if message.direction == Direction.OUT:
        known = message.to_phone or known
    status = STATUS_WORDS.get(message.status, message.status.value)
    if message.error:
        status = f"{status} ({message.error})"
    return Line(
        message=message,
        when=_local(message.created_at),
        direction="To the patient" if message.direction == Direction.OUT else "From the patient",
        intent=INTENT_WORDS.get(message.intent, message.intent.replace("_", " ").capitalize()),
        number=masked(known),
        status=status,
    )


def _start_of_today() -> datetime:
    midnight = datetime.combine(trust_today(), time(0), tzinfo=TRUST_TIMEZONE)
    return midnight.astimezone(UTC)


def _counts() -> dict[str, int]:
    waiting = select(func.count(SmsInvite.id)).where(SmsInvite.status == InviteStatus.WAITING)
    sent_today = select(func.count(SmsMessage.id)).where(
        SmsMessage.direction == Direction.OUT,
        SmsMessage.status != MessageStatus.SHOWN,
        SmsMessage.created_at >= _start_of_today(),
    )
    return {
        "waiting": db.session.scalar(waiting) or 0,
        "sent_today": db.session.scalar(sent_today) or 0,
        "opted_out": db.session.scalar(select(func.count(SmsOptOut.phone_hash))) or 0,
    }


def sms_provider() -> str:
    """The gateway texts go through: 'outbox' (kept on a page) or 'notify'."""
    return str(current_app.config["SMS_PROVIDER"])


@bp.get("/")
def outbox() -> ResponseReturnValue:
    messages = db.session.scalars(
        select(SmsMessage)
        .options(selectinload(SmsMessage.conversation).selectinload(SmsConversation.invite))
        .order_by(SmsMessage.id.desc())  # the order they were recorded in, newest first
        .limit(OUTBOX_SIZE)
    ).all()
    config = current_app.config
    return render_template(
        "sms/outbox.html",
        lines=[message_line(message) for message in messages],
        counts=_counts(),
        sending_now=in_sending_window(utc_now()),
        window=(config["SMS_SEND_FROM"], config["SMS_SEND_UNTIL"]),
        provider=PROVIDER_WORDS.get(sms_provider(), sms_provider()),
        shown=OUTBOX_SIZE,
    )


def state_words(conversation: SmsConversation, now: datetime) -> str:
    """Where the conversation is, for staff."""
    if conversation.state == ConversationState.CLOSED:
        if is_opted_out(conversation.phone_hash):
            return "Closed: the patient opted out of texts"
        if conversation.thanked:
            return "Closed: thanked, and later replies get no answer"
        return "Closed: no answer came in time"
    if as_utc(conversation.expires_at) <= now:
        return "Expired: replies get no answer (it closes at the next tidy)"
    if conversation.state == ConversationState.AWAITING_RATING:
        return "Waiting for a rating"
    if conversation.state == ConversationState.AFTER_REASK:
        return "Asked again: waiting for a rating"
    if conversation.thanked:
        return "Thanked: more texts are added to the comment"
    return "Rated: waiting for a comment"


def location_names(ids: set[int]) -> dict[int, str]:
    """Location names by id, for the few a page lists."""
    if not ids:
        return {}
    found = db.session.execute(
        select(Location.id, Location.name).where(Location.id.in_(sorted(ids)))
    )
    return {location_id: name for location_id, name in found}


@bp.get("/conversations/<int:conversation_id>")
def show_conversation(conversation_id: int) -> ResponseReturnValue:
    conversation = db.session.get(
        SmsConversation,
        conversation_id,
        options=[
            selectinload(SmsConversation.messages),
            selectinload(SmsConversation.invite),
        ],
    )
    if conversation is None:
        abort(404)
    invite = conversation.invite
    return render_template(
        "sms/conversation.html",
        conversation=conversation,
        lines=[message_line(message) for message in conversation.messages],
        state=state_words(conversation, utc_now()),
        location=location_names({conversation.location_id}).get(conversation.location_id, ""),
        number=masked(invite.phone if invite else None),
        invite=invite,
        started=_local(conversation.started_at),
        expires=_local(conversation.expires_at),
        closed=_local(conversation.closed_at) if conversation.closed_at else None,
        languages=dict(language_choices()),
    )


# Invites from a CSV file ----------------------------------------------------------------


def _checked_rows(text: str) -> list[InviteRow]:
    rows = uploads.read_invites(text, uploads.max_upload_bytes())
    check_rows(rows, trust_today())
    return rows


def _waiting() -> int:
    count = select(func.count(SmsInvite.id)).where(SmsInvite.status == InviteStatus.WAITING)
    return db.session.scalar(count) or 0


def _upload_page(form: UploadForm) -> ResponseReturnValue:
    return render_template(
        "sms/invites-upload.html",
        form=form,
        max_size=uploads.size_in_words(uploads.max_upload_bytes()),
        max_rows=uploads.MAX_ROWS,
        waiting=_waiting(),
        days=current_app.config["SMS_DAYS_BETWEEN_INVITES"],
    ), (400 if form.errors else 200)


def _error_list(rows: list[InviteRow]) -> list[dict[str, str]]:
    """The first problems, for the error summary; the table below it has them all."""
    problems = [
        {"text": message, "href": f"#{uploads.row_id(row)}"}
        for row in rows
        for message in row.errors
    ]
    if len(problems) <= ERRORS_IN_SUMMARY:
        return problems
    more = len(problems) - ERRORS_IN_SUMMARY
    return [
        *problems[:ERRORS_IN_SUMMARY],
        {"text": f"And {more:,} more problems, listed below", "href": "#problems"},
    ]


def _preview_page(rows: list[InviteRow], text: str) -> ResponseReturnValue:
    bad = [row for row in rows if row.errors]
    return render_template(
        "sms/invites-preview.html",
        rows=rows,
        bad=bad,
        error_list=_error_list(bad),
        confirm=ConfirmForm(formdata=None, csv_text=text),
        names=location_names({row.location_id for row in rows if row.location_id}),
        languages=dict(language_choices()),
        flagged=sum(1 for row in rows if row.flagged),
        rows_shown=ROWS_SHOWN,
        problem=uploads.problem,
        row_id=uploads.row_id,
        masked=masked,
    ), (400 if bad else 200)


@bp.route("/invites", methods=["GET", "POST"])
def upload_invites() -> ResponseReturnValue:
    form = UploadForm()
    if form.validate_on_submit():
        limit = uploads.max_upload_bytes()
        try:
            # One byte past the limit is enough to know the file is too big.
            text = uploads.decode_upload(form.file.data.stream.read(limit + 1), limit)
            rows = _checked_rows(text)
        except uploads.UploadError as error:
            form.file.errors.append(str(error))
        else:
            return _preview_page(rows, text)
    return _upload_page(form)


@bp.post("/invites/confirm")
def confirm_invites() -> ResponseReturnValue:
    form = ConfirmForm()
    upload_form = UploadForm(formdata=None)
    if not form.validate_on_submit():
        upload_form.file.errors = ["Upload the file again"]
        return _upload_page(upload_form)
    text = form.csv_text.data
    try:
        rows = _checked_rows(text)
    except uploads.UploadError as error:
        upload_form.file.errors = [str(error)]
        return _upload_page(upload_form)
    if any(row.errors for row in rows):
        return _preview_page(rows, text)  # as the eligible-count import: all rows or none
    added, already = save_invites(rows, f"file upload by {current_user.email}")
    try:
        db.session.commit()
    except IntegrityError:  # another upload of the same file, saved in the meantime
        db.session.rollback()
        upload_form.file.errors = ["The same file was saved at the same moment. Upload it again"]
        return _upload_page(upload_form)
    flash(f"{_invites(added)} added, {already:,} already there")
    return redirect(url_for(".upload_invites"))


def _invites(count: int) -> str:
    return f"{count:,} invite" if count == 1 else f"{count:,} invites"


@bp.get("/invites/sample.csv")
def sample_invites() -> ResponseReturnValue:
    codes = [loc.code for loc in list_locations(include_retired=False)[:3]]
    return Response(
        uploads.sample_csv(trust_today(), codes),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=text-invites-sample.csv"},
    )
