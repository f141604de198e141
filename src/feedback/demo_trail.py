"""A month of demo audit trail: the team at work on cases, urgent comments and accounts, and
one thing for an admin to find (a manager opening a dozen cases late one night)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from feedback.audit.models import AuditAction, AuditEvent, AuditSubject
from feedback.auth.models import Role, User
from feedback.complaints.models import Complaint
from feedback.db import TRUST_TIMEZONE
from feedback.extensions import db
from feedback.themes.models import UrgentAlert

CASE_CHANGES = ["Added a note", "Moved the case on", "Assigned the case", "Agreed an extension"]
VIEWED, CHANGED = AuditAction.VIEWED, AuditAction.CHANGED


@dataclass
class _Trail:
    rng: random.Random
    events: list[dict] = field(default_factory=list)  # type: ignore[type-arg]

    def add(self, user: User, when: datetime, action: AuditAction, subject: AuditSubject,
            ref: str, what: str) -> None:  # fmt: skip
        self.events.append(
            {
                "at": when,
                "user_id": user.id,
                "user_email": user.email,
                "user_role": user.role.value,
                "action": action,
                "subject": subject,
                "subject_ref": ref,
                "what": what,
            }
        )


def _at(day: date, hour: int, minute: int) -> datetime:
    at = datetime.combine(day, time(hour, min(minute, 59)), tzinfo=TRUST_TIMEZONE)
    return at.astimezone(UTC)


def _a_working_day(trail: _Trail, day: date, users: dict[Role, User], cases: list[str],
                   alerts: list[int]) -> None:  # fmt: skip
    rng, px = trail.rng, users[Role.PX_TEAM]
    for _ in range(rng.randint(6, 14)):
        when, case = _at(day, rng.randint(8, 17), rng.randint(0, 59)), rng.choice(cases)
        trail.add(px, when, VIEWED, AuditSubject.COMPLAINT, case, "Case page")
        if rng.random() < 0.4:
            change = rng.choice(CASE_CHANGES)
            trail.add(
                px, when + timedelta(minutes=3), CHANGED, AuditSubject.COMPLAINT, case, change
            )
    if rng.random() < 0.5:
        trail.add(users[Role.SERVICE_MANAGER], _at(day, 10, rng.randint(0, 59)), VIEWED,
                  AuditSubject.COMPLAINT, rng.choice(cases), "Case page")  # fmt: skip
    if alerts and rng.random() < 0.3:
        trail.add(px, _at(day, 9, rng.randint(0, 59)), VIEWED, AuditSubject.URGENT_ALERT,
                  str(rng.choice(alerts)), "Urgent comment, or closed it")  # fmt: skip
    if rng.random() < 0.15:
        trail.add(users[Role.ADMIN], _at(day, 14, 5), VIEWED, AuditSubject.ACCOUNT,
                  str(users[Role.SERVICE_MANAGER].id), "Account page")  # fmt: skip


def seed_audit_demo(today: date, days: int = 30) -> int:
    """Load the demo trail once (returns how many events were made)."""
    if db.session.scalar(select(func.count(AuditEvent.id))):
        return 0
    users = {u.role: u for u in db.session.scalars(select(User).order_by(User.id.desc()))}
    cases = list(
        db.session.scalars(select(Complaint.reference).order_by(Complaint.id.desc()).limit(60))
    )
    alerts = list(db.session.scalars(select(UrgentAlert.id).order_by(UrgentAlert.id.desc())))
    if not cases or not {Role.PX_TEAM, Role.ADMIN, Role.SERVICE_MANAGER} <= set(users):
        return 0
    trail = _Trail(random.Random(2026))
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        if day.weekday() < 5:
            _a_working_day(trail, day, users, cases, alerts)
    # The one to find: twelve cases opened in ten minutes, just before midnight.
    night = today - timedelta(days=6)
    for minute, case in enumerate(trail.rng.sample(cases, min(12, len(cases)))):
        trail.add(users[Role.SERVICE_MANAGER], _at(night, 23, 40 + minute), VIEWED,
                  AuditSubject.COMPLAINT, case, "Case page")  # fmt: skip
    trail.events.sort(key=lambda e: e["at"])
    db.session.execute(AuditEvent.__table__.insert(), trail.events)
    return len(trail.events)
