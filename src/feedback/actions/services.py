"""Recording actions taken because of feedback, finding them, and choosing them for posters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import selectinload

from feedback.actions.models import ACTION_STATUS_LABELS, Action, ActionStatus, ActionTheme
from feedback.actions.wording import (
    MAX_POSTER,
    MAX_WORDS,
    fits_poster,
    long_sentence,
    long_sentence_message,
    poster_wording,
)
from feedback.auth.models import User
from feedback.complaints.services import get_case_by_reference
from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Location, Service
from feedback.organisation.services import visible_service_ids
from feedback.targets.models import Target
from feedback.themes.models import Theme

__all__ = [
    "ACTION_STATUS_LABELS",
    "ActionError",
    "ActionFilter",
    "ActionInput",
    "actions_for_poster",
    "actions_for_units",
    "check_action",
    "create_action",
    "list_actions",
    "poster_wording",
    "status_counts",
    "update_action",
]

MAX_TEXT = 4000
MAX_BY_WHOM = 200
POSTER_LIMIT = 6
ON_POSTERS = (ActionStatus.DONE, ActionStatus.IN_PROGRESS)


class ActionError(ValueError):
    """An action that cannot be saved; `errors` maps each field to a message for the person."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors


@dataclass(frozen=True)
class ActionInput:
    """What a person entered for an action, as plain values (no request objects)."""

    said: str = ""
    did: str = ""
    by_whom: str = ""
    status: ActionStatus | None = None
    action_on: date | None = None
    poster_said: str = ""
    poster_did: str = ""
    not_going_ahead_reason: str = ""
    service_id: int | None = None
    location_id: int | None = None
    complaint_reference: str = ""
    target_id: int | None = None
    theme_ids: Sequence[int] = field(default_factory=tuple)


@dataclass(frozen=True)
class ActionFilter:
    status: ActionStatus | None = None
    service_id: int | None = None
    trust_wide_only: bool = False
    theme_id: int | None = None


# --- Checking and saving ----------------------------------------------------------------------


def _check_text(errors: dict[str, str], data: ActionInput) -> None:
    required = (
        ("said", data.said, "Enter what people said", "what people said"),
        ("did", data.did, "Enter what was done, or will be done", "what was done"),
        ("by_whom", data.by_whom, "Enter the team or person doing it", "who is doing it"),
    )
    for name, value, missing, what in required:
        limit = MAX_BY_WHOM if name == "by_whom" else MAX_TEXT
        if not value:
            errors[name] = missing
        elif len(value) > limit:
            errors[name] = f"Keep {what} to {limit:,} characters or fewer"
    if len(data.not_going_ahead_reason) > MAX_TEXT:
        errors["not_going_ahead_reason"] = f"Keep the reason to {MAX_TEXT:,} characters or fewer"


def _check_status(errors: dict[str, str], data: ActionInput, today: date) -> None:
    if data.status is None:
        errors["status"] = "Choose the status"
        return
    if data.action_on is None:
        errors["action_on"] = {
            ActionStatus.PLANNED: "Enter the date it is due",
            ActionStatus.IN_PROGRESS: "Enter the date it is due",
            ActionStatus.DONE: "Enter the date it was done",
            ActionStatus.NOT_GOING_AHEAD: "Enter the date it was decided not to go ahead",
        }[data.status]
    elif data.status == ActionStatus.DONE and data.action_on > today:
        errors["action_on"] = "The date it was done must be today or in the past"
    if data.status == ActionStatus.NOT_GOING_AHEAD and not data.not_going_ahead_reason:
        errors["not_going_ahead_reason"] = "Enter why it is not going ahead"


def _check_poster(errors: dict[str, str], data: ActionInput) -> None:
    for name, label, short, full_name, full in (
        ("poster_said", "You said", data.poster_said, "said", data.said),
        ("poster_did", "We did", data.poster_did, "did", data.did),
    ):
        if short:
            # The 15-word rule first: it says what to change, not only how much.
            if (sentence := long_sentence(short)) is not None:
                errors[name] = long_sentence_message(sentence)
            elif len(short) > MAX_POSTER:
                errors[name] = (
                    f"Keep \u201c{label}\u201d to {MAX_POSTER} characters or fewer, "
                    "so it fits on the poster"
                )
        elif (
            data.status == ActionStatus.DONE
            and full
            and full_name not in errors
            and not fits_poster(full)
        ):
            # The full text goes on the poster only if it is itself easy read.
            errors[name] = (
                f"Enter \u201c{label}\u201d in plain words for the poster, up to "
                f"{MAX_POSTER} characters with each sentence {MAX_WORDS} words or fewer: "
                "the full text is too long for a poster"
            )


