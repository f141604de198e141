"""Demo data: the trust's directorates, wards and teams named in its Quality Account."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from feedback.auth.models import Role
from feedback.auth.services import create_user, get_user_by_email
from feedback.extensions import db
from feedback.organisation.models import (
    CareSetting,
    Directorate,
    Location,
    LocationKind,
    Service,
    Trust,
)
from feedback.organisation.services import get_trust
from feedback.surveys.models import ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response

DEMO_PASSWORD = "demo-password-123"  # noqa: S105 - printed by `make run` for local use only

W, U, C = LocationKind.WARD, LocationKind.UNIT, LocationKind.COMMUNITY_TEAM
IN, CO, MH = CareSetting.INPATIENT, CareSetting.COMMUNITY, CareSetting.MENTAL_HEALTH

# directorate -> services -> locations (code, name, kind, setting)
ORGANISATION = {
    ("AMHLD", "Adult Mental Health and Learning Disability"): {
        ("AMH-ACUTE", "Adult acute inpatient mental health"): [
            ("BRAD-ASH", "Ashby Ward, Bradgate Unit", W, IN),
            ("BRAD-BEL", "Belvoir Ward, Bradgate Unit", W, IN),
        ],
        ("AMH-REHAB", "Mental health rehabilitation"): [
            ("STEWART", "Stewart House", U, IN),
            ("WILLOWS", "The Willows", U, IN),
        ],
        ("LD-INPT", "Learning disability inpatient services"): [
            ("AGNES", "Agnes Unit", U, IN),
        ],
        ("AMH-CMHT", "Community mental health teams"): [
            ("HYNCA", "Hynca Lodge CMHT", C, MH),
        ],
    },
    ("CHS", "Community Health Services"): {
        ("MHSOP", "Mental Health Services for Older People"): [
            ("LANGLEY", "Langley Ward, Bennion Centre", W, IN),
        ],
        ("CHS-HOSP", "Community hospitals"): [
            ("KIRBY", "Kirby Ward, Evington Centre", W, IN),
            ("WELFORD", "Welford Ward, Evington Centre", W, IN),
            ("STLUKES", "St Luke's stroke rehabilitation", W, IN),
            ("RUTLAND", "Rutland Memorial Hospital", W, IN),
        ],
        ("CHS-NURSING", "Community nursing"): [
            ("CN-HINCK", "Hinckley community nursing team", C, CO),
        ],
    },
    ("FYPC", "Families, Young People and Children"): {
        ("CAMHS", "Child and adolescent mental health services"): [
            ("BEACON", "Beacon Unit (CAMHS inpatient)", U, IN),
            ("CAMHS-CITY", "CAMHS city community team", C, MH),
        ],
    },
}

DEMO_USERS = [
    ("admin@example.nhs.uk", "Alex Admin", Role.ADMIN),
    ("px@example.nhs.uk", "Priya Patel (patient experience)", Role.PX_TEAM),
    ("manager@example.nhs.uk", "Morgan Manager", Role.SERVICE_MANAGER),
    ("council@example.org", "Chris Council", Role.PEOPLES_COUNCIL),
]

COMMENTS = [
    "Staff were kind and listened to me.",
    "The food could be better and it was noisy at night.",
    "Nurses explained my care plan clearly.",
    "Waited a long time to see a doctor.",
    "",
    "Everyone was friendly and the ward was clean.",
]


def _organisation() -> list[Service]:
    trust = Trust(code="RT5", name="Leicestershire Partnership NHS Trust")
    db.session.add(trust)
    db.session.flush()
    services = []
    for (d_code, d_name), service_map in ORGANISATION.items():
        directorate = Directorate(trust_id=trust.id, code=d_code, name=d_name)
        db.session.add(directorate)
        for (s_code, s_name), locations in service_map.items():
            service = Service(directorate=directorate, code=s_code, name=s_name)
            for code, name, kind, setting in locations:
                service.locations.append(Location(code=code, name=name, kind=kind, setting=setting))
            services.append(service)
            db.session.add(service)
    db.session.flush()
    return services


def _responses(locations: list[Location], days: int = 120) -> None:
    """Responses spread over recent months, weighted towards good experiences."""
    rng = random.Random(2020)  # the same demo every time
    questionnaire = load_questionnaire("fft")
    now = datetime.now(UTC)
    modes = [
        ResponseMode.ELECTRONIC_DISCHARGE,
        ResponseMode.ELECTRONIC_HOME,
        ResponseMode.PAPER_DISCHARGE,
    ]
    for index in range(400):
        location = rng.choice(locations)
        rating = rng.choices(["1", "2", "3", "4", "5", "6"], weights=[50, 25, 8, 6, 5, 6])[0]
        answers = {
            "rating": rating,
            "reason": rng.choice(COMMENTS),
            "respondent": rng.choice(["patient", "carer", "family_or_friend"]),
        }
        create_response(
            questionnaire=questionnaire,
            answers=answers,
            location_id=location.id,
            mode=rng.choice(modes),
            idempotency_key=f"demo-{index}",
            submitted_at=now - timedelta(days=rng.uniform(0, days)),
        )


def seed_demo() -> bool:
    """Load the demo once; False when it is already there."""
    if get_trust() is not None:
        return False
    services = _organisation()
    by_code = {s.code: s for s in services}
    for email, name, role in DEMO_USERS:
        if get_user_by_email(email) is None:
            managed = (
                [by_code["AMH-ACUTE"], by_code["AMH-REHAB"]] if role == Role.SERVICE_MANAGER else []
            )
            create_user(email=email, name=name, role=role, password=DEMO_PASSWORD, services=managed)
    _responses([loc for s in services for loc in s.locations])
    db.session.flush()
    return True
