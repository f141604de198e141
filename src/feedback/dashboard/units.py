"""The four levels of the drill-down (trust, directorate, service, location) and who may open
which: the patient experience team and admins see every unit, a service manager only their own
services and those services' wards and teams."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select

from feedback.auth.models import User
from feedback.extensions import db
from feedback.organisation.models import Directorate, Location, Service, ServiceDirectorate
from feedback.organisation.services import get_trust, visible_service_ids

LEVELS = ("trust", "directorate", "service", "location")
CHILD_LEVEL = {"trust": "directorate", "directorate": "service", "service": "location"}
LEVEL_WORDS = {
    "trust": "trust",
    "directorate": "directorate",
    "service": "service",
    "location": "ward or team",
}


@dataclass(frozen=True)
class Unit:
    level: str
    id: int
    name: str
    # Trust first: the breadcrumbs above this unit.
    parents: tuple[Unit, ...] = field(default=(), compare=False)
    service_id: int | None = field(default=None, compare=False)  # services and locations
    code: str | None = field(default=None, compare=False)  # locations: for links and posters

    @property
    def child_level(self) -> str | None:
        return CHILD_LEVEL.get(self.level)

    @property
    def words(self) -> str:
        return LEVEL_WORDS[self.level]


def _trust() -> Unit | None:
    trust = get_trust()
    return Unit("trust", trust.id, trust.name) if trust else None


def _directorate_then(service_id: int, month: date) -> Directorate | None:
    history = db.session.scalars(
        select(ServiceDirectorate)
        .where(
            ServiceDirectorate.service_id == service_id,
            or_(ServiceDirectorate.valid_from.is_(None), ServiceDirectorate.valid_from <= month),
            or_(ServiceDirectorate.valid_to.is_(None), ServiceDirectorate.valid_to > month),
        )
        .order_by(ServiceDirectorate.id.desc())
    ).first()
    return history.directorate if history else None


def find_unit(level: str, unit_id: int | None, month: date) -> Unit | None:
    """The unit with its breadcrumbs; a service sits under the directorate it was in that month."""
    trust = _trust()
    if trust is None or level not in LEVELS:
        return None
    if level == "trust":
        return trust
    if level == "directorate":
        directorate = db.session.get(Directorate, unit_id)
        if directorate is None:
            return None
        return Unit("directorate", directorate.id, directorate.name, (trust,))
    service_id = unit_id
    location = None
    if level == "location":
        location = db.session.get(Location, unit_id)
        if location is None:
            return None
        service_id = location.service_id
    service = db.session.get(Service, service_id)
    if service is None:
        return None
    directorate = _directorate_then(service.id, month) or service.directorate
    parents = (trust, Unit("directorate", directorate.id, directorate.name, (trust,)))
    service_unit = Unit("service", service.id, service.name, parents, service.id)
    if location is None:
        return service_unit
    return Unit(
        "location", location.id, location.name, (*parents, service_unit), service.id, location.code
    )


def children(unit: Unit, month: date) -> list[Unit]:
    """The units one level down, as they were organised in `month`."""
    below = (*unit.parents, unit)
    if unit.level == "trust":
        rows = db.session.execute(
            select(Directorate.id, Directorate.name).order_by(Directorate.name)
        ).all()
        return [Unit("directorate", i, name, below) for i, name in rows]
    if unit.level == "directorate":
        rows = db.session.execute(
            select(Service.id, Service.name)
            .join(ServiceDirectorate, ServiceDirectorate.service_id == Service.id)
            .where(
                ServiceDirectorate.directorate_id == unit.id,
                or_(
                    ServiceDirectorate.valid_from.is_(None), ServiceDirectorate.valid_from <= month
                ),
                or_(ServiceDirectorate.valid_to.is_(None), ServiceDirectorate.valid_to > month),
            )
            .distinct()
            .order_by(Service.name)
        ).all()
        return [Unit("service", i, name, below, i) for i, name in rows]
    if unit.level == "service":
        rows = db.session.execute(
            select(Location.id, Location.name, Location.code)
            .where(Location.service_id == unit.id)
            .order_by(Location.name)
        ).all()
        return [Unit("location", i, name, below, unit.id, code) for i, name, code in rows]
    return []


def may_see(user: User, unit: Unit) -> bool:
    """Service managers see their own services and their wards, and nothing above them: a
    directorate's total minus their own service would give away another's small numbers."""
    allowed = visible_service_ids(user)
    if allowed is None:
        return True
    return unit.service_id is not None and unit.service_id in allowed


def own_services(user: User) -> list[Unit]:
    """A service manager's services, for their landing page."""
    trust = _trust()
    parents = (trust,) if trust else ()
    return [
        Unit("service", s.id, s.name, parents, s.id)
        for s in sorted(user.services, key=lambda s: s.name)
    ]


def unit_names(level: str) -> dict[int, str]:
    """Every unit's name at a level, for lists that mix many units (the early warnings)."""
    model = {"directorate": Directorate, "service": Service, "location": Location}.get(level)
    if model is None:
        trust = _trust()
        return {trust.id: trust.name} if trust else {}
    return dict(db.session.execute(select(model.id, model.name)).all())
