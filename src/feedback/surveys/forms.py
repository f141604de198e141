"""One WTForms form per question, built from the questionnaire schema.

Every message a patient can see comes from this module's catalogue or from the definition,
so each one is translated (WTForms' own messages exist in few languages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import cache

from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, RadioField, SelectField, SelectMultipleField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional, ValidationError

from feedback.surveys.models import MODE_LABELS, ResponseMode
from feedback.surveys.schema import Question, Questionnaire, QuestionType
from feedback.surveys.text import character_count, clean_free_text
from feedback.web.forms import BaseForm

# The catalogue of validation messages for patient forms.
NOT_AN_OPTION = _l("Select one of the options shown")
ANSWER_REQUIRED = _l("Answer this question to continue")


class OneChoiceField(RadioField):
    def pre_validate(self, form: FlaskForm) -> None:
        if self.data is not None and self.data not in {c.value for c in self.iter_choices()}:
            raise ValidationError(str(NOT_AN_OPTION))


class ManyChoicesField(SelectMultipleField):
    def pre_validate(self, form: FlaskForm) -> None:
        valid = {c.value for c in self.iter_choices()}
        if self.data and not set(self.data) <= valid:
            raise ValidationError(str(NOT_AN_OPTION))


class CharacterLimit:
    """Counts characters, not bytes: a browser's maxlength counts UTF-16 units and cuts emoji."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, form: FlaskForm, field: Field) -> None:
        count = character_count(field.data or "")
        if count > self.limit:
            raise ValidationError(
                gettext(
                    "Your answer must be %(limit)s characters or fewer. "
                    "It is %(count)s characters at the moment.",
                    limit=self.limit,
                    count=count,
                )
            )


def _presence(question: Question) -> list[object]:
    if question.required:
        return [InputRequired(message=str(question.error_required or ANSWER_REQUIRED))]
    return [Optional()]


def _choices(question: Question) -> list[SelectChoice]:
    return [SelectChoice(option.value, option.label.value) for option in question.options]


def _single_choice(question: Question, max_characters: int) -> Field:
    return OneChoiceField(
        question.title.value, choices=_choices(question), validators=_presence(question)
    )


def _multiple_choice(question: Question, max_characters: int) -> Field:
    return ManyChoicesField(
        question.title.value, choices=_choices(question), validators=_presence(question)
    )


def _free_text(question: Question, max_characters: int) -> Field:
    limit = min(question.max_characters or max_characters, max_characters)
    return TextAreaField(
        question.title.value,
        filters=[lambda value: clean_free_text(value) if isinstance(value, str) else value],
        validators=[*_presence(question), CharacterLimit(limit)],
    )


FIELD_BUILDERS: dict[QuestionType, Callable[[Question, int], Field]] = {
    QuestionType.SINGLE_CHOICE: _single_choice,
    QuestionType.MULTIPLE_CHOICE: _multiple_choice,
    QuestionType.FREE_TEXT: _free_text,
}


@cache
def question_form_class(question: Question, max_characters: int) -> type[FlaskForm]:
    """A form class with a single field, `answer`, for the question (built once per wording)."""
    return type(
        f"{question.id.title()}Form",
        (FlaskForm,),
        {"answer": FIELD_BUILDERS[question.type](question, max_characters)},
    )


PAPER_MODES = (ResponseMode.PAPER_DISCHARGE, ResponseMode.PAPER_HOME)


def paper_form_class(questionnaire: Questionnaire, max_characters: int) -> type[BaseForm]:
    """Every question on one page, for staff typing in a paper card: nothing is required,
    because a card may carry only a comment."""
    fields: dict[str, object] = {
        # Names this card's entry, so sending the same form twice records it once.
        "entry_key": HiddenField(
            validators=[
                InputRequired("This form is out of date. Reload the page and enter the card again")
            ]
        ),
        "location_id": SelectField("Ward, unit or team", coerce=int),
        "mode": RadioField(
            "How was the card collected?",
            choices=[SelectChoice(m.value, MODE_LABELS[m]) for m in PAPER_MODES],
            validators=[InputRequired("Choose how the card was collected")],
        ),
    }
    for question in questionnaire.questions:
        optional = replace(question, required=False)
        fields[f"q_{question.id}"] = FIELD_BUILDERS[question.type](optional, max_characters)
    return type("PaperEntryForm", (BaseForm,), fields)
