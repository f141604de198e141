"""The typed questionnaire a journey walks: questions, their options and text, and the order
they are asked in. `schema` builds these from definitions; nothing here reads a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class QuestionType(StrEnum):
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    FREE_TEXT = "free_text"
    SHORT_TEXT = "short_text"
    EMAIL = "email"
    UK_PHONE = "uk_phone"
    PAST_DATE = "past_date"  # today or earlier, entered as day, month and year
    SERVICE = "service"  # one of the trust's open services by its plain name, or "not sure"
    CONSENT = "consent"  # yes or no, recorded as given


# Types whose options come from the definition; SERVICE's come from the organisation.
CHOICE_TYPES = frozenset(
    {QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.CONSENT}
)
NOT_SURE = "not_sure"
# Lists a choice question may take its options from, read from the organisation when the page
# is shown (see surveys.options): the definition's own options follow them.
ORGANISATION_OPTIONS = frozenset({"directorates"})


@dataclass(frozen=True)
class Text:
    """A piece of text as shown: in the page's language or, where untranslated, English."""

    value: str
    lang: str

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    picture: str | None
    picture_alt: Text | None


@dataclass(frozen=True)
class Question:
    id: str
    type: QuestionType
    required: bool
    title: Text
    hint: Text | None
    error_required: Text | None
    picture: str | None
    picture_alt: Text | None
    options: tuple[Option, ...]
    show_if: tuple[str, str] | None
    records: str | None
    max_characters: int | None
    # The words shown for the "not sure" choice of a SERVICE question, and for the summary.
    not_sure_label: Text | None = None
    summary_label: Text | None = None
    # The HTML autocomplete purpose of a personal detail (WCAG 1.3.5), e.g. "email".
    autocomplete: str | None = None
    # A list from the organisation (ORGANISATION_OPTIONS) offered before `options`.
    options_from: str | None = None

    def shown_given(self, answers: dict[str, Any]) -> bool:
        if self.show_if is None:
            return True
        question_id, expected = self.show_if
        return answers.get(question_id) == expected

    def option_values(self) -> frozenset[str]:
        return frozenset(option.value for option in self.options)

    def option_label(self, value: str) -> str:
        """The words of a stored option value, or the value itself (free text, retired ones)."""
        if self.type == QuestionType.SERVICE and value == NOT_SURE and self.not_sure_label:
            return self.not_sure_label.value
        return next((o.label.value for o in self.options if o.value == value), value)

    def labels_for(self, values: list[str]) -> list[str]:
        return [self.option_label(value) for value in values]


# The pages most questionnaires share; surveys' views keep these for everybody (shared_pages).
DEFAULT_START_TEMPLATE = "surveys/start.html"
DEFAULT_THANK_YOU_TEMPLATE = "surveys/thank-you.html"


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    language: str
    easy_read: bool
    title: Text
    description: Text
    questions: tuple[Question, ...]
    _by_id: dict[str, Question] = field(repr=False, compare=False)
    # What a submitted journey becomes: a name registered with surveys.submission.
    submit: str = "fft_response"
    # False: the journey is not about one ward or team (a complaint names its service itself).
    needs_location: bool = True
    check_answers: bool = False
    # Answered only through a single-use invitation link (the handler checks the token).
    requires_invite: bool = False
    start_template: str = DEFAULT_START_TEMPLATE
    thank_you_template: str = DEFAULT_THANK_YOU_TEMPLATE
    # The first and last day (at the trust) it takes answers; None: no limit that side.
    opens_on: date | None = None
    closes_on: date | None = None

    def not_open_on(self, day: date) -> str | None:
        """ "not_yet" or "closed" when the day is outside its dates; None when it is open."""
        if self.opens_on is not None and day < self.opens_on:
            return "not_yet"
        if self.closes_on is not None and day > self.closes_on:
            return "closed"
        return None

    # Once sent, the journey's draft keeps only the day, not the times it was started, changed
    # and sent: for an anonymous survey whose record must not be paired with a moment.
    forget_times: bool = False

    def question(self, question_id: str) -> Question | None:
        return self._by_id.get(question_id)

    def path(self, answers: dict[str, Any]) -> list[Question]:
        """The questions this person is asked, given their answers so far."""
        return [q for q in self.questions if q.shown_given(answers)]

    def next_question(self, answers: dict[str, Any], after: str | None) -> Question | None:
        path = self.path(answers)
        if after is None:
            return path[0] if path else None
        ids = [q.id for q in path]
        position = ids.index(after) + 1 if after in ids else len(ids)
        return path[position] if position < len(path) else None

    def previous_question(self, answers: dict[str, Any], before: str) -> Question | None:
        ids = [q.id for q in self.path(answers)]
        position = ids.index(before) if before in ids else 0
        return self._by_id[ids[position - 1]] if position > 0 else None
