"""Reading and changing the trust's organisation. Functions flush; callers commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Select, and_, bindparam, or_, select
from sqlalchemy.orm import selectinload

from feedback.db import trust_today, utc_now
from feedback.extensions import db
from feedback.organisation.models import (
    CareSetting,
    Directorate,
    Location,
    LocationKind,
    Service,
    ServiceDirectorate,
    Trust,
)

if TYPE_CHECKING:
    from feedback.auth.models import User


class OrganisationError(ValueError):
    """A change the organisation cannot take; the message is for the user."""


def get_trust() -> Trust | None:
    return db.session.scalar(select(Trust).order_by(Trust.id).limit(1))


def list_directorates() -> Sequence[Directorate]:
    return db.session.scalars(select(Directorate).order_by(Directorate.name)).all()


def list_services(*, include_retired: bool = True) -> Sequence[Service]:
    query = (
        select(Service)
        .options(selectinload(Service.directorate), selectinload(Service.locations))
        .order_by(Service.name)
    )
    if not include_retired:
        query = query.where(Service.retired_at.is_(None))
    return db.session.scalars(query).all()


def get_service(service_id: int) -> Service | None:
    return db.session.get(Service, service_id)


def get_service_by_code(code: str) -> Service | None:
    return db.session.scalar(select(Service).where(Service.code == code.upper()))


def get_location(code: str) -> Location | None:
    return db.session.scalar(select(Location).where(Location.code == code.upper()))


@cache
def open_location_query() -> Select[tuple[Location]]:
    """Locations that take feedback now (they and their service are not retired), by :code.

    Built once: every page of a patient's journey runs it, and building and keying a fresh
    statement cost more than running it."""
    return (
        select(Location)
        .join(Location.service)
        .where(
            Location.code == bindparam("code"),
            Location.retired_at.is_(None),
            Service.retired_at.is_(None),
        )
    )


def get_open_location(code: str) -> Location | None:
    """A location that takes feedback now: it and its service are not retired."""
    return db.session.scalar(open_location_query(), {"code": code.upper()})


def visible_service_ids(user: User) -> set[int] | None:
    """The services whose feedback the user may see; None means every service."""
    if user.sees_every_service:
        return None
    return {service.id for service in user.services}


def list_locations(user: User | None = None, *, include_retired: bool = True) -> Sequence[Location]:
    """Locations in directorate, service and name order, limited to what the user may see."""
    query = (
        select(Location)
        .join(Location.service)
        .join(Service.directorate)
        .options(selectinload(Location.service).selectinload(Service.directorate))
        .order_by(Directorate.name, Service.name, Location.name)
    )
    if not include_retired:
        query = query.where(Location.retired_at.is_(None), Service.retired_at.is_(None))
    if user is not None and (allowed := visible_service_ids(user)) is not None:
        query = query.where(Location.service_id.in_(allowed))
    return db.session.scalars(query).all()


def user_may_see_location(user: User, location: Location) -> bool:
    allowed = visible_service_ids(user)
    return allowed is None or location.service_id in allowed


def _require_unique_code(
    model: type[Service] | type[Location], code: str, current_id: int | None
) -> None:
    existing = db.session.scalar(select(model).where(model.code == code))
    if existing is not None and existing.id != current_id:
        raise OrganisationError(f"The code {code} is already used by {existing.name}")


def create_service(*, directorate: Directorate, code: str, name: str) -> Service:
    code = code.upper()
    _require_unique_code(Service, code, None)
    service = Service(directorate=directorate, code=code, name=name)
    db.session.add(service)
    db.session.flush()
    return service


def update_service(
    service: Service, *, directorate: Directorate, name: str, today: date | None = None
) -> None:
    if directorate.id != service.directorate_id:
        move_service(service, directorate, (today or trust_today()).replace(day=1))
    service.name = name
    db.session.flush()


def move_service(service: Service, directorate: Directorate, effective_from: date) -> None:
    """From `effective_from` on, count the service under `directorate`; before it, under the
    directorates it was in then."""
    history = db.session.scalars(
        select(ServiceDirectorate)
        .where(ServiceDirectorate.service_id == service.id)
        .order_by(ServiceDirectorate.valid_from.is_not(None), ServiceDirectorate.valid_from)
    ).all()
    for chapter in history:
        starts_after = chapter.valid_from is not None and chapter.valid_from >= effective_from
        if starts_after:
            db.session.delete(chapter)  # a later move is replaced by this one
        elif chapter.valid_to is None or chapter.valid_to > effective_from:
            chapter.valid_to = effective_from
    db.session.add(
        ServiceDirectorate(
            service_id=service.id, directorate_id=directorate.id, valid_from=effective_from
        )
    )
    if effective_from <= trust_today():
        service.directorate = directorate
    db.session.flush()


def directorate_history(service: Service) -> Sequence[ServiceDirectorate]:
    return db.session.scalars(
        select(ServiceDirectorate)
        .options(selectinload(ServiceDirectorate.directorate))
        .where(ServiceDirectorate.service_id == service.id)
        .order_by(ServiceDirectorate.valid_from.is_not(None), ServiceDirectorate.valid_from)
    ).all()


def create_location(
    *,
    service: Service,
    code: str,
    name: str,
    kind: LocationKind,
    setting: CareSetting,
    site_code: str | None = None,
    return_grouping: str | None = None,
) -> Location:
    code = code.upper()
    _require_unique_code(Location, code, None)
    location = Location(
        service=service,
        code=code,
        name=name,
        kind=kind,
        setting=setting,
        site_code=site_code.upper() if site_code else None,
        return_grouping=return_grouping,
    )
    db.session.add(location)
    db.session.flush()
    return location


def update_location(
    location: Location,
    *,
    service: Service,
    name: str,
    kind: LocationKind,
    setting: CareSetting,
    site_code: str | None = None,
    return_grouping: str | None = None,
) -> None:
    location.service = service
    location.name = name
    location.kind = kind
    location.setting = setting
    location.site_code = site_code.upper() if site_code else None
    location.return_grouping = return_grouping
    db.session.flush()


def set_retired(item: Service | Location, retired: bool) -> None:
    """Retire (or bring back) a service or location; its history stays as it was."""
    item.retired_at = utc_now() if retired else None
    db.session.flush()


def in_directorate_then(service_id: ColumnElement, on: ColumnElement) -> ColumnElement[bool]:
    """SQL: the `service_directorate` row is the service's directorate on that day, so figures
    for a service that moved are counted where it was at the time."""
    history = ServiceDirectorate
    return and_(
        history.service_id == service_id,
        or_(history.valid_from.is_(None), history.valid_from <= on),
        or_(history.valid_to.is_(None), history.valid_to > on),
    )
