"""Where comments come from: each source is a query the collecting job reads new rows from.

Sources are named in `COMMENT_SOURCES` as "module:function", the way jobs are, so that themes
need not import the features whose text it reads (complaints imports themes, not the other
way round). A source function gets `seen_up_to(source)`, the highest id already collected for
that source, and returns selects with the columns in `COLUMNS`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from sqlalchemy import ColumnElement, Select, String, cast, func, literal, select, update

from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.surveys.models import Answer, Response
from feedback.surveys.schema import list_questionnaire_ids, load_questionnaire
from feedback.themes.models import Comment

COLUMNS = (
    "source",
    "source_id",
    "source_ref",
    "text",
    "question",
    "rating",
    "language",
    "location_id",
    "service_id",
    "received_on",
)

COMMENT_SOURCES = (
    "feedback.themes.sources:questionnaire_comments",
    "feedback.complaints.comments:complaint_comments",
    "feedback.local_surveys.comments:local_survey_comments",
    "feedback.staff_survey.comments:staff_pulse_comments",
)
# Comments from staff, not patients: left out of the patient theme figures (the dashboards'
# summaries), and shown whole only to the patient experience team (redacted to anyone else).
STAFF_SOURCES = frozenset({"staff-pulse"})

# Ids are handed out before commit, so a later id can commit first: re-read this far back.
REREAD_IDS = 5000

SeenUpTo = Callable[[str], int]


def analysed_questions() -> dict[str, dict[str, str]]:
    """Questionnaire -> {question id: its English wording} for answers themes should read
    (free-text questions marked `records = "comment"` in their definitions)."""
    found: dict[str, dict[str, str]] = {}
    for questionnaire_id in list_questionnaire_ids():
        questionnaire = load_questionnaire(questionnaire_id)
        questions = {q.id: q.title.value for q in questionnaire.questions if q.records == "comment"}
        if questions:
            found[questionnaire_id] = questions
    return found


def answer_comments(
    questionnaire_id: str,
    question_id: str,
    wording: str,
    seen_up_to: SeenUpTo,
    *where: ColumnElement[bool],
) -> Select:
    """New answers to one comment question of one questionnaire, in the columns of COLUMNS
    (the questionnaire's id is the source); `where` narrows them further (a version)."""
    return (
        select(
            literal(questionnaire_id).label("source"),
            Answer.id.label("source_id"),
            cast(Response.id, String).label("source_ref"),
            Answer.value.label("text"),
            literal(wording).label("question"),
            Response.fft_rating.label("rating"),
            Response.language.label("language"),
            Response.location_id.label("location_id"),
            Location.service_id.label("service_id"),
            Response.submitted_on.label("received_on"),
        )
        .join(Response, Answer.response_id == Response.id)
        .outerjoin(Location, Location.id == Response.location_id)
        .where(
            Response.questionnaire == questionnaire_id,
            Answer.question_id == question_id,
            Answer.id > seen_up_to(questionnaire_id) - REREAD_IDS,
            func.length(func.trim(Answer.value)) > 0,
            *where,
        )
        .order_by(Answer.id)
    )


def questionnaire_comments(seen_up_to: SeenUpTo) -> list[Select]:
    """Answers to every questionnaire question marked as a comment (FFT, surveys, PROM)."""
    return [
        answer_comments(questionnaire_id, question_id, wording, seen_up_to)
        for questionnaire_id, questions in analysed_questions().items()
        for question_id, wording in questions.items()
    ]


def load_sources() -> list[Callable[[SeenUpTo], list[Select]]]:
    functions = []
    for target in COMMENT_SOURCES:
        module, name = target.split(":")
        functions.append(getattr(import_module(module), name))
    return functions


def forget_texts(source: str, source_ids: Select, placeholder: str) -> int:
    """Replace the words of a source's comments once the source record has lost them (a
    retention rule): their themes and sentiment stay, so theme figures do not change."""
    result = db.session.execute(
        update(Comment)
        .where(Comment.source == source, Comment.source_id.in_(source_ids))
        .values(text=placeholder)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0
