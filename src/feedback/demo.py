"""Demo data: the trust's directorates, wards and teams named in its Quality Account."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

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
from feedback.organisation.services import get_trust, move_service
from feedback.targets.services import get_target

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

# NHS England's monthly return: inpatient wards by site; other settings by service grouping.
SITE_CODES = {
    "BRAD-ASH": "RT5BG",
    "BRAD-BEL": "RT5BG",
    "STEWART": "RT5SH",
    "WILLOWS": "RT5WL",
    "AGNES": "RT5AG",
    "LANGLEY": "RT5BC",
    "KIRBY": "RT5EV",
    "WELFORD": "RT5EV",
    "STLUKES": "RT5SL",
    "RUTLAND": "RT5RM",
    "BEACON": "RT5GL",
}
RETURN_GROUPINGS = {
    "HYNCA": "Community mental health services for adults",
    "CAMHS-CITY": "Children and young people's mental health services",
    "CN-HINCK": "District nursing",
}
# Learning disability services moved to Families, Young People and Children in April 2025
# (as they did at the trust in 2021): figures before then stay with Adult Mental Health.
LD_MOVED_ON = date(2025, 4, 1)


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
                service.locations.append(
                    Location(
                        code=code,
                        name=name,
                        kind=kind,
                        setting=setting,
                        site_code=SITE_CODES.get(code),
                        return_grouping=RETURN_GROUPINGS.get(code),
                    )
                )
            services.append(service)
            db.session.add(service)
    db.session.flush()
    return services


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
    fypc = db.session.scalar(select(Directorate).where(Directorate.code == "FYPC"))
    move_service(by_code["LD-INPT"], fypc, LD_MOVED_ON)
    clinical = get_target("clinical-complaints")
    if clinical is not None:
        # The demo's complaints begin in December 2024: there is no 2019/20 to compare with.
        clinical.baseline_year = 2024
        clinical.notes = f"{clinical.notes} Demo: baseline 2024/25, the demo's first year."
    db.session.flush()
    return True
