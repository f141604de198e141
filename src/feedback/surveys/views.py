"""The patient journey, public by design: one question per page, written once at the end.

The blueprint is registered four times: at /feedback/<location_code> (a link or QR code used
at home) and /kiosk/<token> (a ward tablet), which run the FFT for that ward or team, at
/forms/<questionnaire_id> for a questionnaire that is not about one place (a complaint), and at
/forms/<questionnaire_id>/at/<location_code> for another questionnaire about one ward or team
(a team's local survey). The channel decides the questionnaire and the NHS England mode; the
questionnaire's `submit` handler decides what the answers become.
"""

from __future__ import annotations

from datetime import timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login.config import COOKIE_NAME as REMEMBER_COOKIE
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import IntegrityError

from feedback.auth.access import public
from feedback.db import trust_today
from feedback.extensions import db, limiter, login_manager
from feedback.surveys import services
from feedback.surveys.answers import answer_summary
from feedback.surveys.channels import Channel, resolve_channel
from feedback.surveys.forms import find_services, question_form_class
from feedback.surveys.models import Journey
from feedback.surveys.options import question_options
from feedback.surveys.questionnaire import DEFAULT_START_TEMPLATE, DEFAULT_THANK_YOU_TEMPLATE
from feedback.surveys.schema import (
    Question,
    Questionnaire,
    QuestionType,
    is_builtin,
    load_questionnaire,
)
from feedback.surveys.shared_pages import render_shared, same_for_everybody
from feedback.surveys.submission import get_submit_handler
from feedback.web import easy_read_chosen

bp = public(Blueprint("journey", __name__))


@bp.url_value_preprocessor
def _resolve_channel(endpoint: str | None, values: dict[str, str] | None) -> None:
    _skip_staff_sign_in()
    channel = resolve_channel(values if values is not None else {}, session.get("journey"))
    if channel is None:
        abort(404)
    g.channel = channel


def _skip_staff_sign_in() -> None:
    """A patient is nobody signed in: say so before anything asks Flask-Login, which would
    otherwise run its session protection on every page (a browser with answers under way has
    a session but no sign-in), rewriting the session cookie and deleting a remember-me cookie
    that was never set, on every response. A session or cookie with a sign-in in it still
    goes through Flask-Login as before."""
    remember_cookie = current_app.config.get("REMEMBER_COOKIE_NAME", REMEMBER_COOKIE)
    if "_user_id" not in session and remember_cookie not in request.cookies:
        login_manager._update_request_context_with_user()  # the anonymous user, as it would


def _journey_page_without_limits() -> bool:
    """No journey page has a rate limit: spare each one Flask-Limiter's search for limits
    (several milliseconds a journey). A default or application-wide limit set in the config
    still applies here."""
    config = current_app.config
    if config.get("RATELIMIT_DEFAULT") or config.get("RATELIMIT_APPLICATION"):
        return False
    view = current_app.view_functions.get(request.endpoint or "")
    return getattr(view, "__module__", None) == __name__


limiter.request_filter(_journey_page_without_limits)


@bp.url_defaults
def _add_channel(endpoint: str, values: dict[str, str]) -> None:
    channel = g.get("channel")
    if channel is not None:
        for key, value in channel.url_values.items():
            values.setdefault(key, value)


@bp.after_request
def _never_cache(response: Response) -> Response:
    # A tablet is shared: nothing of one person's journey may be kept for the next.
    response.headers["Cache-Control"] = "no-store, max-age=0"
    response.headers["Pragma"] = "no-cache"
    return response


@bp.errorhandler(CSRFError)
def _start_again(error: CSRFError) -> ResponseReturnValue:
    # A page left open overnight posts an expired token: explain kindly and offer a fresh start.
    return render_template("surveys/start-again.html", **_page()), 400


def _questionnaire() -> Questionnaire:
    if "questionnaire" not in g:  # a page asks for it several times
        g.questionnaire = load_questionnaire(
            g.channel.questionnaire_id, str(get_locale()), easy_read_chosen()
        )
    return g.questionnaire


def _page(**context: object) -> dict[str, object]:
    channel: Channel = g.channel
    first = _questionnaire().next_question({}, after=None)
    return {
        "first_question_url": url_for(".question", question_id=first.id),  # type: ignore[union-attr]
        "channel": channel,
        "location": channel.location,
        "kiosk": channel.is_kiosk,
        "easy_read": easy_read_chosen(),
        "questionnaire": _questionnaire(),
        **context,
    }


def _max_idle() -> timedelta:
    if g.channel.is_kiosk:
        seconds = (
            current_app.config["KIOSK_IDLE_SECONDS"] + current_app.config["KIOSK_WARNING_SECONDS"]
        )
        return timedelta(seconds=seconds + 30)
    return current_app.config["JOURNEY_MAX_AGE"]


