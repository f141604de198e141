"""`flask seed-demo` opens on a trust with two years of varied cases and a few problems."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.audit.models import AuditEvent
from feedback.auth.services import get_user_by_email
from feedback.complaints.models import CaseStatus, Complaint, Extension
from feedback.complaints.queries import count_worklists
from feedback.complaints.review import ReviewPack
from feedback.extensions import db


def test_the_demo_has_history_variety_and_problems_to_find(app, runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Demo complaints loaded" in result.output
    statuses = dict(
        db.session.execute(select(Complaint.status, func.count()).group_by(Complaint.status)).all()
    )
    assert statuses.get(CaseStatus.CLOSED, 0) > 300 and len(statuses) >= 3
    first = db.session.scalar(select(func.min(Complaint.received_on)))
    assert (date.today() - first).days > 600
    assert db.session.scalar(select(func.count(Extension.id))) > 10
    counts = count_worklists(get_user_by_email("px@example.nhs.uk"), date.today())
    assert counts["open"] > 0 and counts["closed"] > 300
    late = db.session.scalar(
        select(func.count()).where(Complaint.responded_on > Complaint.response_due)
    )
    assert late > 10  # not 100% on time everywhere
    assert db.session.scalar(select(func.count(ReviewPack.id))) == 1
    # The audit trail has a month of work, and a late-night run of case views to find.
    assert "Demo audit trail loaded" in result.output
    late_views = db.session.scalar(
        select(func.count(AuditEvent.id)).where(
            AuditEvent.user_email == "manager@example.nhs.uk", AuditEvent.what == "Case page"
        )
    )
    assert late_views >= 12
    again = runner.invoke(args=["seed-demo"])
    assert "Demo complaints loaded" not in again.output  # once only
    assert "Demo audit trail loaded" not in again.output
