"""Staff forms for case work (English: staff pages are not translated)."""

from __future__ import annotations

from wtforms import (
    DateField,
    EmailField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional

from feedback.complaints.models import (
    OUTCOME_LABELS,
    RECEIVED_BY_LABELS,
    ComplimentSource,
    ContactPreference,
)
from feedback.web.forms import BaseForm

DATE_MESSAGE = "Enter a date, for example 27/03/2024"
NOT_KNOWN = ""


def _choices(labels: dict) -> list[SelectChoice]:  # type: ignore[type-arg]
    return [SelectChoice(key.value, label) for key, label in labels.items()]


class LogCaseForm(BaseForm):
    kind = RadioField(
        "What is it?",
        choices=[
            SelectChoice("pals", "PALS concern (informal)"),
            SelectChoice("complaint", "Formal complaint"),
        ],
        validators=[InputRequired("Choose a PALS concern or a formal complaint")],
    )
    received_on = DateField(
        "Date received",
        description="Day 0 of the clock: the date it reached the trust",
        validators=[InputRequired(DATE_MESSAGE)],
    )
    received_by = RadioField(
        "How it came in",
        choices=_choices(RECEIVED_BY_LABELS),
        validators=[InputRequired("Choose how it came in")],
    )
    # Checked by the view, so an unknown service gets the case-work message, not WTForms'.
    service_code = SelectField("Service", validators=[Optional()], validate_choice=False)
    raised_by_patient = RadioField(
        "Who raised it",
        choices=[
            SelectChoice("yes", "The patient"),
            SelectChoice("no", "Someone on the patient's behalf"),
        ],
        validators=[InputRequired("Choose who raised it")],
    )
    patient_consent = RadioField(
        "Has the patient agreed to someone raising it for them?",
        choices=[
            SelectChoice("yes", "Yes"),
            SelectChoice("no", "No, or not yet"),
        ],
        validators=[Optional()],
    )
    complainant_name = StringField(
        "Name of the person raising it",
        validators=[DataRequired("Enter the name of the person raising it"), Length(max=200)],
    )
    patient_name = StringField("Patient's name", validators=[Optional(), Length(max=200)])
    contact_preference = RadioField(
        "How they want a reply",
        choices=[
            SelectChoice(ContactPreference.EMAIL.value, "Email"),
            SelectChoice(ContactPreference.PHONE.value, "Phone"),
            SelectChoice(ContactPreference.LETTER.value, "Letter"),
            SelectChoice(ContactPreference.NONE.value, "No reply wanted"),
        ],
        validators=[InputRequired("Choose how they want a reply")],
    )
    email = EmailField(
        "Email address",
        validators=[Optional(), Email("Enter a valid email address"), Length(max=254)],
    )
    phone = StringField("Phone number", validators=[Optional(), Length(max=40)])
    address = TextAreaField("Postal address", validators=[Optional(), Length(max=500)])
    what_happened = TextAreaField(
        "What happened", validators=[DataRequired("Enter what happened"), Length(max=20000)]
    )
    happened_on = DateField("When it happened", validators=[Optional()])
    outcome_wanted = TextAreaField(
        "What they would like to happen", validators=[Optional(), Length(max=5000)]
    )


class MoveForm(BaseForm):
    status = SelectField("Move to", validators=[InputRequired("Choose the next step")])
    on = DateField("Date", validators=[InputRequired(DATE_MESSAGE)])
    note = TextAreaField("Note (optional)", validators=[Optional(), Length(max=5000)])


class NoteForm(BaseForm):
    text = TextAreaField("Add a note", validators=[DataRequired("Write the note")])


class ExtensionForm(BaseForm):
    new_due = DateField("New response date", validators=[InputRequired(DATE_MESSAGE)])
    agreed_with = StringField(
        "Agreed with",
        description="Who agreed, for example the complainant by phone",
        validators=[DataRequired("Record who agreed the extension"), Length(max=200)],
    )
    agreed_on = DateField("Date agreed", validators=[InputRequired(DATE_MESSAGE)])
    reason = TextAreaField("Why", validators=[DataRequired("Record why more time is needed")])


class AssignForm(BaseForm):
    investigator_id = SelectField("Investigator", coerce=int, validators=[Optional()])


class EscalateForm(BaseForm):
    reason = TextAreaField(
        "Why it becomes a formal complaint",
        validators=[DataRequired("Say why the concern is being escalated")],
    )


class CloseForm(BaseForm):
    on = DateField("Date closed", validators=[InputRequired(DATE_MESSAGE)])
    outcome = RadioField("Outcome", choices=_choices(OUTCOME_LABELS), validators=[Optional()])
    is_clinical = RadioField(
        "Clinical or non-clinical",
        choices=[SelectChoice("yes", "Clinical"), SelectChoice("no", "Non-clinical")],
        validators=[Optional()],
    )
    subjects = SelectMultipleField("KO41a subjects", coerce=int, validators=[Optional()])
    clinical_subjects = SelectMultipleField(
        "Clinical treatment sub-categories (clinical complaints only)",
        coerce=int,
        validators=[Optional()],
    )
    service_areas = SelectMultipleField("Service area", coerce=int, validators=[Optional()])
    professions = SelectMultipleField("Profession", coerce=int, validators=[Optional()])
    age_band = SelectField("Patient's age band", coerce=int, validators=[Optional()])
    complainant_status = SelectField("Complainant status", coerce=int, validators=[Optional()])
    lessons_learned = TextAreaField("Lessons learned", validators=[Optional()])
    note = TextAreaField(
        "How it was resolved (PALS) or a closing note", validators=[Optional(), Length(max=5000)]
    )
    action_1 = TextAreaField("Action", validators=[Optional(), Length(max=2000)])
    owner_1 = StringField("Owner", validators=[Optional(), Length(max=200)])
    due_1 = DateField("Action due", validators=[Optional()])
    action_2 = TextAreaField("Another action", validators=[Optional(), Length(max=2000)])
    owner_2 = StringField("Owner", validators=[Optional(), Length(max=200)])
    due_2 = DateField("Action due", validators=[Optional()])


class ComplimentForm(BaseForm):
    received_on = DateField("Date received", validators=[InputRequired(DATE_MESSAGE)])
    service_id = SelectField("Service", coerce=int, validators=[InputRequired("Choose a service")])
    team = StringField("Ward or team (optional)", validators=[Optional(), Length(max=200)])
    source = RadioField(
        "How it came in",
        choices=[
            SelectChoice(s.value, s.value.replace("_", " ").capitalize()) for s in ComplimentSource
        ],
        validators=[InputRequired("Choose how it came in")],
    )
    summary = TextAreaField(
        "What they said", validators=[DataRequired("Write what they said"), Length(max=5000)]
    )
