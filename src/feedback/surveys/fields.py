"""The fields patient questions are built from, each refusing bad input in the person's language.

WTForms' own messages exist in few languages, so every message here is our own, translated.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, RadioField, SelectMultipleField, StringField
from wtforms.utils import unset_value
from wtforms.validators import ValidationError

from feedback.db import trust_today
from feedback.surveys.text import character_count, without_control_characters

NOT_AN_OPTION = _l("Select one of the options shown")
ANSWER_REQUIRED = _l("Answer this question to continue")
EMAIL_INVALID = _l("Enter an email address in the correct format, like name@example.com")
PHONE_INVALID = _l(
    "Enter a UK phone number, including the area code. A mobile number starts with 07"
)
DATE_INCOMPLETE = _l("Enter the date as a day, month and year, for example 27 3 2024")
DATE_NOT_REAL = _l("Enter a real date, for example 27 3 2024")
DATE_IN_FUTURE = _l("The date must be today or in the past")
DATE_TOO_EARLY = _l("Enter a year from 1900 onwards")
DATE_PARTS = ("day", "month", "year")


def today_at_trust() -> date:
    return trust_today()


def _without_blanks(field: Field, valuelist: list[str]) -> list[str]:
    """The values sent, less blank ones, kept as the field's raw data too.

    Optional() ends validation on a blank first value and clears the errors pre_validate
    found, so a choice sent as a space would reach the journey as an answer that is not an
    option. Dropped here, a blank is no answer: required questions ask again, others skip."""
    field.raw_data = [value for value in valuelist if value.strip()]
    return field.raw_data


class OneChoiceField(RadioField):
    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(_without_blanks(self, valuelist))

    def pre_validate(self, form: FlaskForm) -> None:
        if self.data is not None and self.data not in {c.value for c in self.iter_choices()}:
            raise ValidationError(str(NOT_AN_OPTION))


class ManyChoicesField(SelectMultipleField):
    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(_without_blanks(self, valuelist))

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


class EmailAddressField(StringField):
    """An email address, normalised (the domain lower-cased); no look-up of the domain."""

    def post_validate(self, form: FlaskForm, validation_stopped: bool) -> None:
        if validation_stopped or not self.data:
            return
        try:
            self.data = validate_email(self.data, check_deliverability=False).normalized
        except EmailNotValidError:
            self.errors.append(str(EMAIL_INVALID))


def normalise_uk_phone(text: str) -> str | None:
    """A UK number (landline or mobile) in E.164, or None if it is not one."""
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 44 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_uk_phone(e164: str) -> str:
    """How a stored number is shown back: the national format people recognise."""
    try:
        number = phonenumbers.parse(e164, "GB")
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


class UkPhoneField(StringField):
    def post_validate(self, form: FlaskForm, validation_stopped: bool) -> None:
        if validation_stopped or not self.data:
            return
        normalised = normalise_uk_phone(self.data)
        if normalised is None:
            self.errors.append(str(PHONE_INVALID))
        else:
            self.data = normalised


class PastDateField(Field):
    """A date typed as day, month and year (the NHS.UK date input), today or earlier.

    The answer is kept as an ISO date string; `parts` holds what the person typed, so a page
    with an error shows their own input back.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parts = dict.fromkeys(DATE_PARTS, "")

    def process(self, formdata: Any, data: Any = unset_value, extra_filters: Any = None) -> None:
        super().process(formdata, data, extra_filters)
        if formdata is None:
            if isinstance(self.data, str) and self.data:
                day = date.fromisoformat(self.data)
                self.parts = {"day": str(day.day), "month": str(day.month), "year": str(day.year)}
            return
        self.parts = {
            # Control characters dropped: shown back on an error, they make the page invalid.
            part: without_control_characters(formdata.get(f"{self.name}-{part}") or "").strip()[:10]
            for part in DATE_PARTS
        }
        self.data = None
        # Anything typed counts as an answer, so the "required" message is not shown for it.
        self.raw_data = ["typed"] if any(self.parts.values()) else []
        if self.raw_data:
            self._parse()

    def _parse(self) -> None:
        if not all(self.parts.values()):
            self.process_errors.append(str(DATE_INCOMPLETE))
            return
        try:
            day, month, year = (int(self.parts[part]) for part in DATE_PARTS)
            typed = date(year, month, day)
        except ValueError:
            self.process_errors.append(str(DATE_NOT_REAL))
            return
        if typed.year < 1900:
            self.process_errors.append(str(DATE_TOO_EARLY))
        elif typed > today_at_trust():
            self.process_errors.append(str(DATE_IN_FUTURE))
        else:
            self.data = typed.isoformat()
