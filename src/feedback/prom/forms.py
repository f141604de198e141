"""Staff and peer interviewers' forms (English, like every staff page), and the public code
form (in the person's language)."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import DateField, RadioField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from feedback.organisation.models import Location
from feedback.prom.models import (
    DECLINE_LABELS,
    MODE_LABELS,
    VERSION_LABELS,
    CompletionMode,
    DeclineReason,
    PromVersion,
)
from feedback.prom.services import OfferInput
from feedback.surveys.text import without_control_characters
from feedback.web.forms import BaseForm


def _choices(labels: dict) -> list[SelectChoice]:  # type: ignore[type-arg]
    return [SelectChoice(key.value, label) for key, label in labels.items()]


class PeerOfferForm(BaseForm):
    """An offer on a ward already chosen (a peer interviewer's own ward)."""

    version = RadioField(
        "Who is answering?",
        choices=_choices(VERSION_LABELS),
        validators=[InputRequired("Choose who is answering")],
    )
    accepted = RadioField(
        "Did they agree to answer the questions?",
        choices=[SelectChoice("yes", "Yes"), SelectChoice("no", "No")],
        validators=[InputRequired("Choose whether they agreed")],
    )
    decline_reason = RadioField(
        "If they said no, why?",
        choices=_choices(DECLINE_LABELS),
        description="Only when they said no. Do not write anything that could identify them.",
        validators=[Optional()],
    )

    def offer_input(self, location: Location, offered_on: date) -> OfferInput:
        """What the valid form says about the offer."""
        reason = self.decline_reason.data
        return OfferInput(
            location=location,
            offered_on=offered_on,
            version=PromVersion(self.version.data),
            accepted=self.accepted.data == "yes",
            decline_reason=DeclineReason(reason) if reason else None,
        )

    def validate_decline_reason(self, field: RadioField) -> None:
        if self.accepted.data == "no" and not field.data:
            raise ValidationError("Choose why they said no")
        if self.accepted.data == "yes" and field.data:
            raise ValidationError("Leave the reason empty when they agreed")


class OfferForm(PeerOfferForm):
    location_id = SelectField(
        "Ward or team", coerce=int, validators=[InputRequired("Choose the ward or team")]
    )
    offered_on = DateField(
        "Date offered",
        description="Today, or the day you offered it in the last 3 months.",
        validators=[InputRequired("Enter the date you offered it, like 2026-11-30")],
    )


class StartForm(BaseForm):
    mode = RadioField(
        "Who is helping them answer?",
        choices=[
            SelectChoice(mode.value, MODE_LABELS[mode])
            for mode in (CompletionMode.ALONE, CompletionMode.STAFF, CompletionMode.CARER)
        ],
        validators=[InputRequired("Choose who is helping them answer")],
    )


class PeerSettingsForm(BaseForm):
    code = StringField(
        "Peer code",
        description="Shown on reports instead of their name, like PI-07.",
        validators=[DataRequired("Enter a peer code, like PI-07"), Length(max=10)],
    )
    locations = SelectMultipleField(
        "Wards and teams they may interview on", coerce=int, validators=[Optional()]
    )


def _printable(value: object) -> object:
    # The code is shown back with its error (and comes from the address too): a control
    # character in it would make the page invalid HTML. No code has one.
    return without_control_characters(value) if isinstance(value, str) else value


class CodeForm(BaseForm):
    code = StringField(
        _l("Enter the code from your slip"),
        description=_l("It is 8 letters and numbers, for example KM7Q 4TXD."),
        filters=[_printable],
        validators=[
            DataRequired(_l("Enter the code from your slip")),
            Length(max=20, message=_l("Enter the 8 letters and numbers from your slip")),
        ],
    )
