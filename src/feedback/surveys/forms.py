"""One WTForms form per question, built from the questionnaire schema.

Every message a patient can see comes from this module's catalogue or from the definition,
so each one is translated (WTForms' own messages exist in few languages).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Optional

from feedback.organisation.services import list_services
from feedback.surveys.fields import (
    ANSWER_REQUIRED,
    CharacterLimit,
    EmailAddressField,
    ManyChoicesField,
    OneChoiceField,
    PastDateField,
    UkPhoneField,
)
from feedback.surveys.models import MODE_LABELS, ResponseMode
from feedback.surveys.options import question_options
from feedback.surveys.schema import NOT_SURE, Question, Questionnaire, QuestionType
from feedback.surveys.text import clean_free_text, without_control_characters
from feedback.web.forms import BaseForm

SHORT_TEXT_MAX_CHARACTERS = 200


def _presence(question: Question) -> list[object]:
    if question.required:
        return [InputRequired(message=str(question.error_required or ANSWER_REQUIRED))]
    return [Optional()]


def _choices(question: Question) -> list[SelectChoice]:
    return [SelectChoice(option.value, option.label.value) for option in question.options]


def _single_choice(question: Question, max_characters: int) -> Field:
    if question.options_from is not None:  # read when the page is shown: the list changes
        return OneChoiceField(
            question.title.value,
            choices=lambda: [
                SelectChoice(o.value, o.label.value) for o in question_options(question)
            ],
            validators=_presence(question),
        )
    return OneChoiceField(
        question.title.value, choices=_choices(question), validators=_presence(question)
    )


def _multiple_choice(question: Question, max_characters: int) -> Field:
    return ManyChoicesField(
        question.title.value, choices=_choices(question), validators=_presence(question)
    )


def _free_text(question: Question, max_characters: int) -> Field:
    # The setting is the default; a definition may ask for more (a complaint's story) or less.
    limit = question.max_characters or max_characters
    return TextAreaField(
        question.title.value,
        filters=[lambda value: clean_free_text(value) if isinstance(value, str) else value],
        validators=[*_presence(question), CharacterLimit(limit)],
    )


def _one_line(value: object) -> object:
    # Control characters too: shown back on an error they make the page invalid HTML, and
    # PostgreSQL refuses a NUL in text.
    return " ".join(without_control_characters(value).split()) if isinstance(value, str) else value


def _short_text(question: Question, max_characters: int) -> Field:
    limit = min(question.max_characters or SHORT_TEXT_MAX_CHARACTERS, max_characters)
    return StringField(
        question.title.value,
        filters=[_one_line],
        validators=[*_presence(question), CharacterLimit(limit)],
    )


def _email(question: Question, max_characters: int) -> Field:
    return EmailAddressField(
        question.title.value,
        filters=[_one_line],
        validators=[*_presence(question), CharacterLimit(254)],
    )


def _uk_phone(question: Question, max_characters: int) -> Field:
    return UkPhoneField(
        question.title.value,
        filters=[_one_line],
        validators=[*_presence(question), CharacterLimit(40)],
    )


def _past_date(question: Question, max_characters: int) -> Field:
    return PastDateField(question.title.value, validators=_presence(question))


def service_choices(question: Question) -> list[SelectChoice]:
    """The trust's open services by name, then "not sure" (read per request: they change)."""
    open_services = list_services(include_retired=False)
    choices = [SelectChoice(service.code, service.name) for service in open_services]
    label = question.not_sure_label.value if question.not_sure_label else NOT_SURE
    return [*choices, SelectChoice(NOT_SURE, label)]


@dataclass(frozen=True)
class ServiceOption:
    value: str
    text: str
    hint: str


def find_services(search: str) -> list[ServiceOption]:
    """Open services whose name or wards and teams hold every word searched for."""
    words = search.casefold().split()
    found = []
    for service in list_services(include_retired=False):
        places = [location.name for location in service.locations if not location.is_retired]
        haystack = " ".join([service.name, service.code, *places]).casefold()
        if all(word in haystack for word in words):
            found.append(ServiceOption(service.code, service.name, ", ".join(places)))
    return found


def _service(question: Question, max_characters: int) -> Field:
    return OneChoiceField(
        question.title.value,
        choices=lambda: service_choices(question),
        validators=_presence(question),
    )


FIELD_BUILDERS: dict[QuestionType, Callable[[Question, int], Field]] = {
    QuestionType.SINGLE_CHOICE: _single_choice,
    QuestionType.MULTIPLE_CHOICE: _multiple_choice,
    QuestionType.FREE_TEXT: _free_text,
    QuestionType.SHORT_TEXT: _short_text,
    QuestionType.EMAIL: _email,
    QuestionType.UK_PHONE: _uk_phone,
    QuestionType.PAST_DATE: _past_date,
    QuestionType.SERVICE: _service,
    QuestionType.CONSENT: _single_choice,
}


@cache
def question_form_class(question: Question, max_characters: int) -> type[FlaskForm]:
    """A form class with a single field, `answer`, for the question (built once per wording)."""
    return type(
        f"{question.id.title()}Form",
        (FlaskForm,),
        {"answer": FIELD_BUILDERS[question.type](question, max_characters), "Meta": _NoCsrfField},
    )


class _NoCsrfField:
    # CSRFProtect has already checked the token on every POST before the view runs (and its
    # error sends the person to the start-again page): a token field of the form's own would
    # sign and check it a second time on every page of the journey.
    csrf = False


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
