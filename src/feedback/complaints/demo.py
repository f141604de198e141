"""Two years of realistic demo cases: varied states, outcomes, extensions, some overdue."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from feedback.auth.models import Role, User
from feedback.complaints import review, services
from feedback.complaints.clock import is_working_day, working_days_after
from feedback.complaints.models import (
    CaseKind,
    CaseStatus,
    CategoryList,
    Complaint,
    Compliment,
    ComplimentSource,
    ContactPreference,
    Outcome,
    ReceivedBy,
)
from feedback.complaints.satisfaction import (
    SatisfactionInvite,
    SatisfactionResponse,
    create_invite,
)
from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Service

STORIES = [
    ("My father was discharged without anyone telling the family.", True),
    ("I waited four months for a first appointment with the community team.", False),
    ("A nurse spoke to me rudely in front of other patients.", False),
    ("My medication was changed and nobody explained why.", True),
    ("The ward was dirty and the bathroom was not cleaned for days.", False),
    ("My son's care plan was never shared with us, although he asked for it.", True),
    ("Appointments were cancelled twice at short notice.", False),
    ("Another patient shouted at me every night and staff did not step in.", True),
    ("Letters were sent to the wrong address.", False),
    ("The psychiatrist did not listen to what I said about side effects.", True),
]
NAMES = [
    "Sam Taylor",
    "Jordan Evans",
    "Amrit Kaur",
    "Chris Walker",
    "Nadia Hussain",
    "Lee Roberts",
    "Aisha Begum",
    "Tom Wright",
    "Maria Nowak",
    "Dev Mistry",
]
COMPLIMENTS = [
    "Thank you to the whole team for looking after Mum so well.",
    "The nurses on nights were kind and patient.",
    "The community nurse went above and beyond.",
    "Thank you for listening and for explaining everything.",
]


def _working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def _lists() -> dict[CategoryList, list]:  # type: ignore[type-arg]
    return {which: list(services.list_categories(which)) for which in CategoryList}


def _outcome(rng: random.Random, lists, clinical: bool) -> services.CaseOutcome:  # type: ignore[no-untyped-def]
    subjects = lists[CategoryList.SUBJECT]
    return services.CaseOutcome(
        outcome=rng.choices(list(Outcome), weights=[3, 4, 4])[0],
        is_clinical=clinical,
        subjects=rng.sample(subjects, rng.choice([1, 1, 2])),
        clinical_subjects=[rng.choice(lists[CategoryList.CLINICAL_SUBJECT])] if clinical else [],
        service_areas=[rng.choice(lists[CategoryList.SERVICE_AREA])],
        professions=[rng.choice(lists[CategoryList.PROFESSION])],
        age_band=rng.choice(lists[CategoryList.AGE_BAND]),
        complainant_status=lists[CategoryList.COMPLAINANT_STATUS][rng.choice([0, 0, 1])],
        lessons_learned="Share discharge plans with families before the day of discharge.",
        actions=[
            (
                "Add a family discussion to the discharge checklist",
                "Ward manager",
                date(2027, 3, 31),
            )
        ],
    )


def _work_case(case: Complaint, rng: random.Random, by: User, today: date, lists) -> None:  # type: ignore[no-untyped-def]
    """Move a case along as the team would have, stopping where today falls."""
    ack = working_days_after(case.received_on, rng.choice([1, 2, 2, 3, 3, 5]))
    if ack > today:
        return
    services.move_case(case, CaseStatus.ACKNOWLEDGED, by=by, on=ack, today=today)
    if case.kind == CaseKind.PALS:
        resolved = working_days_after(ack, rng.randint(1, 8))
        if resolved <= today:
            services.close_case(
                case,
                None,
                by=by,
                on=resolved,
                today=today,
                note="Resolved with the ward manager by phone",
            )
        return
    services.assign_investigator(case, by, by=by, today=ack)
    services.move_case(case, CaseStatus.INVESTIGATING, by=by, on=ack, today=today)
    if rng.random() < 0.2:
        new_due = working_days_after(case.response_due, rng.randint(5, 15))
        services.agree_extension(
            case,
            new_due,
            agreed_with="The complainant, by phone",
            agreed_on=ack,
            reason="Waiting for the clinical review",
            by=by,
            today=today,
        )
    # Most answered in time, some late (a problem for the team to find).
    taken = rng.choices([rng.randint(12, 25), rng.randint(26, 45)], weights=[82, 18])[0]
    responded = working_days_after(case.received_on, taken)
    drafted = working_days_after(case.received_on, max(taken - 4, 4))
    if drafted > today:
        return
    services.move_case(case, CaseStatus.RESPONSE_DRAFTED, by=by, on=drafted, today=today)
    services.move_case(case, CaseStatus.SIGNED_OFF, by=by, on=drafted, today=today)
    if responded > today:
        return
    services.move_case(case, CaseStatus.RESPONDED, by=by, on=responded, today=today)
    closed = working_days_after(responded, 3)
    if closed <= today:
        clinical = "medication" in case.what_happened or rng.random() < 0.4
        services.close_case(case, _outcome(rng, lists, clinical), by=by, on=closed, today=today)
        if rng.random() < 0.3:
            _satisfaction_answer(case, rng, closed, today)


def _satisfaction_answer(case: Complaint, rng: random.Random, closed: date, today: date) -> None:
    db.session.flush()
    create_invite(case)
    db.session.flush()
    invite = db.session.scalar(
        select(SatisfactionInvite).where(SatisfactionInvite.complaint_id == case.id)
    )
    invite.used_at = utc_now()
    db.session.flush()
    db.session.add(
        SatisfactionResponse(
            idempotency_key=f"demo-satisfaction-{case.id}",
            invite_id=invite.id,
            service_id=case.service_id,
            submitted_on=min(closed + timedelta(days=rng.randint(1, 10)), today),
            overall=rng.choices([1, 2, 3, 4, 5], weights=[2, 3, 2, 2, 1])[0],
            kept_informed=rng.choice(["yes", "partly", "no"]),
            response_clear=rng.choice(["yes", "yes", "partly"]),
            listened=rng.choice(["yes", "partly", "no"]),
        )
    )


def seed_complaints_demo(today: date, days: int = 730) -> int:
    """Load demo cases and compliments once (returns how many cases were made)."""
    if db.session.scalar(select(func.count(Complaint.id))):
        return 0
    rng = random.Random(2019)
    all_services = list(db.session.scalars(select(Service).where(Service.retired_at.is_(None))))
    px = db.session.scalar(select(User).where(User.role == Role.PX_TEAM).limit(1))
    if not all_services or px is None:
        return 0
    lists = _lists()
    made = 0
    for offset in range(days, -1, -1):
        day = today - timedelta(days=offset)
        # About 30 a month, fewer in the second year (the trust's clinical complaints target).
        for _ in range(rng.choices([0, 1, 2], weights=[3, 5, 2] if offset > 365 else [4, 5, 1])[0]):
            story, _clinical = rng.choice(STORIES)
            by_patient = rng.random() < 0.6
            contact = rng.choice(
                [ContactPreference.EMAIL, ContactPreference.LETTER, ContactPreference.PHONE]
            )
            name = rng.choice(NAMES)
            case = services.open_case(
                services.NewCase(
                    kind=CaseKind.PALS if rng.random() < 0.35 else CaseKind.COMPLAINT,
                    received_on=day,
                    received_by=rng.choice(list(ReceivedBy)),
                    service=rng.choice(all_services) if rng.random() < 0.95 else None,
                    raised_by_patient=by_patient,
                    patient_consent=None if by_patient else rng.random() < 0.9,
                    patient_name=None if by_patient else rng.choice(NAMES),
                    complainant_name=name,
                    contact_preference=contact,
                    email=f"{name.split()[0].lower()}@example.com",
                    phone="+441162256000",
                    address="1 Example Street, Leicester",
                    what_happened=story,
                    happened_on=day - timedelta(days=rng.randint(1, 60)),
                    outcome_wanted="An explanation and an apology",
                ),
                by=px,
                today=today,
                target_working_days=25,
            )
            if offset > 4:  # the last few days' cases are waiting to be acknowledged
                _work_case(case, rng, px, today, lists)
            made += 1
        if rng.random() < 0.5:
            db.session.add(
                Compliment(
                    received_on=_working_day_on_or_after(day) if day < today else today,
                    service=rng.choice(all_services),
                    source=rng.choice(list(ComplimentSource)),
                    summary=rng.choice(COMPLIMENTS),
                    logged_by_id=px.id,
                )
            )
    db.session.flush()
    _review_pack(px)
    return made


def _review_pack(px: User) -> None:
    """A peer review pack of recent closed complaints, with a lay reviewer's first learning."""
    closed = db.session.scalars(
        select(Complaint)
        .where(Complaint.outcome.is_not(None))
        .order_by(Complaint.closed_on.desc())
        .limit(3)
    ).all()
    if not closed:
        return
    pack = review.create_pack("Recent complaints about discharge and communication", by=px)
    for case in closed:
        review.add_case(pack, case)
    council = db.session.scalar(select(User).where(User.role == Role.PEOPLES_COUNCIL).limit(1))
    if council is not None:
        db.session.flush()
        review.record_learning(
            pack, "Families need to hear about discharge plans earlier, in plain words.", by=council
        )
