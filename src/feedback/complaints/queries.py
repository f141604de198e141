"""Reading cases back: who may see which, and the team's worklists, in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import selectinload

from feedback.auth.models import Role, User
from feedback.complaints.models import CaseKind, CaseStatus, Complaint, Compliment
from feedback.extensions import db
from feedback.organisation.models import Directorate, Service

CLOSED = (CaseStatus.CLOSED, CaseStatus.OMBUDSMAN)
# Named, not "NOT IN CLOSED", so the (status, response_due) index serves the worklists.
OPEN = tuple(status for status in CaseStatus if status not in CLOSED)
WORKLISTS = {
    "acknowledge": "To acknowledge",
    "due-this-week": "Response due this week",
    "overdue": "Overdue",
    "open": "All open cases",
    "pals": "Open PALS concerns",
    "closed": "Closed",
}


def _visible(query: Select, user: User) -> Select:
    """Service managers see only their services' cases; a case with no service is not theirs."""
    if user.role in (Role.ADMIN, Role.PX_TEAM):
        return query
    service_ids = [service.id for service in user.services]
    return query.where(Complaint.service_id.in_(service_ids or [-1]))


def user_may_see_cases(user: User) -> bool:
    return user.role in (Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER)


def get_case_for(user: User, reference: str) -> Complaint | None:
    """The case, or None when it does not exist or this user may not see it (a 404 either way)."""
    query = _visible(select(Complaint).where(Complaint.reference == reference), user)
    return db.session.scalar(
        query.options(
            selectinload(Complaint.events),
            selectinload(Complaint.extensions),
            selectinload(Complaint.actions),
            selectinload(Complaint.categories),
        )
    )


def _worklist_condition(which: str, today: date):  # type: ignore[no-untyped-def]
    open_case = Complaint.status.in_(OPEN)
    week_end = today + timedelta(days=6 - today.weekday())
    return {
        "acknowledge": (
            Complaint.kind == CaseKind.COMPLAINT,
            Complaint.acknowledged_on.is_(None),
            open_case,
        ),
        "due-this-week": (
            open_case,
            Complaint.kind == CaseKind.COMPLAINT,
            Complaint.responded_on.is_(None),
            Complaint.response_due.between(today, week_end),
        ),
        "overdue": (
            open_case,
            Complaint.kind == CaseKind.COMPLAINT,
            Complaint.responded_on.is_(None),
            Complaint.response_due < today,
        ),
        "open": (open_case,),
        "pals": (open_case, Complaint.kind == CaseKind.PALS),
        "closed": (Complaint.status.in_(CLOSED),),
    }[which]


def list_worklist(
    user: User,
    which: str,
    today: date,
    *,
    investigator_id: int | None = None,
    directorate_id: int | None = None,
    limit: int = 200,
) -> Sequence[Complaint]:
    query = _visible(select(Complaint).where(*_worklist_condition(which, today)), user)
    if investigator_id is not None:
        query = query.where(Complaint.investigator_id == investigator_id)
    if directorate_id is not None:
        query = query.join(Service, Service.id == Complaint.service_id).where(
            Service.directorate_id == directorate_id
        )
    order = Complaint.acknowledgement_due if which == "acknowledge" else Complaint.response_due
    if which == "closed":
        order = Complaint.closed_on.desc()
    query = query.options(
        selectinload(Complaint.service), selectinload(Complaint.investigator)
    ).order_by(order, Complaint.id)
    return db.session.scalars(query.limit(limit)).all()


def count_worklists(user: User, today: date) -> dict[str, int]:
    """Every worklist's count in one pass over the cases this user may see."""
    columns = [
        func.coalesce(func.sum(case((and_(*_worklist_condition(which, today)), 1), else_=0)), 0)
        for which in WORKLISTS
    ]
    counts = db.session.execute(_visible(select(*columns).select_from(Complaint), user)).one()
    return {which: int(count) for which, count in zip(WORKLISTS, counts, strict=True)}


@dataclass(frozen=True)
class Tally:
    key: int | None
    name: str
    open_cases: int
    overdue: int


def open_cases_by_investigator(user: User, today: date) -> list[Tally]:
    query = _visible(
        select(User.id, User.name, func.count(Complaint.id))
        .select_from(Complaint)
        .outerjoin(User, User.id == Complaint.investigator_id)
        .where(Complaint.status.in_(OPEN))
        .group_by(User.id, User.name)
        .order_by(User.name),
        user,
    )
    rows = db.session.execute(query).all()
    late = dict(
        db.session.execute(
            _visible(
                select(Complaint.investigator_id, func.count(Complaint.id))
                .where(*_worklist_condition("overdue", today))
                .group_by(Complaint.investigator_id),
                user,
            )
        ).all()
    )
    return [
        Tally(key, name or "Not assigned", count, late.get(key, 0)) for key, name, count in rows
    ]


def open_cases_by_directorate(user: User, today: date) -> list[Tally]:
    query = _visible(
        select(Directorate.id, Directorate.name, func.count(Complaint.id))
        .select_from(Complaint)
        .outerjoin(Service, Service.id == Complaint.service_id)
        .outerjoin(Directorate, Directorate.id == Service.directorate_id)
        .where(Complaint.status.in_(OPEN))
        .group_by(Directorate.id, Directorate.name)
        .order_by(Directorate.name),
        user,
    )
    late = dict(
        db.session.execute(
            _visible(
                select(Service.directorate_id, func.count(Complaint.id))
                .select_from(Complaint)
                .outerjoin(Service, Service.id == Complaint.service_id)
                .where(*_worklist_condition("overdue", today))
                .group_by(Service.directorate_id),
                user,
            )
        ).all()
    )
    return [
        Tally(key, name or "Service not known", count, late.get(key, 0))
        for key, name, count in db.session.execute(query).all()
    ]


def list_investigators() -> Sequence[User]:
    return db.session.scalars(
        select(User)
        .where(User.role.in_([Role.PX_TEAM, Role.SERVICE_MANAGER, Role.ADMIN]))
        .where(User.is_enabled.is_(True))
        .order_by(User.name)
    ).all()


def list_compliments(user: User, limit: int = 200) -> Sequence[Compliment]:
    query = select(Compliment).options(selectinload(Compliment.service))
    if user.role not in (Role.ADMIN, Role.PX_TEAM):
        query = query.where(Compliment.service_id.in_([s.id for s in user.services] or [-1]))
    return db.session.scalars(query.order_by(Compliment.received_on.desc()).limit(limit)).all()
