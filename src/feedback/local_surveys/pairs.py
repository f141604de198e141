"""What a local survey's answers become: a survey response, and for a pre/post pair the code.

"Before" ends by giving the person a short random code to keep; "after" asks for it first.
The code links the two responses and nothing else: it is drawn at random, never from who the
person is, and a mistyped or missing code still records the answers (unlinked).
"""

from __future__ import annotations

import re
import secrets
from typing import Any

from flask import Flask
from sqlalchemy import select

from feedback.extensions import db
from feedback.local_surveys.definitions import LOCAL_SUBMIT, PAIR_QUESTION
from feedback.local_surveys.models import PairCode, Stage
from feedback.local_surveys.services import definition_source, run_as
from feedback.surveys.schema import CHOICE_TYPES
from feedback.surveys.services import create_response, get_response_by_key
from feedback.surveys.stored import register_definition_source
from feedback.surveys.submission import Submission, SubmitHandler, register_submit_handler

# No 0/O, 1/I/L or 5/S: letters and digits people do not mix up when they copy them down.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXY2346789"
CODE_LENGTH = 8


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def shown_code(code: str) -> str:
    """In two halves, as it is easier to read and write down: "K7PQ 4XMR"."""
    return f"{code[:4]} {code[4:]}"


def normalise_code(typed: object) -> str | None:
    """A typed code as stored: capitals, no spaces or dashes; None if it cannot be one."""
    if not isinstance(typed, str):
        return None
    code = re.sub(r"[\s\-]", "", typed).upper()
    return code if len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) else None


def _before_response_id(local_id: str, code: str) -> int | None:
    return db.session.scalar(
        select(PairCode.response_id)
        .where(
            PairCode.questionnaire_id == local_id,
            PairCode.stage == Stage.BEFORE,
            PairCode.code == code,
        )
        .limit(1)
    )


def _draw_code(local_id: str) -> str:
    while True:
        code = new_code()
        if _before_response_id(local_id, code) is None:
            return code


def _answers_that_still_fit(submission: Submission) -> dict[str, Any]:
    """A journey begun before a new version was published is recorded under the new one: an
    answer to an option that version no longer has is left out, not the whole response."""
    answers = dict(submission.answers)
    for question in submission.questionnaire.questions:
        value = answers.get(question.id)
        if question.type in CHOICE_TYPES and value not in (None, "", []):
            values = value if isinstance(value, list) else [value]
            if not set(values) <= question.option_values():
                answers.pop(question.id)
    return answers


def record_local_response(submission: Submission) -> str | None:
    """Store the response (flush only); for "before", return the code for the thank-you page."""
    response = create_response(
        questionnaire=submission.questionnaire,
        answers=_answers_that_still_fit(submission),
        location_id=submission.location_id,
        mode=submission.mode,
        idempotency_key=submission.key,
        kiosk_id=submission.kiosk_id,
    )
    wanted = run_as(submission.questionnaire.id)
    if wanted.stage is None:
        return None
    db.session.flush()
    if wanted.stage == Stage.BEFORE:
        code = _draw_code(wanted.local_id)
        db.session.add(
            PairCode(
                response_id=response.id,
                questionnaire_id=wanted.local_id,
                stage=Stage.BEFORE,
                code=code,
            )
        )
        return code
    code = normalise_code(submission.answers.get(PAIR_QUESTION))
    if code is not None:
        db.session.add(
            PairCode(
                response_id=response.id,
                questionnaire_id=wanted.local_id,
                stage=Stage.AFTER,
                code=code,
                before_response_id=_before_response_id(wanted.local_id, code),
            )
        )
    return None


def find_local_response(key: str) -> str | None:
    """A response already recorded for this journey (a double tap): the code again, if any."""
    response = get_response_by_key(key)
    if response is None:
        return None
    code = db.session.scalar(
        select(PairCode.code).where(
            PairCode.response_id == response.id, PairCode.stage == Stage.BEFORE
        )
    )
    return code or ""


def register(app: Flask) -> None:
    """The engine finds published questionnaires and records their answers through these."""
    register_definition_source(app, definition_source)
    register_submit_handler(
        app,
        LOCAL_SUBMIT,
        SubmitHandler(record=record_local_response, find=find_local_response),
    )
    from feedback.local_surveys.cli import local_surveys_cli

    app.cli.add_command(local_surveys_cli)
    app.jinja_env.filters.setdefault("pair_code", shown_code)
