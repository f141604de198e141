"""The complaints retention rule: closed cases lose their personal details after the period
(10 years after closure by default); what the returns and figures count stays."""

from __future__ import annotations

from datetime import date

from flask import Flask
from sqlalchemy import select, update

from feedback.complaints.models import CaseStatus, Complaint, ComplaintEvent
from feedback.extensions import db
from feedback.retention.rules import REMOVED, Due, RetentionRule, due_records, register_rule
from feedback.themes.sources import forget_texts


def _due_cases(cutoff: date):  # type: ignore[no-untyped-def]
    return (
        Complaint.status == CaseStatus.CLOSED,
        Complaint.closed_on < cutoff,
        Complaint.anonymised_on.is_(None),
    )


def due_cases(cutoff: date) -> Due:
    count, oldest, examples = due_records(
        _due_cases(cutoff),
        Complaint.closed_on,
        Complaint.reference,
        (Complaint.closed_on, Complaint.id),
    )
    return Due(count=count, oldest=oldest, examples=examples)


def anonymise_cases(cutoff: date, today: date) -> int:
    """Names, contact details, what happened, what was wanted and the notes go; dates, the
    outcome, KO41a coding, lessons learned and the clock stay."""
    ids = select(Complaint.id).where(*_due_cases(cutoff)).scalar_subquery()
    db.session.execute(
        update(ComplaintEvent)
        .where(ComplaintEvent.complaint_id.in_(ids), ComplaintEvent.text.is_not(None))
        .values(text=None)
        .execution_options(synchronize_session=False)
    )
    forget_texts("complaint", ids, REMOVED)
    changed = db.session.execute(
        update(Complaint)
        .where(*_due_cases(cutoff))
        .values(
            complainant_name=REMOVED,
            patient_name=None,
            email=None,
            phone=None,
            address=None,
            what_happened=REMOVED,
            outcome_wanted=None,
            anonymised_on=today,
        )
        .execution_options(synchronize_session=False)
    )
    return changed.rowcount or 0


def register(app: Flask) -> None:
    register_rule(
        app,
        RetentionRule(
            id="complaints",
            description=(
                "Complaint and PALS cases closed longer ago than the period: names, contact "
                "details, what happened, what was wanted and case notes are removed (also from "
                "the comments the themes read). Dates, outcome, KO41a coding and lessons "
                "learned stay for the figures."
            ),
            setting="RETENTION_COMPLAINT_YEARS",
            unit="years",
            due=due_cases,
            apply=anonymise_cases,
        ),
    )
