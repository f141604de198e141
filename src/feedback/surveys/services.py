"""Running a journey, recording the response once, and reading responses back.

Functions flush; the caller commits, so a response and its answers land together or not at all.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from feedback.db import TRUST_TIMEZONE, as_utc, utc_now
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.surveys.models import Answer, Journey, Response, ResponseMode
from feedback.surveys.options import option_values
from feedback.surveys.schema import CHOICE_TYPES, Question, Questionnaire
from feedback.surveys.scoring import FftScore
from feedback.surveys.submission import Submission, SubmitHandler

AnswerValue = str | list[str] | None


class AnswerError(ValueError):
    """Answers that do not fit the questionnaire (tampered or out of range)."""


def trust_date(moment: datetime) -> date:
    """The calendar date at the trust (Europe/London) of a UTC moment."""
    return as_utc(moment).astimezone(TRUST_TIMEZONE).date()


def month_start(day: date) -> date:
    return day.replace(day=1)


# --- Journeys ------------------------------------------------------------------------------


def start_journey(
    *,
    questionnaire_id: str,
    location: Location | None,
    mode: ResponseMode,
    kiosk_id: int | None = None,
    invite: str | None = None,
) -> Journey:
    journey = Journey(
        invite=invite,
        id=secrets.token_urlsafe(24),
        questionnaire=questionnaire_id,
        location_id=location.id if location is not None else None,
        mode=mode,
        kiosk_id=kiosk_id,
        answers={},
    )
    db.session.add(journey)
    return journey


def get_journey(journey_id: str | None) -> Journey | None:
    if not journey_id:
        return None
    return db.session.get(Journey, journey_id)


def journey_is_stale(journey: Journey, max_idle: timedelta, now: datetime | None = None) -> bool:
    """An unfinished journey left alone this long must not be resumed by the next person."""
    return (now or utc_now()) - as_utc(journey.updated_at) > max_idle


def record_answer(journey: Journey, question: Question, value: AnswerValue) -> None:
    answers = dict(journey.answers or {})
    if value in (None, "", []):
        answers.pop(question.id, None)
    else:
        answers[question.id] = value
    journey.answers = answers  # a new dict, so SQLAlchemy sees the JSON change


def discard_journey(journey: Journey) -> None:
    db.session.delete(journey)


def unanswered_required(questionnaire: Questionnaire, answers: dict[str, Any]) -> Question | None:
    """The first required question on this person's path that has no answer."""
    return next(
        (q for q in questionnaire.path(answers) if q.required and not answers.get(q.id)), None
    )


def _answer_rows(question: Question, value: AnswerValue) -> list[Answer]:
    if value in (None, "", []):
        return []
    values = value if isinstance(value, list) else [value]
    if question.type not in CHOICE_TYPES:
        if not isinstance(value, str):
            raise AnswerError(f"{question.id}: free text must be text")
    elif not set(values) <= option_values(question):
        raise AnswerError(f"{question.id}: not one of the options")
    return [Answer(question_id=question.id, value=v) for v in values]


def create_response(
    *,
    questionnaire: Questionnaire,
    answers: dict[str, Any],
    location_id: int | None,
    mode: ResponseMode,
    idempotency_key: str,
    kiosk_id: int | None = None,
    entered_by_id: int | None = None,
    submitted_at: datetime | None = None,
) -> Response:
    """Build a response from answers, keeping only questions on the person's path."""
    submitted_at = submitted_at or utc_now()
    rows: list[Answer] = []
    fft_rating = None
    respondent = None
    for question in questionnaire.path(answers):
        value = answers.get(question.id)
        if question.records == "fft_rating":
            if value is not None and value not in question.option_values():
                raise AnswerError("fft rating out of range")
            fft_rating = int(value) if value else None
            continue
        question_rows = _answer_rows(question, value)
        if question.records == "respondent" and question_rows:
            respondent = question_rows[0].value
        rows.extend(question_rows)
    day = trust_date(submitted_at)
    response = Response(
        idempotency_key=idempotency_key,
        questionnaire=questionnaire.id,
        questionnaire_version=questionnaire.version,
        location_id=location_id,
        mode=mode,
        language=questionnaire.language,
        easy_read=questionnaire.easy_read,
        fft_rating=fft_rating,
        respondent=respondent,
        submitted_at=submitted_at,
        submitted_on=day,
        submitted_month=month_start(day),
        kiosk_id=kiosk_id,
        entered_by_id=entered_by_id,
        answers=rows,
    )
    db.session.add(response)
    return response


