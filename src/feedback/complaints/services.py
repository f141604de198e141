"""Case work: opening a case, moving it on, extensions, closing with an outcome.

Functions flush and never commit; each raises CaseError with a message for the person when a
change cannot be right, before anything is written.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from feedback.auth.models import User
from feedback.complaints import clock
from feedback.complaints.models import (
    CaseKind,
    CaseStatus,
    CategoryList,
    Complaint,
    ComplaintAction,
    ComplaintEvent,
    ContactPreference,
    EventKind,
    Extension,
    Ko41aCategory,
    Outcome,
    ReceivedBy,
)
from feedback.extensions import db
from feedback.organisation.models import Service

# No 0/O or 1/I/L: the reference is read out over the phone.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"

S = CaseStatus
NEXT_STATUSES: dict[CaseKind, dict[CaseStatus, tuple[CaseStatus, ...]]] = {
    CaseKind.COMPLAINT: {
        S.RECEIVED: (S.ACKNOWLEDGED,),
        S.ACKNOWLEDGED: (S.INVESTIGATING,),
        S.INVESTIGATING: (S.RESPONSE_DRAFTED,),
        S.RESPONSE_DRAFTED: (S.SIGNED_OFF, S.INVESTIGATING),
        S.SIGNED_OFF: (S.RESPONDED,),
        S.RESPONDED: (S.CLOSED, S.REOPENED),
        S.CLOSED: (S.REOPENED, S.OMBUDSMAN),
        S.REOPENED: (S.INVESTIGATING,),
        S.OMBUDSMAN: (S.REOPENED,),
    },
    # A PALS concern is resolved informally, or escalated into a complaint.
    CaseKind.PALS: {
        S.RECEIVED: (S.ACKNOWLEDGED, S.INVESTIGATING, S.CLOSED),
        S.ACKNOWLEDGED: (S.INVESTIGATING, S.CLOSED),
        S.INVESTIGATING: (S.CLOSED,),
        S.CLOSED: (S.REOPENED,),
        S.REOPENED: (S.INVESTIGATING, S.CLOSED),
    },
}
# Moving to these needs the outcome form (complaints) or a resolution note (PALS).
CLOSING = S.CLOSED


class CaseError(ValueError):
    """A change refused; the message says why, in words for the person making it."""


def new_reference() -> str:
    """Not guessable and not a database id: 8 random characters, about 10^12 choices."""
    while True:
        body = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
        reference = f"PX-{body[:4]}-{body[4:]}"
        if get_case_by_reference(reference) is None:
            return reference


def get_case_by_reference(reference: str) -> Complaint | None:
    return db.session.scalar(select(Complaint).where(Complaint.reference == reference))


def get_case_by_key(key: str) -> Complaint | None:
    return db.session.scalar(select(Complaint).where(Complaint.idempotency_key == key))


@dataclass(frozen=True)
class NewCase:
    """What is known when a concern or complaint arrives, however it came in."""

    kind: CaseKind
    received_on: date
    received_by: ReceivedBy
    service: Service | None
    raised_by_patient: bool
    complainant_name: str
    what_happened: str
    contact_preference: ContactPreference
    patient_consent: bool | None = None
    patient_name: str | None = None
    email: str | None = None
    phone: str | None = None
    address: str | None = None
    happened_on: date | None = None
    outcome_wanted: str | None = None
    language: str = "en"
    idempotency_key: str | None = None


def _check_new_case(new: NewCase, today: date) -> None:
    if new.received_on > today:
        raise CaseError("The date received cannot be in the future")
    if new.happened_on is not None and new.happened_on > today:
        raise CaseError("The date it happened cannot be in the future")
    if new.service is not None and new.service.is_retired:
        raise CaseError(f"{new.service.name} no longer takes new cases: choose its successor")
    if not new.complainant_name.strip() or not new.what_happened.strip():
        raise CaseError("Enter who raised it and what happened")
    route = {
        ContactPreference.EMAIL: new.email,
        ContactPreference.PHONE: new.phone,
        ContactPreference.LETTER: new.address,
        ContactPreference.NONE: "no reply wanted",
    }[new.contact_preference]
    if not (route or "").strip():
        raise CaseError(
            "A reply was asked for but there is no way to send it: add the "
            f"{new.contact_preference.value.replace('_', ' ')} details, or choose no reply"
        )


def open_case(new: NewCase, *, by: User | None, today: date, target_working_days: int) -> Complaint:
    """Open a case with its clock computed from the date received (day 0)."""
    _check_new_case(new, today)
    computed = clock.compute_clock(new.received_on, target_working_days)
    case = Complaint(
        reference=new_reference(),
        idempotency_key=new.idempotency_key,
        kind=new.kind,
        status=CaseStatus.RECEIVED,
        received_by=new.received_by,
        received_on=new.received_on,
        service=new.service,
        raised_by_patient=new.raised_by_patient,
        patient_consent=new.patient_consent,
        complainant_name=new.complainant_name.strip(),
        patient_name=(new.patient_name or "").strip() or None,
        contact_preference=new.contact_preference,
        email=new.email or None,
        phone=new.phone or None,
        address=new.address or None,
        what_happened=new.what_happened,
        happened_on=new.happened_on,
        outcome_wanted=new.outcome_wanted or None,
        language=new.language,
        target_working_days=target_working_days,
        acknowledgement_due=computed.acknowledgement_due,
        original_response_due=computed.original_response_due,
        response_due=computed.response_due,
    )
    db.session.add(case)
    _event(case, EventKind.CREATED, by, new.received_on, status=CaseStatus.RECEIVED)
    return case


def _event(
    case: Complaint,
    kind: EventKind,
    by: User | None,
    on: date,
    text: str | None = None,
    status: CaseStatus | None = None,
) -> ComplaintEvent:
    event = ComplaintEvent(
        complaint=case, kind=kind, on=on, text=text, status=status, by_id=by.id if by else None
    )
    db.session.add(event)
    return event


def next_statuses(case: Complaint) -> tuple[CaseStatus, ...]:
    return NEXT_STATUSES[case.kind].get(case.status, ())


def _check_event_date(case: Complaint, on: date, today: date) -> None:
    if on > today:
        raise CaseError("The date cannot be in the future")
    if on < case.received_on:
        raise CaseError(
            f"The date cannot be before the case was received ({case.received_on:%d %B %Y})"
        )


def move_case(
    case: Complaint, to: CaseStatus, *, by: User, on: date, today: date, note: str | None = None
) -> None:
    """Move a case to its next state (not to Closed: that needs `close_case`)."""
    if to not in next_statuses(case):
        raise CaseError(f"A case that is {case.status.value.replace('_', ' ')} cannot move to that")
    if to == CLOSING:
        raise CaseError("Closing needs an outcome: use the close form")
    _check_event_date(case, on, today)
    if to == S.ACKNOWLEDGED and case.acknowledged_on is None:
        case.acknowledged_on = on
    if to == S.RESPONDED and case.responded_on is None:
        try:
            clock.check_response(on, case.received_on)
        except clock.ClockError as error:
            raise CaseError(str(error)) from error
        case.responded_on = on
        case.working_days_taken = clock.working_days_between(case.received_on, on)
    if to == S.REOPENED:
        case.closed_on = None
    case.status = to
    _event(case, EventKind.STATUS, by, on, text=note or None, status=to)


def add_note(case: Complaint, text: str, *, by: User, today: date) -> None:
    if not text.strip():
        raise CaseError("Write the note")
    _event(case, EventKind.NOTE, by, today, text=text.strip())


def assign_investigator(case: Complaint, investigator: User | None, *, by: User, today: date):
    case.investigator = investigator
    name = investigator.name if investigator else "nobody"
    _event(case, EventKind.ASSIGNED, by, today, text=f"Investigator: {name}")


def agree_extension(
    case: Complaint,
    new_due: date,
    *,
    agreed_with: str,
    agreed_on: date,
    reason: str,
    by: User,
    today: date,
) -> Extension:
    """A later response date agreed with the complainant; it becomes the due date in force."""
    if not agreed_with.strip() or not reason.strip():
        raise CaseError("Record who agreed the extension and why")
    _check_event_date(case, agreed_on, today)
    try:
        clock.check_extension(new_due, case.response_due)
    except clock.ClockError as error:
        raise CaseError(str(error)) from error
    extension = Extension(
        complaint=case,
        new_due=new_due,
        previous_due=case.response_due,
        agreed_with=agreed_with.strip(),
        agreed_on=agreed_on,
        reason=reason.strip(),
        recorded_by_id=by.id,
    )
    db.session.add(extension)
    case.response_due = new_due
    _event(
        case,
        EventKind.EXTENSION,
        by,
        agreed_on,
        text=f"Response due {new_due:%d %B %Y}, agreed with {agreed_with.strip()}: {reason}",
    )
    return extension


def escalate_to_complaint(case: Complaint, *, by: User, today: date, reason: str) -> None:
    """A PALS concern becomes a formal complaint, keeping its reference and history.

    The clock restarts from the day of escalation: that is when the formal complaint arrives.
    """
    if case.kind != CaseKind.PALS or not case.is_open:
        raise CaseError("Only an open PALS concern can be escalated")
    if not reason.strip():
        raise CaseError("Say why the concern is being escalated")
    computed = clock.compute_clock(today, case.target_working_days)
    case.kind = CaseKind.COMPLAINT
    case.status = S.RECEIVED
    case.received_on = today
    case.acknowledged_on = None
    case.acknowledgement_due = computed.acknowledgement_due
    case.original_response_due = case.response_due = computed.response_due
    _event(case, EventKind.ESCALATED, by, today, text=reason.strip(), status=S.RECEIVED)


@dataclass(frozen=True)
class CaseOutcome:
    outcome: Outcome | None
    is_clinical: bool | None
    subjects: Sequence[Ko41aCategory]
    service_areas: Sequence[Ko41aCategory]
    professions: Sequence[Ko41aCategory]
    age_band: Ko41aCategory | None
    complainant_status: Ko41aCategory | None
    lessons_learned: str
    actions: Sequence[tuple[str, str, date]]  # description, owner, due
    clinical_subjects: Sequence[Ko41aCategory] = ()


def _check_outcome(result: CaseOutcome) -> None:
    missing = [
        label
        for label, value in (
            ("the outcome", result.outcome),
            ("clinical or non-clinical", result.is_clinical is not None),
            ("at least one subject", result.subjects),
            ("the service area", result.service_areas),
            ("the profession", result.professions),
            ("the patient's age band", result.age_band),
            ("the complainant's status", result.complainant_status),
            ("the lessons learned", result.lessons_learned.strip()),
        )
        if not value
    ]
    if missing:
        raise CaseError("Closing needs an outcome: record " + ", ".join(missing))
    if result.clinical_subjects and not result.is_clinical:
        raise CaseError("Clinical treatment sub-categories are only for clinical complaints")
    for description, owner, _due in result.actions:
        if not description.strip() or not owner.strip():
            raise CaseError("Each action needs a description and an owner")


def close_case(
    case: Complaint, result: CaseOutcome | None, *, by: User, on: date, today: date, note: str = ""
) -> None:
    """Close a case: a complaint with its full outcome, a PALS concern with how it was resolved."""
    if CLOSING not in next_statuses(case):
        raise CaseError("This case cannot be closed yet: it must be responded to first")
    _check_event_date(case, on, today)
    if case.kind == CaseKind.COMPLAINT:
        if result is None:
            raise CaseError("Closing needs an outcome")
        _check_outcome(result)
        case.outcome = result.outcome
        case.is_clinical = result.is_clinical
        case.categories = [
            *result.subjects,
            *result.clinical_subjects,
            *result.service_areas,
            *result.professions,
        ]
        case.age_band = result.age_band
        case.complainant_status = result.complainant_status
        case.lessons_learned = result.lessons_learned.strip()
        for description, owner, due in result.actions:
            db.session.add(
                ComplaintAction(
                    complaint=case, description=description.strip(), owner=owner.strip(), due_on=due
                )
            )
        note = note or f"Outcome: {result.outcome.value.replace('_', ' ')}"  # type: ignore[union-attr]
    elif not note.strip():
        raise CaseError("Say how the concern was resolved")
    case.status = S.CLOSED
    case.closed_on = on
    _event(case, EventKind.STATUS, by, on, text=note.strip(), status=S.CLOSED)


def list_categories(which: CategoryList, *, active_only: bool = True) -> Sequence[Ko41aCategory]:
    query = select(Ko41aCategory).where(Ko41aCategory.list == which)
    if active_only:
        query = query.where(Ko41aCategory.is_active.is_(True))
    return db.session.scalars(query.order_by(Ko41aCategory.position, Ko41aCategory.name)).all()
