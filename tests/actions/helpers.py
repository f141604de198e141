"""Making actions for the tests, through the service functions."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from feedback.actions.models import Action, ActionStatus
from feedback.actions.services import ActionInput, create_action
from feedback.auth.models import Role, User
from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.models import Location, Service
from feedback.themes.models import Theme
from tests.factories import make_user


def theme_id(name: str) -> int:
    return db.session.scalar(select(Theme.id).where(Theme.name == name))


def action_input(**fields: Any) -> ActionInput:
    """A valid input for a done, trust-wide action, with any fields changed."""
    values: dict[str, Any] = {
        "said": "The food was cold.",
        "did": "We bought heated trolleys.",
        "by_whom": "Ward manager",
        "status": ActionStatus.DONE,
        "action_on": trust_today(),
    }
    values.update(fields)
    return ActionInput(**values)


def make_action(
    *,
    service: Service | None = None,
    location: Location | None = None,
    today: date | None = None,
    by: User | None = None,
    **fields: Any,
) -> Action:
    by = by or db.session.scalar(select(User).order_by(User.id)) or make_user(Role.PX_TEAM)
    if location is not None:
        fields["location_id"] = location.id
    if service is not None:
        fields["service_id"] = service.id
    action = create_action(action_input(**fields), by=by, today=today or trust_today())
    db.session.commit()
    return action
