"""The action form and the list's filters. The form only reads what was typed; the rules
(what is required, the 15-word sentences, links that must exist) are the service's."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from wtforms import (
    DateField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from feedback.actions.models import ACTION_STATUS_LABELS, ActionStatus
from feedback.actions.services import ActionFilter, ActionInput
from feedback.web.forms import BaseForm

TRUST_WIDE = "trust"


class _DayField(DateField):
    """A date with an error message that says what to do."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Enter a real date, for example 17 3 2026") from error


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _status(value: object) -> ActionStatus | None:
    return ActionStatus(value) if value in set(ActionStatus) else None


class ActionForm(BaseForm):
    said = TextAreaField(
        "What people said",
        description="What patients, carers or staff told us, in a sentence or two.",
    )
    theme_ids = SelectMultipleField("Themes", choices=[], validate_choice=False)
    service_id = SelectField(
        "Service",
        description="Leave as trust-wide when it is about the whole trust.",
        choices=[],
        validate_choice=False,
    )
    location_id = SelectField(
        "Ward or team",
        description="Only if it is about one ward or team. Its service is then chosen for you.",
        choices=[],
        validate_choice=False,
    )
    complaint_reference = StringField(
        "Complaint reference",
        description="Only if it came from one complaint or concern, for example PX-ABCD-2345.",
    )
    target_id = SelectField("Priority target", choices=[], validate_choice=False)
    did = TextAreaField("What we did, or will do")
    by_whom = StringField(
        "Who is doing it", description="A team or a person, for example Ashby Ward manager."
    )
    status = RadioField(
        "Status",
        choices=[SelectChoice(s.value, label) for s, label in ACTION_STATUS_LABELS.items()],
        validate_choice=False,
    )
    action_on = _DayField(
        "Date",
        description="While planned or in progress: the date it is due. Once done: the date it "
        "was done. Not going ahead: the date that was decided.",
        validators=[Optional()],
    )
    not_going_ahead_reason = TextAreaField(
        "Why it is not going ahead", description="Only when the status is not going ahead."
    )
    poster_said = TextAreaField(
        "You said (for the poster)",
        description="Plain words: up to 100 characters, each sentence 15 words or fewer. Leave "
        "empty to use what people said, if that is short enough.",
    )
    poster_did = TextAreaField(
        "We did (for the poster)",
        description="Plain words: up to 100 characters, each sentence 15 words or fewer. Leave "
        "empty to use what we did, if that is short enough.",
    )

    def set_choices(
        self,
        services: Iterable[tuple[int, str]],
        locations: Iterable[tuple[int, str]],
        targets: Iterable[tuple[int, str]],
        theme_ids: Iterable[int],
    ) -> None:
        self.service_id.choices = [SelectChoice("", "Trust-wide")] + [
            SelectChoice(str(i), name) for i, name in services
        ]
        self.location_id.choices = [SelectChoice("", "The whole service, or trust-wide")] + [
            SelectChoice(str(i), name) for i, name in locations
        ]
        self.target_id.choices = [SelectChoice("", "None")] + [
            SelectChoice(str(i), name) for i, name in targets
        ]
        self.theme_ids.choices = [SelectChoice(str(i), str(i)) for i in theme_ids]

    def fill_from(self, data: ActionInput) -> None:
        """Show a stored action's values (on a first view of its page)."""
        for name in ("said", "did", "by_whom", "poster_said", "poster_did"):
            getattr(self, name).data = getattr(data, name)
        self.not_going_ahead_reason.data = data.not_going_ahead_reason
        self.complaint_reference.data = data.complaint_reference
        self.status.data = data.status.value if data.status else None
        self.action_on.data = data.action_on
        self.service_id.data = str(data.service_id or "")
        self.location_id.data = str(data.location_id or "")
        self.target_id.data = str(data.target_id or "")
        self.theme_ids.data = [str(i) for i in data.theme_ids]

    def action_input(self) -> ActionInput:
        theme_ids = [_int(value) for value in self.theme_ids.data or []]
        return ActionInput(
            said=self.said.data or "",
            did=self.did.data or "",
            by_whom=self.by_whom.data or "",
            status=_status(self.status.data),
            action_on=self.action_on.data,
            poster_said=self.poster_said.data or "",
            poster_did=self.poster_did.data or "",
            not_going_ahead_reason=self.not_going_ahead_reason.data or "",
            service_id=_int(self.service_id.data),
            location_id=_int(self.location_id.data),
            complaint_reference=self.complaint_reference.data or "",
            target_id=_int(self.target_id.data),
            # Something that is not a number can be no theme: kept so the service refuses it.
            theme_ids=tuple(i if i is not None else -1 for i in theme_ids),
        )

    def add_errors(self, errors: Mapping[str, str]) -> None:
        """The service's messages, on fields that do not already show one."""
        for name, message in errors.items():
            target = getattr(self, name, None)
            if target is not None and not target.errors:
                target.errors = [*target.errors, message]

    @property
    def chosen_theme_ids(self) -> set[int]:
        return {i for value in self.theme_ids.data or [] if (i := _int(value)) is not None}


def filter_from_args(args: Mapping[str, str]) -> ActionFilter:
    """The list's filters from its query string; anything unreadable is ignored."""
    service = args.get("service", "")
    return ActionFilter(
        status=_status(args.get("status")),
        service_id=_int(service),
        trust_wide_only=service == TRUST_WIDE,
        theme_id=_int(args.get("theme")),
    )
