"""The staff forms of the SMS pages: invite uploads and the trainer's test phone."""

from __future__ import annotations

from babel import Locale
from flask_wtf.file import FileField, FileRequired
from wtforms import Field, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from feedback.i18n import SUPPORTED_CODES
from feedback.sms.numbers import NumberError, uk_mobile
from feedback.web.forms import BaseForm

LONGEST_REPLY = 2_000  # characters (code points): a long text runs to about 13 parts
DRAMA_HINT = (
    "Use a number from 07700 900000 to 07700 900999: Ofcom keeps them for TV and film, so "
    "they are never a real person's."
)


def _mobile(_form: BaseForm, field: Field) -> None:
    try:
        uk_mobile(field.data)
    except NumberError as error:
        raise ValidationError(str(error)) from error


def language_choices() -> list[tuple[str, str]]:
    """The platform's languages, named in English for staff ("Polish")."""
    return [(code, Locale.parse(code).get_display_name("en") or code) for code in SUPPORTED_CODES]


class UploadForm(BaseForm):
    file = FileField("Upload a CSV file", validators=[FileRequired("Choose a CSV file to upload")])


class ConfirmForm(BaseForm):
    # The checked file's text comes back from the preview and is checked again before saving.
    csv_text = HiddenField(validators=[DataRequired("Upload the file again")])


class TestInviteForm(BaseForm):
    location = SelectField(
        "Ward or team", coerce=int, validators=[InputRequired("Choose the ward or team")]
    )
    mobile = StringField("Mobile number", validators=[_mobile])
    language = SelectField("Language of the texts", default="en")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, prefix="invite", **kwargs)  # type: ignore[arg-type]
        self.language.choices = language_choices()


class TestReplyForm(BaseForm):
    mobile = StringField(
        "Mobile number", description="The number the test invite went to", validators=[_mobile]
    )
    message = TextAreaField(
        "Message",
        description='What the patient texts back, for example "2", "very good" or "STOP"',
        validators=[
            DataRequired("Enter the message"),
            Length(
                max=LONGEST_REPLY,
                message=f"The message must be {LONGEST_REPLY:,} characters or fewer",
            ),
        ],
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, prefix="reply", **kwargs)  # type: ignore[arg-type]
