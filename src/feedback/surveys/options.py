"""The options a choice question offers: its definition's own, after any list it takes from the
organisation (`options_from = "directorates"`), read when the page is shown because the
organisation changes while a questionnaire does not."""

from __future__ import annotations

from feedback.organisation.services import list_directorates
from feedback.surveys.schema import Option, Question, Text


def _directorates() -> tuple[Option, ...]:
    # Names of directorates are the trust's own: the same in every language.
    return tuple(
        Option(value=d.code, label=Text(d.name, "en"), picture=None, picture_alt=None)
        for d in list_directorates()
    )


_SOURCES = {"directorates": _directorates}


def question_options(question: Question) -> tuple[Option, ...]:
    """Every option the question offers now, in the order shown."""
    if question.options_from is None:
        return question.options
    return (*_SOURCES[question.options_from](), *question.options)


def option_values(question: Question) -> frozenset[str]:
    return frozenset(option.value for option in question_options(question))


def option_label(question: Question, value: str) -> str:
    """The words of an answer's value, from the organisation's list where it came from."""
    if question.options_from is None:
        return question.option_label(value)
    return next((o.label.value for o in question_options(question) if o.value == value), value)