def _current_journey() -> Journey | None:
    """This browser's journey on this channel, unless it is finished with or left too long."""
    journey = services.get_journey(session.get("journey"))
    channel: Channel = g.channel
    location_id = channel.location.id if channel.location is not None else None
    if (
        journey is None
        or journey.questionnaire != channel.questionnaire_id
        or journey.location_id != location_id
        or journey.kiosk_id != channel.kiosk_id
    ):
        return None
    if not journey.is_submitted and services.journey_is_stale(journey, _max_idle()):
        services.discard_journey(journey)
        db.session.commit()
        return None
    return journey


def _unavailable(
    questionnaire: Questionnaire, journey: Journey | None
) -> ResponseReturnValue | None:
    """Where to send a person the questionnaire is not open to now, or None to go on.

    Outside its dates: a kind page in the person's language, but someone already part-way
    through may finish after the closing day, so nothing is lost. Outside a survey window
    (a handler's open times): a draft begun in time may still be sent; one that never can be
    is discarded, keeping nothing of it."""
    if journey is None and (state := questionnaire.not_open_on(trust_today())) is not None:
        return render_template("surveys/not-open.html", **_page(state=state))
    open_times = get_submit_handler(questionnaire.submit).open_times
    if open_times is None or open_times.is_open(journey.started_at if journey else None):
        return None
    if journey is not None and not journey.is_submitted:
        services.discard_journey(journey)
        db.session.commit()
    return redirect(open_times.closed_url())


@bp.get("/")
def start() -> ResponseReturnValue:
    questionnaire = _questionnaire()
    if (unavailable := _unavailable(questionnaire, None)) is not None:
        return unavailable
    if questionnaire.requires_invite:
        token = request.args.get("invite") or session.get(_invite_key(), "")
        if not _invite_is_open(questionnaire, token):
            return _invite_used()
        session[_invite_key()] = token
    elif questionnaire.start_template == DEFAULT_START_TEMPLATE and is_builtin(questionnaire.id):
        # The same for everybody here: only the ward or team's name is read from the database.
        location = g.channel.location
        named = (location.code, location.name) if location is not None else None
        return render_shared(DEFAULT_START_TEMPLATE, questionnaire, _page, named)
    return render_template(questionnaire.start_template, **_page())


def _invite_key() -> str:
    return f"invite:{g.channel.questionnaire_id}"


def _invite_is_open(questionnaire: Questionnaire, token: str) -> bool:
    check = get_submit_handler(questionnaire.submit).check_invite
    return bool(token) and check is not None and check(token, questionnaire.id)


def _invite_used() -> ResponseReturnValue:
    # Links are single use: a second person, or a second go, gets a kind explanation.
    session.pop(_invite_key(), None)
    return render_template("surveys/invite-used.html", **_page()), 410


@bp.route("/<question_id>", methods=["GET", "POST"])
def question(question_id: str) -> ResponseReturnValue:
    questionnaire = _questionnaire()
    asked = questionnaire.question(question_id)
    if asked is None:
        abort(404)
    is_first = asked == questionnaire.next_question({}, after=None)
    journey = _current_journey()
    if journey is not None and journey.is_submitted:
        if request.method == "POST" and not is_first:
            return redirect(url_for(".thank_you"))  # a double tap or a retried final submit
        journey = None  # the next person: never show a finished journey's answers again
    if journey is None and not is_first:
        return redirect(url_for(".start"))
    if (unavailable := _unavailable(questionnaire, journey)) is not None:
        return unavailable
    if questionnaire.requires_invite and not _invite_is_open(
        questionnaire, session.get(_invite_key(), "")
    ):
        return redirect(url_for(".start"))

    answers = journey.answers if journey is not None else {}
    if not asked.shown_given(answers):
        return redirect(url_for(".question", question_id=questionnaire.path(answers)[0].id))

    form_class = question_form_class(asked, current_app.config["FREE_TEXT_MAX_CHARACTERS"])
    changing = request.args.get("change") == "yes" and questionnaire.check_answers
    form = form_class() if request.method == "POST" else None  # a GET builds one if rendered
    if form is not None and form.validate_on_submit():
        # The journey starts with the first answer, so looking at the first page stores nothing.
        journey = journey or _start_journey()
        return _record_and_move_on(journey, questionnaire, asked.id, form.answer.data, changing)

    return _question_page(questionnaire, asked, answers, form or form_class, changing)


def _question_page(
    questionnaire: Questionnaire,
    asked: Question,
    answers: dict,
    form: FlaskForm | type[FlaskForm],
    changing: bool,
) -> ResponseReturnValue:
    """The page, with its errors when `form` is a posted form; otherwise from `form`, its class,
    unless the page, the same for everybody who has not answered it, is already rendered."""
    search = (request.args.get("q") or "").strip()[:100]
    path = questionnaire.path(answers)
    position = next(i for i, q in enumerate(path, start=1) if q.id == asked.id)
    previous = questionnaire.previous_question(answers, asked.id)
    where = {
        "caption": _("Question %(number)s of %(total)s", number=position, total=len(path)),
        "back_url": _back_url(previous, changing),
        "is_last": _is_last(questionnaire, answers, asked.id),
    }

    def context() -> dict[str, object]:
        given = {"answer": answers.get(asked.id)}
        shown = form if isinstance(form, FlaskForm) else form(data=given)
        is_service = asked.type == QuestionType.SERVICE
        return _page(
            question=asked,
            form=shown,
            search=search,
            service_options=find_services(search) if is_service else [],
            options=question_options(asked),
            **where,
        )

    if isinstance(form, type) and not search and same_for_everybody(questionnaire, asked, answers):
        where_key = tuple(sorted(where.items()))
        return render_shared("surveys/question.html", questionnaire, context, asked.id, where_key)
    return render_template("surveys/question.html", **context())