def _check_links(errors: dict[str, str], data: ActionInput) -> None:
    if data.service_id is not None and db.session.get(Service, data.service_id) is None:
        errors["service_id"] = "Choose a service from the list"
    if data.location_id is not None:
        location = db.session.get(Location, data.location_id)
        if location is None:
            errors["location_id"] = "Choose a ward or team from the list"
        elif data.service_id is not None and location.service_id != data.service_id:
            errors["location_id"] = "Choose a ward or team of the chosen service, or no service"
    reference = data.complaint_reference.strip().upper()
    if reference and get_case_by_reference(reference) is None:
        errors["complaint_reference"] = (
            f"There is no complaint with the reference {reference}: check it, or leave it empty"
        )
    if data.target_id is not None and db.session.get(Target, data.target_id) is None:
        errors["target_id"] = "Choose a priority target from the list"
    if data.theme_ids:
        wanted = set(data.theme_ids)
        found = set(db.session.scalars(select(Theme.id).where(Theme.id.in_(wanted))))
        if wanted - found:
            errors["theme_ids"] = "Choose themes from the list"


def check_action(data: ActionInput, today: date) -> dict[str, str]:
    """Every problem with the entered action, by field; empty when it can be saved."""
    errors: dict[str, str] = {}
    _check_text(errors, data)
    _check_status(errors, data, today)
    _check_poster(errors, data)
    _check_links(errors, data)
    return errors


def _apply(action: Action, data: ActionInput) -> None:
    location = db.session.get(Location, data.location_id) if data.location_id else None
    reference = data.complaint_reference.strip().upper()
    complaint = get_case_by_reference(reference) if reference else None
    action.said = data.said
    action.did = data.did
    action.by_whom = data.by_whom
    action.status = data.status  # type: ignore[assignment]  # checked above
    action.action_on = data.action_on  # type: ignore[assignment]
    action.poster_said = data.poster_said or None
    action.poster_did = data.poster_did or None
    action.not_going_ahead_reason = (
        (data.not_going_ahead_reason or None)
        if data.status == ActionStatus.NOT_GOING_AHEAD
        else None
    )
    # A ward or team implies its service.
    action.service_id = location.service_id if location else data.service_id
    action.location_id = location.id if location else None
    action.complaint_id = complaint.id if complaint else None
    action.target_id = data.target_id
    wanted = list(dict.fromkeys(data.theme_ids))
    keep = [link for link in action.themes if link.theme_id in wanted]
    have = {link.theme_id for link in keep}
    action.themes = keep + [ActionTheme(theme_id=t) for t in wanted if t not in have]


def create_action(data: ActionInput, *, by: User, today: date) -> Action:
    """Record a new action; raises ActionError with a message for each field at fault."""
    if errors := check_action(data, today):
        raise ActionError(errors)
    now = utc_now()
    action = Action(created_by_id=by.id, updated_by_id=by.id, created_at=now, updated_at=now)
    _apply(action, data)
    db.session.add(action)
    db.session.flush()
    return action


def update_action(action: Action, data: ActionInput, *, by: User, today: date) -> None:
    """Change an action; raises ActionError (and changes nothing) when it cannot be saved."""
    if errors := check_action(data, today):
        raise ActionError(errors)
    _apply(action, data)
    action.updated_by_id = by.id
    db.session.flush()


def input_from(action: Action) -> ActionInput:
    """An action's values as an input, to change some of them."""
    return ActionInput(
        said=action.said,
        did=action.did,
        by_whom=action.by_whom,
        status=action.status,
        action_on=action.action_on,
        poster_said=action.poster_said or "",
        poster_did=action.poster_did or "",
        not_going_ahead_reason=action.not_going_ahead_reason or "",
        service_id=action.service_id,
        location_id=action.location_id,
        complaint_reference=action.complaint.reference if action.complaint else "",
        target_id=action.target_id,
        theme_ids=tuple(link.theme_id for link in action.themes),
    )