def submit_journey(
    journey: Journey, questionnaire: Questionnaire, handler: SubmitHandler
) -> str | None:
    """Turn a finished journey into its one record (what its questionnaire's handler makes)
    and forget the draft answers. Returns what the thank-you page may show."""
    outcome = handler.record(
        Submission(
            key=journey.id,
            questionnaire=questionnaire,
            answers=journey.answers or {},
            location_id=journey.location_id,
            mode=journey.mode,
            kiosk_id=journey.kiosk_id,
            invite=journey.invite,
            started_at=as_utc(journey.started_at) if journey.started_at else None,
        )
    )
    # No flush here: the journey's last answer and its closing are then one UPDATE at commit,
    # and a duplicate key still surfaces there, where the caller catches it.
    journey.submitted_at = utc_now()
    journey.outcome = outcome or None
    journey.answers = {}
    if questionnaire.forget_times:
        # The draft outlives the submission (a retried tap finds it), and its id is the key
        # the record was made under: keep only the day, so no exact moment is paired with it.
        day = start_of_trust_day(journey.submitted_at)
        journey.started_at = journey.updated_at = journey.submitted_at = day
    return outcome


def start_of_trust_day(moment: datetime) -> datetime:
    """Midnight at the trust (Europe/London) on the day of a moment, in UTC."""
    midnight = datetime.combine(trust_date(moment), time(0), tzinfo=TRUST_TIMEZONE)
    return midnight.astimezone(UTC)


def _record_fft_response(submission: Submission) -> str | None:
    if submission.location_id is None:
        raise AnswerError("An FFT response is always about one ward or team")
    create_response(
        questionnaire=submission.questionnaire,
        answers=submission.answers,
        location_id=submission.location_id,
        mode=submission.mode,
        idempotency_key=submission.key,
        kiosk_id=submission.kiosk_id,
    )
    return None


def _find_fft_response(key: str) -> str | None:
    return "" if get_response_by_key(key) is not None else None


FFT_RESPONSE = SubmitHandler(record=_record_fft_response, find=_find_fft_response)


def answers_with_gates_opened(
    questionnaire: Questionnaire, answers: dict[str, Any]
) -> dict[str, Any]:
    """A paper card has no "would you like to answer more?" step: answering a question behind
    such a gate means the person chose to."""
    opened = dict(answers)
    for question in questionnaire.questions:
        if question.show_if and opened.get(question.id) not in (None, "", []):
            gate, value = question.show_if
            if not opened.get(gate):
                opened[gate] = value
    return opened


def get_response_by_key(idempotency_key: str) -> Response | None:
    return db.session.scalar(select(Response).where(Response.idempotency_key == idempotency_key))


# --- Reading responses ---------------------------------------------------------------------


@dataclass(frozen=True)
class FftSummary:
    score: FftScore
    by_mode: dict[ResponseMode, int]
    feedback_without_rating: int


def summarise_fft(location_id: int, month: date) -> FftSummary:
    """Counts by rating and by mode for one location and month, aggregated in the database."""
    where = (
        Response.questionnaire == "fft",
        Response.location_id == location_id,
        Response.submitted_month == month,
    )
    by_rating: dict[int | None, int] = {
        rating: count
        for rating, count in db.session.execute(
            select(Response.fft_rating, func.count()).where(*where).group_by(Response.fft_rating)
        )
    }
    unrated = by_rating.pop(None, 0)
    by_mode = {
        mode: count
        for mode, count in db.session.execute(
            select(Response.mode, func.count())
            .where(*where, Response.fft_rating.is_not(None))
            .group_by(Response.mode)
        )
    }
    return FftSummary(score=FftScore(by_rating), by_mode=by_mode, feedback_without_rating=unrated)


def summarise_fft_by_location(
    month: date, location_ids: Sequence[int] | None
) -> dict[int, FftScore]:
    """Each location's FFT counts for a month, in one grouped query."""
    query = (
        select(Response.location_id, Response.fft_rating, func.count())
        .where(
            Response.questionnaire == "fft",
            Response.submitted_month == month,
            Response.fft_rating.is_not(None),
        )
        .group_by(Response.location_id, Response.fft_rating)
    )
    if location_ids is not None:
        query = query.where(Response.location_id.in_(location_ids))
    counts: dict[int, dict[int, int]] = {}
    for location_id, rating, count in db.session.execute(query):
        counts.setdefault(location_id, {})[rating] = count
    return {location_id: FftScore(by_rating) for location_id, by_rating in counts.items()}


def list_months(location_ids: Sequence[int] | None) -> list[date]:
    query = select(Response.submitted_month).distinct().order_by(Response.submitted_month.desc())
    if location_ids is not None:
        query = query.where(Response.location_id.in_(location_ids))
    return list(db.session.scalars(query))


def list_responses(location_id: int, month: date) -> Sequence[Response]:
    return db.session.scalars(
        select(Response)
        .options(selectinload(Response.answers))
        .where(Response.location_id == location_id, Response.submitted_month == month)
        .order_by(Response.submitted_at.desc())
    ).all()


def get_response(response_id: int) -> Response | None:
    return db.session.scalar(
        select(Response)
        .options(selectinload(Response.answers), selectinload(Response.location))
        .where(Response.id == response_id)
    )
