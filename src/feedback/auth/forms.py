from __future__ import annotations

from wtforms import EmailField, PasswordField, SelectField, SelectMultipleField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from feedback.auth.models import Role
from feedback.auth.passwords import MINIMUM_PASSWORD_LENGTH
from feedback.web.forms import BaseForm

ROLE_LABELS = {
    Role.ADMIN: "Administrator",
    Role.PX_TEAM: "Patient experience team",
    Role.SERVICE_MANAGER: "Service manager",
    Role.PEOPLES_COUNCIL: "People's Council member",
    Role.PEER_INTERVIEWER: "Peer interviewer (care plan questionnaires)",
}


class SignInForm(BaseForm):
    email = EmailField("Email address", validators=[DataRequired("Enter your email address")])
    password = PasswordField("Password", validators=[DataRequired("Enter your password")])


class InviteUserForm(BaseForm):
    name = StringField(
        "Full name", validators=[DataRequired("Enter their full name"), Length(max=200)]
    )
    email = EmailField(
        "Email address",
        validators=[
            DataRequired("Enter their email address"),
            Email("Enter an email address in the correct format, like name@nhs.net"),
            Length(max=254),
        ],
    )
    role = SelectField(
        "Role", choices=[SelectChoice(role.value, label) for role, label in ROLE_LABELS.items()]
    )
    services = SelectMultipleField(
        "Services they manage",
        description="Only for service managers: choose every service they manage.",
        coerce=int,
    )

    def validate_services(self, field: SelectMultipleField) -> None:
        if self.role.data == Role.SERVICE_MANAGER and not field.data:
            raise ValidationError("Choose at least one service for a service manager")


class ChoosePasswordForm(BaseForm):
    password = PasswordField(
        "Choose a password",
        description=(
            f"At least {MINIMUM_PASSWORD_LENGTH} characters. Three or four unrelated words are "
            "easy to remember and hard to guess. You do not need capitals, numbers or symbols."
        ),
        validators=[
            DataRequired("Enter a password"),
            Length(
                min=MINIMUM_PASSWORD_LENGTH,
                message=f"Password must be at least {MINIMUM_PASSWORD_LENGTH} characters",
            ),
        ],
    )
    confirm = PasswordField(
        "Type the password again",
        validators=[
            DataRequired("Type the password again"),
            EqualTo("password", "The passwords do not match"),
        ],
    )
