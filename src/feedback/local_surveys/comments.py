"""What local surveys tell the themes engine: answers to questions marked as comments.

Each version's wording is read from the version its answers were given under, so a comment is
filed beside the question it answered. The source name is the questionnaire's id as the journey
runs it, as for the built-in questionnaires.
"""

from __future__ import annotations

from sqlalchemy import Select, select

from feedback.extensions import db
from feedback.local_surveys.models import LocalQuestionnaire, LocalQuestionnaireVersion
from feedback.local_surveys.services import engine_ids
from feedback.surveys.models import Response
from feedback.surveys.schema import SchemaError, load_questionnaire
from feedback.themes.sources import SeenUpTo, answer_comments


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
        answer_comments(
            engine_id,
            question_id,
            wording,
            seen_up_to,
            Response.questionnaire_version == version,
        )
        for engine_id, version, question_id, wording in comment_questions()
    ]
