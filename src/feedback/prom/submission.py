"""What a finished care-plan PROM journey becomes: one answer row linked to its offer.

The journey engine runs the three versions at /forms/<version>/ by invitation only; the
invitation is a PROM invite's token (the home code, or a tablet or peer start), so every
response has an offer behind it and the completion rate's denominator is real.
"""

from __future__ import annotations

from datetime import timedelta

from flask import Flask, current_app
from sqlalchemy import select

from feedback.extensions import db
from feedback.prom.models import QUESTIONS, PromOffer, PromResponse, PromVersion
from feedback.prom.services import open_invite
from feedback.surveys.services import AnswerError
from feedback.surveys.submission import Submission, SubmitHandler, register_submit_handler

HANDLER = "care_plan_prom"


def _max_age() -> timedelta:
    return timedelta(days=int(current_app.config["PROM_CODE_DAYS"]))


def invite_is_open(token: str, questionnaire_id: str) -> bool:
    # A carer's code on the patient's form is refused as the person arrives, not after
    # they have answered every question.
    invite = open_invite(token, _max_age())
    return invite is not None and invite.offer.version.value == questionnaire_id


def _answer(submission: Submission, question_id: str) -> str | None:
    question = submission.questionnaire.question(question_id)
    value = submission.answers.get(question_id)
    if question is None or value in (None, ""):
        return None
    if not isinstance(value, str) or value not in question.option_values():
        raise AnswerError(f"{question_id}: not one of the options")
    return value


def record_prom(submission: Submission) -> str | None:
    invite = open_invite(submission.invite or "", _max_age())
    if invite is None:
        raise AnswerError("This PROM link has been used or has run out")
    # Two devices answering one offer at once: the second waits here, then finds it answered.
    offer = db.session.scalar(
        select(PromOffer).where(PromOffer.id == invite.offer_id).with_for_update()
    )
    if offer is None or offer.response is not None:
        raise AnswerError("This offer has already been answered")
    if PromVersion(submission.questionnaire.id) != offer.version:
        raise AnswerError("The code was given for another version of the questionnaire")
    db.session.add(
        PromResponse(
            idempotency_key=submission.key,
            offer_id=offer.id,
            questionnaire=submission.questionnaire.id,
            questionnaire_version=submission.questionnaire.version,
            language=submission.questionnaire.language,
            easy_read=submission.questionnaire.easy_read,
            mode=invite.mode,
            at_home=invite.at_home,
            peer_code=invite.peer_code,
            **{question: _answer(submission, question) for question in QUESTIONS},
        )
    )
    return None


def _find(key: str) -> str | None:
    found = db.session.scalar(select(PromResponse.id).where(PromResponse.idempotency_key == key))
    return "" if found is not None else None


def register(app: Flask) -> None:
    register_submit_handler(
        app, HANDLER, SubmitHandler(record=record_prom, find=_find, check_invite=invite_is_open)
    )
