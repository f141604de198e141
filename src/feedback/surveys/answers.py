"""Answers shown back to the person who gave them (check your answers), in their language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l

from feedback.organisation.services import list_services
from feedback.surveys.fields import format_uk_phone
from feedback.surveys.options import option_label
from feedback.surveys.schema import NOT_SURE, Question, Questionnaire, QuestionType

NOT_ANSWERED = _l("Not answered")


@dataclass(frozen=True)
class AnswerRow:
    question: Question
    label: str
    value: str


def display_answer(question: Question, value: Any) -> str:
    """One answer as words: option labels, a date in the page's language, a phone number."""
    if value in (None, "", []):
        return str(NOT_ANSWERED)
    if question.type == QuestionType.SERVICE:
        if value == NOT_SURE:
            return question.option_label(value)
        names = {service.code: service.name for service in list_services()}
        return names.get(value, value)
    if question.type == QuestionType.PAST_DATE:
        return format_date(date.fromisoformat(value), "d MMMM yyyy")
    if question.type == QuestionType.UK_PHONE:
        return format_uk_phone(value)
    if question.options_from is not None:
        return option_label(question, value)
    if question.options:
        return ", ".join(question.labels_for(value if isinstance(value, list) else [value]))
    return str(value)


def answer_summary(questionnaire: Questionnaire, answers: dict[str, Any]) -> list[AnswerRow]:
    """Every question on the person's path with what they said (or that they skipped it)."""
    return [
        AnswerRow(
            question=question,
            label=(question.summary_label or question.title).value,
            value=display_answer(question, answers.get(question.id)),
        )
        for question in questionnaire.path(answers)
    ]
