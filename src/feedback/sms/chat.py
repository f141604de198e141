"""The SMS-style web form: the same conversation as the texts, as chat bubbles on a page.

`GET /text/<token>` shows the conversation in its own language (`?lang=` still chooses
another); `POST` reads the reply exactly as a text is read (`conversation.receive`, channel
"web": the answers are shown, not texted), commits, and redirects back to `#latest`, where
the newest answer sits in the page's live region. Each rendering of the form carries its own
key, so a double tap or a retry is recorded once. `GET /text/start/<location_code>` opens a
conversation with no phone behind it, from a link or QR code. `POST /text/kiosk/<kiosk token>`
opens one on a ward tablet: its thread is shown only to the browser session that started it,
the kiosk's idle timer clears it, and "Finish" (or the timer) returns to the kiosk's start.
"""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import force_locale, get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError

from feedback.auth.access import public
from feedback.extensions import db, limiter
from feedback.i18n import SUPPORTED_CODES, language
from feedback.kiosks.models import Kiosk
from feedback.kiosks.services import get_active_kiosk, kiosk_token
from feedback.organisation.services import get_open_location
from feedback.sms.chat_forms import ReplyForm, new_key
from feedback.sms.models import ConversationState, SmsConversation
from feedback.sms.web import (
    get_conversation,
    is_open,
    record_web_reply,
    start_web_conversation,
    thread,
)
from feedback.web import easy_read_chosen

bp = public(Blueprint("sms_chat", __name__, url_prefix="/text"))
# The web token of the chat this tablet's browser started: the only one it may show.
KIOSK_CHAT = "kiosk_chat"


@bp.after_request
def _private(response: Response) -> Response:
    # The token in the address is the only key to the conversation: keep it out of search
    # engines and out of any Referer header.
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


def _asked_language() -> str | None:
    asked = request.args.get("lang")
    return asked if asked in SUPPORTED_CODES else None


def _page_language(conversation: SmsConversation) -> str:
    """The conversation's language, unless this request asks for another with ?lang=."""
    return _asked_language() or language(conversation.language).code


def _page_url(token: str) -> str:
    return url_for(".conversation", token=token, lang=_asked_language())


@bp.get("/start/<location_code>")
@limiter.limit("30 per minute")  # each visit starts a conversation: link scanners stop here
def start(location_code: str) -> ResponseReturnValue:
    location = get_open_location(location_code)
    if location is None:
        abort(404)
    conversation = start_web_conversation(location, language(str(get_locale())).code)
    db.session.commit()
    return redirect(url_for(".conversation", token=conversation.web_token), 303)


@bp.post("/kiosk/<kiosk>")
def start_on_kiosk(kiosk: str) -> ResponseReturnValue:
    tablet = get_active_kiosk(kiosk, current_app.config["SECRET_KEY"])
    if tablet is None:
        abort(404)
    conversation = start_web_conversation(
        tablet.location, language(str(get_locale())).code, kiosk_id=tablet.id
    )
    db.session.commit()
    session[KIOSK_CHAT] = conversation.web_token
    return redirect(
        url_for(".conversation", token=conversation.web_token, lang=_asked_language()), 303
    )


@bp.route("/<token>/finish", methods=["GET", "POST"])
def finish(token: str) -> ResponseReturnValue:
    """Clear a tablet's chat from the screen and go back to the kiosk's start page. Nothing
    is lost: every reply was kept as it was sent. GET too: the thank-you timer follows it."""
    found = _visible(token)
    if found is None or found.kiosk_id is None:
        return _not_found()
    session.pop(KIOSK_CHAT, None)
    tablet = db.session.get(Kiosk, found.kiosk_id)
    start = kiosk_token(tablet, current_app.config["SECRET_KEY"])  # type: ignore[arg-type]
    return redirect(url_for("kiosk.start", token=start, lang=_asked_language()), 303)


def _visible(token: str) -> SmsConversation | None:
    """The conversation, unless it was started on a tablet by another browser session (or by
    this one before it finished): the next person on the ward must not read it."""
    found = get_conversation(token)
    if found is not None and found.kiosk_id is not None and session.get(KIOSK_CHAT) != token:
        return None
    return found


@bp.get("/<token>")
def conversation(token: str) -> ResponseReturnValue:
    found = _visible(token)
    if found is None:
        return _not_found()
    with force_locale(_page_language(found)):
        return _render(found, ReplyForm(formdata=None, data={"key": new_key()}))


@bp.post("/<token>")
def reply(token: str) -> ResponseReturnValue:
    found = _visible(token)
    if found is None:
        return _not_found()
    with force_locale(_page_language(found)):
        if not is_open(found):
            return redirect(_page_url(token), 303)  # the page says it has ended
        form = ReplyForm()
        if not form.validate_on_submit():
            return _render(found, form)
        try:
            record_web_reply(found, form.reply.data, form.idempotency_key() or new_key())
            db.session.commit()
        except IntegrityError:  # the same key, sent twice at the same moment: kept once
            db.session.rollback()
    return redirect(_page_url(token) + "#latest", 303)


@bp.errorhandler(CSRFError)
def _stale_page(error: CSRFError) -> ResponseReturnValue:
    # A page left open past the session: keep what they typed and let them send it again.
    found = _visible((request.view_args or {}).get("token", ""))
    if found is None:
        return render_template("errors/session-expired.html"), 400
    with force_locale(_page_language(found)):
        form = ReplyForm(
            formdata=None,
            data={"reply": request.form.get("reply", ""), "key": new_key()},
        )
        form.reply.errors = [_("This page was open for a long time. Please send your reply again.")]
        return _render(found, form, status=400)


def _not_found() -> ResponseReturnValue:
    return render_template("sms/chat-not-found.html"), 404


def _render(found: SmsConversation, form: ReplyForm, status: int = 200) -> ResponseReturnValue:
    open_now = is_open(found)
    error = form.reply.errors[0] if form.reply.errors else None
    return (
        render_template(
            "sms/chat.html",
            conversation=found,
            thread=thread(found),
            form=form if open_now else None,
            error=error,
            asking_for_rating=found.state != ConversationState.AWAITING_COMMENT,
            message_language=language(found.language),
            action=_page_url(found.web_token),
            easy_read=easy_read_chosen(),
            kiosk=found.kiosk_id is not None,
            finish_url=url_for(".finish", token=found.web_token, lang=_asked_language()),
        ),
        status,
    )
