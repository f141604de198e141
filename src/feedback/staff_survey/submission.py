"""What a sent staff pulse survey becomes (the `staff_pulse` submit handler), and why nothing
kept can say who sent it.

The survey is anonymous: no name, email address, IP address or time is stored, and nothing
that is stored can be paired with a moment. What is kept, and where:

- `StaffPulseResponse`: the window and the answers (the nine items; directorate, staff group,
  ethnicity and disability as groups). No date, no time, no language, no easy-read flag, no
  journey key: the window is the only "when". It is its own table, not the FFT `response`
  table, so it never counts as patient feedback.
- `StaffPulseComment`: the comment, with its window and language only. It is not linked to
  the response, so what someone wrote cannot be read beside their directorate, ethnicity or
  disability; its id is random, so the order of ids is not the order people wrote in.
- `StaffPulseReceipt`: the journey key alone, which makes a double tap or a retried submit
  record nothing twice (the key is unique). It names neither the response nor the comment.
- The engine's `journey` row. While someone answers, it holds their answers so far and when it
  was last touched (an idle draft must expire); that is what a server-side draft is, and an
  abandoned one is swept within `JOURNEY_MAX_AGE`. On submission the engine empties its answers
  and, because the definition sets `forget_times`, replaces its started, updated and sent times
  with midnight of the day; the sweep deletes it within `JOURNEY_KEEP_FINISHED`. Its id is the
  receipt's key: following it leads to "a journey was sent that day", never to the answers.
  (Without the separate receipt, the response would carry the journey key, and the journey row
  would give each response its exact time for two days: that pairing is what this avoids.)
- Comments reach the themes engine only once the window's results are final, all together (see
  `comments.py`), so the themes' `collected_at` says nothing about when one was written.

What the app cannot see: rows are written in the order people finish, and a web server's access
log records each request's time and IP address. Someone holding both the database and such a log
could line the two up, so `docs/adr/0007-staff-pulse.md` asks operators to keep no IP addresses
in the access log for `/forms/staff-pulse/`.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any

from flask import Flask, url_for
from sqlalchemy import select

from feedback.db import as_utc, trust_today, utc_now
from feedback.extensions import db
from feedback.organisation.models import Directorate
from feedback.staff_survey.models import (
    ITEM_COUNT,
    StaffPulseComment,
    StaffPulseReceipt,
    StaffPulseResponse,
)
from feedback.staff_survey.windows import last_sending_day, window_on
from feedback.surveys.schema import Questionnaire
from feedback.surveys.services import AnswerError, trust_date
from feedback.surveys.submission import (
    OpenTimes,
    Submission,
    SubmitHandler,
    register_submit_handler,
)

QUESTIONNAIRE_ID = "staff-pulse"
HANDLER_NAME = "staff_pulse"
ITEMS = tuple(f"item_{n}" for n in range(1, ITEM_COUNT + 1))
NOT_SAID = "not_said"
ABOUT_YOU = ("staff_group", "ethnicity", "disability")


def is_open(begun_at: datetime | None) -> bool:
    """Whether a journey begun then (None: about to begin) may go on today: it began inside a
    window, and today is no later than the day after that window closed."""
    today = trust_today()
    if begun_at is None:
        return window_on(today) is not None
    window = window_on(trust_date(as_utc(begun_at)))
    return window is not None and today <= last_sending_day(window)


def _closed_url() -> str:
    return url_for("staff_survey.start")


def _choice(questionnaire: Questionnaire, answers: dict[str, Any], question_id: str) -> str | None:
    value = answers.get(question_id)
    if value in (None, ""):
        return None
    question = questionnaire.question(question_id)
    if question is None or not isinstance(value, str) or value not in question.option_values():
        raise AnswerError(f"{question_id}: not one of the options")
    return value


def _directorate(answers: dict[str, Any]) -> tuple[int | None, bool]:
    """(directorate id, said "prefer not to say") from the answer."""
    value = answers.get("directorate")
    if value in (None, ""):
        return None, False
    if value == NOT_SAID:
        return None, True
    directorate_id = db.session.scalar(select(Directorate.id).where(Directorate.code == value))
    if directorate_id is None:
        raise AnswerError("directorate: not one of the trust's directorates")
    return directorate_id, False


def new_comment_id() -> int:
    """A random id that is not taken (Integer columns hold 31 bits on PostgreSQL)."""
    while True:
        candidate = secrets.randbelow(2**31 - 2) + 1
        if db.session.get(StaffPulseComment, candidate) is None:
            return candidate


def record_staff_response(submission: Submission) -> str | None:
    """The response, its comment apart, and the receipt; flushes nothing itself."""
    begun = submission.started_at or utc_now()
    window = window_on(trust_date(begun))
    if window is None or trust_today() > last_sending_day(window):
        raise AnswerError("The staff survey was not open for this journey")
    questionnaire, answers = submission.questionnaire, submission.answers
    items = {item: _choice(questionnaire, answers, item) for item in ITEMS}
    directorate_id, not_said = _directorate(answers)
    db.session.add(StaffPulseReceipt(journey_key=submission.key))
    db.session.add(
        StaffPulseResponse(
            window_id=window.id,
            **{item: int(value) if value else None for item, value in items.items()},
            directorate_id=directorate_id,
            directorate_not_said=not_said,
            **{key: _choice(questionnaire, answers, key) for key in ABOUT_YOU},
        )
    )
    comment = answers.get("comment")
    if isinstance(comment, str) and comment.strip():
        db.session.add(
            StaffPulseComment(
                id=new_comment_id(),
                window_id=window.id,
                text=comment.strip(),
                language=questionnaire.language,
            )
        )
    return None


def _find(key: str) -> str | None:
    return "" if db.session.get(StaffPulseReceipt, key) is not None else None


STAFF_PULSE = SubmitHandler(
    record=record_staff_response,
    find=_find,
    open_times=OpenTimes(is_open=is_open, closed_url=_closed_url),
)


def register(app: Flask) -> None:
    register_submit_handler(app, HANDLER_NAME, STAFF_PULSE)
