"""Results for any questionnaire kept as survey responses (the FFT, local surveys): counts per
option of each question and the free-text answers, one version at a time, so that answers are
always read with the wording they were given under.

The counts follow the rules for patient figures (`feedback.metrics.suppression`): a count of 1
to 4 is hidden, and where the number who answered is shown beside the options, another option
is hidden too so that no hidden count can be worked out by subtraction. Versions are never
added together, so no total over versions can undo one version's suppression.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Select, distinct, func, select

from feedback.extensions import db
from feedback.local_surveys.models import PairCode, Stage
from feedback.metrics.suppression import MINIMUM_SHOWN, Hidden
from feedback.organisation.models import Location
from feedback.surveys.models import Answer, Response
from feedback.surveys.schema import CHOICE_TYPES, Question, Questionnaire, QuestionType

Key = TypeVar("Key")
TEXT_TYPES = frozenset({QuestionType.FREE_TEXT, QuestionType.SHORT_TEXT})
# Never shown as answers: the code that links a pair (its linking is counted instead).
NOT_RESULTS = frozenset({"pair_code"})
TEXTS_SHOWN = 200


@dataclass(frozen=True)
class Count:
    label: str
    value: str
    count: int | None  # None when hidden
    hidden: Hidden | None


@dataclass(frozen=True)
class QuestionResult:
    question: Question
    answered: int | None
    hidden: Hidden | None
    counts: list[Count]
    texts: list[str]


@dataclass(frozen=True)
class VersionResults:
    questionnaire: Questionnaire
    responses: int | None
    hidden: Hidden | None
    questions: list[QuestionResult]


def _hide(count: int) -> Hidden | None:
    if count == 0:
        return None  # a true zero gives nothing away
    return Hidden.FEWER_THAN_5 if count < MINIMUM_SHOWN else None


def suppress_counts(parts: Mapping[Key, int], total_is_shown: bool) -> dict[Key, Hidden | None]:
    """Each part's reason to be hidden, or None: 1-4 hidden; with the total shown, never
    exactly one hidden part (the next-smallest shown one is hidden with it)."""
    hidden = {key: _hide(count) for key, count in parts.items()}
    small = [key for key, reason in hidden.items() if reason is not None]
    if total_is_shown and len(small) == 1:
        shown = sorted((k for k, r in hidden.items() if r is None and parts[k]), key=parts.get)
        if shown:
            hidden[shown[0]] = Hidden.PROTECTS_ANOTHER
    return hidden


def suppress_each_choice(parts: Mapping[Key, int], answered: int) -> dict[Key, Hidden | None]:
    """For a question with many choices, where options do not add up to the total: a count is
    hidden when it, or the number who did not choose it, is 1-4."""
    return {key: _hide(count) or _hide(answered - count) for key, count in parts.items()}


def _scope(query: Select, questionnaire: Questionnaire, service_ids: set[int] | None) -> Select:
    query = query.where(
        Response.questionnaire == questionnaire.id,
        Response.questionnaire_version == questionnaire.version,
    )
    if service_ids is not None:
        query = query.join(Location, Location.id == Response.location_id).where(
            Location.service_id.in_(service_ids)
        )
    return query


def _choice_counts(
    questionnaire: Questionnaire, service_ids: set[int] | None
) -> tuple[dict[tuple[str, str], int], dict[str, int]]:
    """((question, value) -> people choosing it, question -> people answering), in SQL."""
    by_value = select(Answer.question_id, Answer.value, func.count(distinct(Answer.response_id)))
    by_value = _scope(
        by_value.join(Response, Response.id == Answer.response_id), questionnaire, service_ids
    )
    counts = {
        (question, value): n
        for question, value, n in db.session.execute(
            by_value.group_by(Answer.question_id, Answer.value)
        )
    }
    answered_query = select(Answer.question_id, func.count(distinct(Answer.response_id)))
    answered_query = _scope(
        answered_query.join(Response, Response.id == Answer.response_id), questionnaire, service_ids
    )
    answered = {q: n for q, n in db.session.execute(answered_query.group_by(Answer.question_id))}
    rating = next((q for q in questionnaire.questions if q.records == "fft_rating"), None)
    if rating is not None:  # kept in its own column, not as an answer
        ratings = _scope(
            select(Response.fft_rating, func.count()).where(Response.fft_rating.is_not(None)),
            questionnaire,
            service_ids,
        ).group_by(Response.fft_rating)
        for value, n in db.session.execute(ratings):
            counts[(rating.id, str(value))] = n
            answered[rating.id] = answered.get(rating.id, 0) + n
    return counts, answered


def _texts(
    questionnaire: Questionnaire, question_ids: Sequence[str], service_ids: set[int] | None
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {question_id: [] for question_id in question_ids}
    if not question_ids:
        return found
    query = _scope(
        select(Answer.question_id, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.question_id.in_(question_ids)),
        questionnaire,
        service_ids,
    ).order_by(Answer.id.desc())
    for question_id, value in db.session.execute(query.limit(TEXTS_SHOWN * len(question_ids))):
        if len(found[question_id]) < TEXTS_SHOWN:
            found[question_id].append(value)
    return found


def count_responses(questionnaire: Questionnaire, service_ids: set[int] | None) -> int:
    return db.session.scalar(_scope(select(func.count(Response.id)), questionnaire, service_ids))


def _question_result(
    question: Question, counts: dict[tuple[str, str], int], answered: int, texts: list[str]
) -> QuestionResult:
    total_hidden = _hide(answered)
    if question.type not in CHOICE_TYPES:
        return QuestionResult(
            question, answered if not total_hidden else None, total_hidden, [], texts
        )
    parts = {
        option.value: counts.get((question.id, option.value), 0) for option in question.options
    }
    extra = {
        value: n for (qid, value), n in counts.items() if qid == question.id and value not in parts
    }
    parts.update(extra)  # values of options since retired still count
    if total_hidden:
        hidden = dict.fromkeys(parts, Hidden.PROTECTS_ANOTHER)
    elif question.type == QuestionType.MULTIPLE_CHOICE:
        hidden = suppress_each_choice(parts, answered)
    else:
        hidden = suppress_counts(parts, total_is_shown=True)
    rows = [
        Count(question.option_label(value), value, None if hidden[value] else n, hidden[value])
        for value, n in parts.items()
    ]
    return QuestionResult(question, None if total_hidden else answered, total_hidden, rows, texts)


def compute_results(
    questionnaire: Questionnaire, service_ids: set[int] | None = None, with_texts: bool = True
) -> VersionResults:
    """One version's results, suppressed; `service_ids` limits them to those services' wards."""
    responses = count_responses(questionnaire, service_ids)
    if responses == 0 or responses < MINIMUM_SHOWN:
        reason = Hidden.NO_RESPONSES if responses == 0 else Hidden.FEWER_THAN_5
        return VersionResults(questionnaire, None, reason, [])
    counts, answered = _choice_counts(questionnaire, service_ids)
    asked = [q for q in questionnaire.questions if q.id not in NOT_RESULTS]
    text_ids = [q.id for q in asked if q.type in TEXT_TYPES] if with_texts else []
    texts = _texts(questionnaire, text_ids, service_ids)
    return VersionResults(
        questionnaire,
        responses,
        None,
        [_question_result(q, counts, answered.get(q.id, 0), texts.get(q.id, [])) for q in asked],
    )


@dataclass(frozen=True)
class ResultsEntry:
    questionnaire_id: str
    version: int
    responses: int


def list_results(service_ids: set[int] | None = None) -> list[ResultsEntry]:
    """Every questionnaire and version with responses, newest version first, grouped in SQL."""
    query = select(Response.questionnaire, Response.questionnaire_version, func.count(Response.id))
    if service_ids is not None:
        query = query.join(Location, Location.id == Response.location_id).where(
            Location.service_id.in_(service_ids)
        )
    rows = db.session.execute(
        query.group_by(Response.questionnaire, Response.questionnaire_version).order_by(
            Response.questionnaire, Response.questionnaire_version.desc()
        )
    )
    return [ResultsEntry(qid, version, n) for qid, version, n in rows]


def count_linked_pairs(local_id: str, version: int) -> int:
    """ "After" responses of a version linked by their code to a "before" response."""
    return db.session.scalar(
        select(func.count(distinct(PairCode.before_response_id)))
        .join(Response, Response.id == PairCode.response_id)
        .where(
            PairCode.questionnaire_id == local_id,
            PairCode.stage == Stage.AFTER,
            PairCode.before_response_id.is_not(None),
            Response.questionnaire_version == version,
        )
    )