# --- Reading ----------------------------------------------------------------------------------


def _newest_first(query: Select) -> Select:
    return query.order_by(Action.action_on.desc(), Action.id.desc())


def _in_units(query: Select, service_ids: set[int] | None) -> Select:
    """Actions of those services and trust-wide ones; None means every action."""
    if service_ids is None:
        return query
    return query.where(or_(Action.service_id.is_(None), Action.service_id.in_(service_ids)))


def get_action(action_id: int) -> Action | None:
    return db.session.get(Action, action_id)


def user_may_see_action(user: User, action: Action) -> bool:
    allowed = visible_service_ids(user)
    return allowed is None or action.service_id is None or action.service_id in allowed


def user_may_change_actions(user: User) -> bool:
    return user.sees_every_service  # admins and the patient experience team


def list_actions(filters: ActionFilter, user: User) -> Sequence[Action]:
    """The actions the user may see that match the filters, newest first."""
    query = _in_units(select(Action), visible_service_ids(user)).options(
        selectinload(Action.service), selectinload(Action.location)
    )
    if filters.status is not None:
        query = query.where(Action.status == filters.status)
    if filters.trust_wide_only:
        query = query.where(Action.service_id.is_(None))
    elif filters.service_id is not None:
        query = query.where(Action.service_id == filters.service_id)
    if filters.theme_id is not None:
        query = query.where(
            Action.id.in_(
                select(ActionTheme.action_id).where(ActionTheme.theme_id == filters.theme_id)
            )
        )
    return db.session.scalars(_newest_first(query)).all()


def actions_for_units(
    service_ids: set[int] | None, since: date | None = None, limit: int | None = None
) -> Sequence[Action]:
    """Actions linked to any of those services (None: every action), plus trust-wide ones,
    newest first by their date (the done date, or the due date while not done); `since`
    keeps those dated on or after it."""
    query = _in_units(select(Action), service_ids).options(
        selectinload(Action.service), selectinload(Action.location)
    )
    if since is not None:
        query = query.where(Action.action_on >= since)
    query = _newest_first(query)
    if limit is not None:
        query = query.limit(limit)
    return db.session.scalars(query).all()


def status_counts(
    service_ids: set[int] | None = None, since: date | None = None
) -> dict[ActionStatus, int]:
    """How many actions are in each status (every status present, 0 where none), for those
    services and trust-wide ones (None: every action), dated on or after `since`."""
    query = _in_units(select(Action.status, func.count()).group_by(Action.status), service_ids)
    if since is not None:
        query = query.where(Action.action_on >= since)
    found = dict(db.session.execute(query).all())
    return {status: found.get(status, 0) for status in ActionStatus}


def a_year_before(today: date) -> date:
    try:
        return today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        return today.replace(year=today.year - 1, day=28)


@dataclass(frozen=True)
class PosterItem:
    action: Action
    said: str
    did: str

    @property
    def is_done(self) -> bool:
        return self.action.status == ActionStatus.DONE


def actions_for_poster(location: Location, today: date) -> list[PosterItem]:
    """What a ward's "You said, we did" poster shows: the done and in-progress actions of the
    location, of its service as a whole and trust-wide ones, from the last 12 months, newest
    first, at most 6; an action with no easy-read wording is left off."""
    query = select(Action).where(
        Action.status.in_(ON_POSTERS),
        Action.action_on >= a_year_before(today),
        or_(
            Action.service_id.is_(None),
            Action.location_id == location.id,
            (Action.service_id == location.service_id) & Action.location_id.is_(None),
        ),
        # A done date in the future cannot be; an in-progress due date may be.
        or_(Action.status == ActionStatus.IN_PROGRESS, Action.action_on <= today),
    )
    items = []
    for action in db.session.scalars(_newest_first(query)):
        wording = poster_wording(action)
        if wording is not None:
            items.append(PosterItem(action, *wording))
        if len(items) == POSTER_LIMIT:
            break
    return items