def _back_url(previous: object, changing: bool) -> str:
    if changing:
        return url_for(".check")
    if previous is not None:
        return url_for(".question", question_id=previous.id)  # type: ignore[attr-defined]
    return url_for(".start")


def _start_journey() -> Journey:
    channel: Channel = g.channel
    journey = services.start_journey(
        questionnaire_id=channel.questionnaire_id,
        location=channel.location,
        mode=channel.mode,
        kiosk_id=channel.kiosk_id,
        invite=session.get(_invite_key()),
    )
    session["journey"] = journey.id
    return journey


def _is_last(questionnaire: Questionnaire, answers: dict[str, object], question_id: str) -> bool:
    """Whether this page sends the feedback, whatever the person answers on it."""
    if questionnaire.check_answers:
        return False
    opens_more = any(q.show_if and q.show_if[0] == question_id for q in questionnaire.questions)
    return not opens_more and questionnaire.next_question(answers, after=question_id) is None


def _record_and_move_on(
    journey: Journey, questionnaire: Questionnaire, question_id: str, value, changing: bool
) -> ResponseReturnValue:
    asked = questionnaire.question(question_id)
    services.record_answer(journey, asked, value)  # type: ignore[arg-type]
    answers = journey.answers
    following = None if changing else questionnaire.next_question(answers, after=question_id)
    if following is None:
        following = services.unanswered_required(questionnaire, answers)
    if following is not None:
        db.session.commit()
        change = {"change": "yes"} if changing else {}
        return redirect(url_for(".question", question_id=following.id, **change))
    if questionnaire.check_answers:
        db.session.commit()
        return redirect(url_for(".check"))
    return _submit(journey, questionnaire)


def _submit(journey: Journey, questionnaire: Questionnaire) -> ResponseReturnValue:
    handler = get_submit_handler(questionnaire.submit)
    try:
        services.submit_journey(journey, questionnaire, handler)
        db.session.commit()
    except IntegrityError:
        # Two taps raced: the other request recorded this journey first. Or, for a
        # single-use link, another device sent its own journey on the same link at the
        # same instant (SQLite has no row lock to make this one wait and find it used).
        db.session.rollback()
        if handler.find(journey.id) is None:
            if not questionnaire.requires_invite:
                raise
            return _invite_used()
    except services.AnswerError:
        db.session.rollback()
        if not questionnaire.requires_invite:
            raise
        return _invite_used()  # the link was used from another device meanwhile
    else:
        if handler.after_commit is not None:
            handler.after_commit()
    return redirect(url_for(".thank_you"))


@bp.route("/check", methods=["GET", "POST"])
def check() -> ResponseReturnValue:
    """Check your answers, then send: for questionnaires whose definition asks for it."""
    questionnaire = _questionnaire()
    journey = _current_journey()
    if not questionnaire.check_answers:
        abort(404)
    if journey is not None and journey.is_submitted:
        return redirect(url_for(".thank_you"))  # a double tap on Send
    if journey is None:
        return redirect(url_for(".start"))
    if (unavailable := _unavailable(questionnaire, journey)) is not None:
        return unavailable
    missing = services.unanswered_required(questionnaire, journey.answers or {})
    if missing is not None:
        return redirect(url_for(".question", question_id=missing.id))
    if request.method == "POST":  # CSRFProtect has checked the token, as for every POST
        return _submit(journey, questionnaire)
    rows = answer_summary(questionnaire, journey.answers or {})
    last = questionnaire.path(journey.answers or {})[-1]
    return render_template(
        "surveys/check-answers.html",
        **_page(rows=rows, back_url=url_for(".question", question_id=last.id)),
    )


@bp.get("/thank-you")
def thank_you() -> ResponseReturnValue:
    journey = _current_journey()
    if journey is None or not journey.is_submitted:
        return redirect(url_for(".start"))
    questionnaire = _questionnaire()
    template = questionnaire.thank_you_template
    if template == DEFAULT_THANK_YOU_TEMPLATE and is_builtin(questionnaire.id):
        return render_shared(template, questionnaire, _page)  # the default shows no outcome
    return render_template(questionnaire.thank_you_template, **_page(outcome=journey.outcome))


@bp.post("/reset")
def reset() -> ResponseReturnValue:
    """Clear an unfinished journey: the kiosk's idle timer, or a person choosing to start over."""
    journey = _current_journey()
    if journey is not None and not journey.is_submitted:
        services.discard_journey(journey)
        db.session.commit()
    session.pop("journey", None)
    return redirect(url_for(".start"))
