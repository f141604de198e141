"""Demo actions: a year of "You said, we did" for the demo trust's wards and teams."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select

from feedback.actions.models import Action, ActionStatus
from feedback.actions.services import ActionInput, create_action
from feedback.auth.models import Role, User
from feedback.complaints.models import Complaint
from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.services import get_location, get_service_by_code
from feedback.targets.services import get_target
from feedback.themes.models import Theme

P, IP, D, N = (
    ActionStatus.PLANNED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.NOT_GOING_AHEAD,
)


@dataclass(frozen=True)
class DemoAction:
    where: str  # a location code, a service code, or "" for trust-wide
    days: int  # the action's date, days from today (negative: in the past)
    status: ActionStatus
    themes: tuple[str, ...]
    said: str
    did: str
    by_whom: str
    poster_said: str = ""
    poster_did: str = ""
    reason: str = ""
    complaint_of: str = ""  # link the newest complaint about this service
    target: str = ""


DEMO_ACTIONS = [
    DemoAction(
        "BRAD-ASH",
        -240,
        D,
        ("Food & drink provision & facilities",),
        "Patients told us the food was often cold by the time it reached the ward, and that "
        "there was little choice for people who eat halal.",
        "Heated trolleys were bought, so meals are served within 10 minutes of arriving on the "
        "ward. The menu now has three halal choices at every meal.",
        "Ashby Ward manager and the facilities team",
        "The food was cold. There was not much halal food.",
        "We got hot trolleys. There are 3 halal meals every day.",
    ),
    DemoAction(
        "BRAD-BEL",
        -150,
        D,
        ("Sensory experience",),
        "People could not sleep because doors banged and staff talked loudly in the corridor "
        "during the night shift.",
        "Soft-close fittings on every bedroom door, a quiet-at-night routine after 11pm, and "
        "ear plugs and eye masks offered at bedtime.",
        "Belvoir Ward manager",
        "It was too noisy at night. You could not sleep.",
        "We fixed the doors. Staff are quiet after 11pm. You can ask for ear plugs.",
    ),
    DemoAction(
        "CAMHS",
        60,
        IP,
        (
            "Timeliness of care",
            "Being kept informed, clarity & consistency of information",
        ),
        "Young people and their parents said they waited too long for a first appointment, "
        "and nobody told them what was happening while they waited.",
        "Everyone waiting gets a letter and a text within 5 working days with a named "
        "contact, and a call every 4 weeks until their first appointment.",
        "CAMHS service lead",
        "You waited a long time. Nobody told you what was happening.",
        "We will tell you what is happening. We will call you every 4 weeks.",
    ),
    DemoAction(
        "KIRBY",
        -90,
        D,
        ("Discharge", "Supplying & understanding medication"),
        "A family complained that the discharge letter reached the GP two weeks late, so "
        "nobody knew the medicines had changed.",
        "Discharge letters are now written before the person leaves the ward. The GP gets "
        "theirs the same day and the patient is given a copy to take home.",
        "Community hospitals matron",
        "Your discharge letter came late.",
        "We give you your letter before you go home. Your GP gets it the same day.",
        complaint_of="CHS-HOSP",
    ),
    DemoAction(
        "",
        -300,
        D,
        ("Learning organisation",),
        "We heard from too few people after their care, so many voices were missing from "
        "what we know.",
        "Tablets for feedback on every ward, QR code posters in every waiting area, and a text "
        "message after community appointments inviting feedback.",
        "Patient experience team",
        "Not many people told us what they think.",
        "You can now tell us on a tablet, on your phone or by text.",
        target="fft-response-rate",
    ),
    DemoAction(
        "STEWART",
        -60,
        D,
        ("Activities & access to fresh air",),
        "There is nothing to do at weekends.",
        "A weekend timetable with a cooking group on Saturdays, walks in the park and a film "
        "afternoon on Sundays, planned with the people living at Stewart House.",
        "Stewart House occupational therapy team",
        "There was nothing to do at weekends.",
        "We do cooking, walks and films at weekends now.",
    ),
    DemoAction(
        "LANGLEY",
        30,
        IP,
        ("Interaction with family/ carers",),
        "Families said they were not told when their relative moved rooms or had a fall.",
        "A named nurse will phone the family the same day after any fall or move, and this "
        "will be checked at every handover.",
        "Langley Ward manager",
        "Nobody told your family when things changed.",
        "A nurse will phone your family the same day.",
    ),
    DemoAction(
        "CN-HINCK",
        -180,
        D,
        ("Appointment arrangements",),
        "People did not know what time the nurse would come, and waited in all day.",
        "We now send a text message with a two-hour time window the evening before each visit.",
        "Hinckley community nursing team leader",
        "You did not know when the nurse would come.",
        "We text you the night before. We tell you a 2-hour time.",
    ),
    DemoAction(
        "AGNES",
        -330,
        D,
        (
            "Information provision & guidance",
            "Equality, Diversity & Inclusion",
        ),
        "People with a learning disability said the information about the unit was hard to "
        "understand.",
        "An easy read welcome pack with pictures, written with people who use the service "
        "and their families.",
        "Agnes Unit speech and language therapist",
        "The information was hard to understand.",
        "We made an easy read pack with pictures. You helped us write it.",
    ),
    DemoAction(
        "",
        -120,
        N,
        ("Parking",),
        "Visitors could not find anywhere to park at the Bradgate Unit and the Evington "
        "Centre at visiting times.",
        "Ask for more visitor spaces at both sites.",
        "Estates team",
        reason="The car parks belong to the hospitals next door and they have no room to add "
        "spaces. Bus and park-and-ride information is now in every visitor leaflet instead.",
    ),
    DemoAction(
        "WELFORD",
        90,
        P,
        ("Environment, facilities & equipment",),
        "Patients said the day room always has the television on and there is no quiet place "
        "to sit or to see visitors.",
        "Turn the old store room into a quiet room with comfortable chairs.",
        "Welford Ward manager and the estates team",
        "There was no quiet place to sit.",
        "We are making a quiet room.",
    ),
    DemoAction(
        "HYNCA",
        -30,
        D,
        ("Contacting services",),
        "People could not get through to the team on the phone when they were worried.",
        "A duty worker now answers the team's phone from 9am to 5pm, and calls back within "
        "2 hours when the line is busy.",
        "Hynca Lodge CMHT manager",
        "You could not get through on the phone.",
        "Someone answers the phone from 9am to 5pm. We call back within 2 hours.",
    ),
    DemoAction(
        "BEACON",
        21,
        IP,
        ("Electronic entertainment",),
        "Young people said the wifi did not work, so they could not keep up with school work "
        "or talk to their friends.",
        "New wifi points across the unit, and a school laptop for each young person while "
        "they stay.",
        "Beacon Unit manager and IT services",
        "The wifi did not work.",
        "We are putting in new wifi. You can use a school laptop.",
    ),
]


def _where(code: str) -> tuple[int | None, int | None]:
    """(service id, location id) for a location or service code; (None, None): trust-wide."""
    if not code:
        return None, None
    location = get_location(code)
    if location is not None:
        return location.service_id, location.id
    service = get_service_by_code(code)
    if service is None:
        raise LookupError(code)
    return service.id, None


def _complaint_reference(service_code: str) -> str:
    service = get_service_by_code(service_code)
    if service is None:
        return ""
    reference = db.session.scalar(
        select(Complaint.reference)
        .where(Complaint.service_id == service.id)
        .order_by(Complaint.received_on.desc(), Complaint.id.desc())
        .limit(1)
    )
    return reference or ""


def seed_actions_demo(today: date | None = None) -> int:
    """Record the demo's actions once; returns how many, or 0 if there were some already or
    the demo trust is not loaded."""
    if db.session.scalar(select(func.count()).select_from(Action)):
        return 0
    if get_service_by_code("AMH-ACUTE") is None:
        return 0
    today = today or trust_today()
    px = db.session.scalar(select(User).where(User.role == Role.PX_TEAM).order_by(User.id))
    admin = db.session.scalar(select(User).where(User.role == Role.ADMIN).order_by(User.id))
    by = px or admin
    if by is None:
        return 0
    themes = dict(db.session.execute(select(Theme.name, Theme.id)).all())
    count = 0
    for item in DEMO_ACTIONS:
        try:
            service_id, location_id = _where(item.where)
        except LookupError:
            continue
        target = get_target(item.target) if item.target else None
        on = today + timedelta(days=item.days)
        action = create_action(
            ActionInput(
                said=item.said,
                did=item.did,
                by_whom=item.by_whom,
                status=item.status,
                action_on=on,
                poster_said=item.poster_said,
                poster_did=item.poster_did,
                not_going_ahead_reason=item.reason,
                service_id=service_id,
                location_id=location_id,
                complaint_reference=(
                    _complaint_reference(item.complaint_of) if item.complaint_of else ""
                ),
                target_id=target.id if target else None,
                theme_ids=tuple(themes[name] for name in item.themes if name in themes),
            ),
            by=by,
            today=today,
        )
        # Recorded some weeks before it was due or done, as the team would have.
        recorded = min(on, today) - timedelta(days=42)
        action.created_at = action.updated_at = datetime.combine(recorded, time(10), UTC)
        count += 1
    db.session.flush()
    return count
