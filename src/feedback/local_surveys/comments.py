"""What local surveys tell the themes engine: answers to questions marked as comments.

Each version's wording is read from the version its answers were given under, so a comment is
filed beside the question it answered. The source name is the questionnaire's id as the journey
runs it, as for the built-in questionnaires.
"""

from __future__ import annotations

from sqlalchemy import Select, String, cast, func, literal, select

from feedback.extensions import db
from feedback.local_surveys.models import LocalQuestionnaire, LocalQuestionnaireVersion
from feedback.local_surveys.services import engine_ids
from feedback.organisation.models import Location
from feedback.surveys.models import Answer, Response
from feedback.surveys.schema import SchemaError, load_questionnaire
from feedback.themes.sources import REREAD_IDS, SeenUpTo


def comment_questions() -> list[tuple[str, int, str, str]]:
    """(engine id, version, question id, its English wording) of every comment question."""
    found = []
    versions = db.session.execute(
        select(LocalQuestionnaire, LocalQuestionnaireVersion.version).join(
            LocalQuestionnaireVersion
        )
    ).all()
    for questionnaire, version in versions:
        for engine_id in engine_ids(questionnaire):
            try:
                loaded = load_questionnaire(engine_id, version=version)
            except SchemaError:
                continue  # checked when published; never let one stop the others' comments
            found.extend(
                (engine_id, version, q.id, q.title.value)
                for q in loaded.questions
                if q.records == "comment"
            )
    return found


def local_survey_comments(seen_up_to: SeenUpTo) -> list[Select]:
    """Selects in the columns of `feedback.themes.sources.COLUMNS`."""
    return [
        select(
            literal(engine_id).label("source"),
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
            Response.questionnaire == engine_id,
            Response.questionnaire_version == version,
            Answer.question_id == question_id,
            Answer.id > seen_up_to(engine_id) - REREAD_IDS,
            func.length(func.trim(Answer.value)) > 0,
        )
        .order_by(Answer.id)
        for engine_id, version, question_id, wording in comment_questions()
    ]
