"""Published local questionnaires as the engine runs them, and as staff list them.

A pre/post pair is one file published once and run as two questionnaires, "<id>-before" and
"<id>-after": the same questions, except that "after" starts by asking for the code that
"before" gave at its end.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from flask import g
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from feedback.extensions import db
from feedback.local_surveys.definitions import LOCAL_SUBMIT, PAIR_QUESTION
from feedback.local_surveys.models import (
    LocalQuestionnaire,
    LocalQuestionnaireVersion,
    Stage,
    SurveyKind,
)
from feedback.surveys.models import Response
from feedback.surveys.stored import StoredDefinition

TEMPLATES = {
    None: ("local_surveys/start.html", "surveys/thank-you.html"),
    Stage.BEFORE: ("local_surveys/start.html", "local_surveys/thank-you-before.html"),
    Stage.AFTER: ("local_surveys/start-after.html", "surveys/thank-you.html"),
}


@dataclass(frozen=True)
class RunAs:
    """Which published questionnaire an engine id names, and which half of a pair."""

    local_id: str
    stage: Stage | None


def run_as(questionnaire_id: str) -> RunAs:
    for stage in Stage:
        suffix = f"-{stage.value}"
        if questionnaire_id.endswith(suffix):
            return RunAs(questionnaire_id.removesuffix(suffix), stage)
    return RunAs(questionnaire_id, None)


def engine_ids(questionnaire: LocalQuestionnaire) -> list[str]:
    """The ids the journey runs it under (and its responses are stored under)."""
    if questionnaire.kind == SurveyKind.PRE_POST:
        return [f"{questionnaire.id}-{stage.value}" for stage in Stage]
    return [questionnaire.id]


def get_version(local_id: str, version: int | None) -> LocalQuestionnaireVersion | None:
    query = select(LocalQuestionnaireVersion).where(
        LocalQuestionnaireVersion.questionnaire_id == local_id
    )
    if version is not None:
        query = query.where(LocalQuestionnaireVersion.version == version)
    return db.session.scalar(query.order_by(LocalQuestionnaireVersion.version.desc()).limit(1))


def _stored(questionnaire_id: str, version: int | None) -> StoredDefinition | None:
    wanted = run_as(questionnaire_id)
    query = (
        select(LocalQuestionnaireVersion, LocalQuestionnaire.kind)
        .join(LocalQuestionnaire)
        .where(LocalQuestionnaire.id == wanted.local_id)
    )
    if version is not None:
        query = query.where(LocalQuestionnaireVersion.version == version)
    found = db.session.execute(
        query.order_by(LocalQuestionnaireVersion.version.desc()).limit(1)
    ).first()
    if found is None or (found.kind == SurveyKind.PRE_POST) != (wanted.stage is not None):
        return None
    stored: LocalQuestionnaireVersion = found[0]
    start_template, thank_you_template = TEMPLATES[wanted.stage]
    return StoredDefinition(
        questionnaire_id=questionnaire_id,
        version=stored.version,
        definition=stored.definition,
        translations=tuple(sorted(stored.translations.items())),
        settings=(
            ("id", questionnaire_id),
            ("submit", LOCAL_SUBMIT),
            ("start_template", start_template),
            ("thank_you_template", thank_you_template),
            ("opens_on", stored.opens_on),
            ("closes_on", stored.closes_on),
        ),
        without_questions=(PAIR_QUESTION,) if wanted.stage == Stage.BEFORE else (),
    )


def definition_source(questionnaire_id: str, version: int | None) -> StoredDefinition | None:
    """The engine's look-up (registered in `register`); once per request and id, as the
    journey asks several times in one page."""
    found: dict[tuple[str, int | None], StoredDefinition | None] = g.setdefault(
        "local_definitions", {}
    )
    key = (questionnaire_id, version)
    if key not in found:
        found[key] = _stored(questionnaire_id, version)
    return found[key]


def forget_looked_up() -> None:
    """After publishing in this request, the next look-up reads the new version."""
    g.pop("local_definitions", None)


def list_local_questionnaires() -> Sequence[LocalQuestionnaire]:
    return db.session.scalars(
        select(LocalQuestionnaire)
        .options(selectinload(LocalQuestionnaire.versions))
        .order_by(LocalQuestionnaire.id)
    ).all()


def get_local_questionnaire(local_id: str) -> LocalQuestionnaire | None:
    return db.session.get(LocalQuestionnaire, local_id)


def count_responses_by_version(engine_id_list: Sequence[str]) -> dict[tuple[str, int], int]:
    """(engine id, version) -> responses, in one grouped query."""
    rows = db.session.execute(
        select(Response.questionnaire, Response.questionnaire_version, func.count())
        .where(Response.questionnaire.in_(engine_id_list))
        .group_by(Response.questionnaire, Response.questionnaire_version)
    )
    return {(qid, version): count for qid, version, count in rows}
