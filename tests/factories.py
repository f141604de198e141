"""Small factories for test data, built through the features' own service functions."""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from flask.testing import FlaskClient

from feedback.auth.models import Role, User
from feedback.auth.services import create_user
from feedback.extensions import db
from feedback.kiosks.models import Kiosk
from feedback.kiosks.services import create_kiosk
from feedback.organisation.models import (
    CareSetting,
    Directorate,
    Location,
    LocationKind,
    Service,
    Trust,
)
from feedback.surveys.models import Response, ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


def make_directorate(name: str = "Adult Mental Health") -> Directorate:
    trust = db.session.query(Trust).first() or Trust(code="RT5", name="Test trust")
    db.session.add(trust)
    db.session.flush()
    directorate = Directorate(trust_id=trust.id, code=f"D{next(_numbers)}", name=name)
    db.session.add(directorate)
    db.session.flush()
    return directorate


def make_service(name: str | None = None, directorate: Directorate | None = None) -> Service:
    number = next(_numbers)
    service = Service(
        directorate=directorate or make_directorate(),
        code=f"SVC{number}",
        name=name or f"Service {number}",
    )
    db.session.add(service)
    db.session.flush()
    return service


def make_location(
    code: str | None = None, service: Service | None = None, name: str | None = None
) -> Location:
    number = next(_numbers)
    location = Location(
        service=service or make_service(),
        code=code or f"LOC{number}",
        name=name or f"Ward {number}",
        kind=LocationKind.WARD,
        setting=CareSetting.INPATIENT,
    )
    db.session.add(location)
    db.session.commit()
    return location


def make_user(
    role: Role = Role.PX_TEAM, services: list[Service] | None = None, **fields: Any
) -> User:
    number = next(_numbers)
    user = create_user(
        email=fields.pop("email", f"user{number}@example.nhs.uk"),
        name=fields.pop("name", f"User {number}"),
        role=role,
        password=fields.pop("password", PASSWORD),
        services=services or [],
    )
    db.session.commit()
    return user


def make_kiosk(location: Location, by: User | None = None) -> Kiosk:
    kiosk = create_kiosk(location=location, label="Day room tablet", created_by=by or make_user())
    db.session.commit()
    return kiosk


def make_response(
    location: Location,
    rating: int | None = 1,
    mode: ResponseMode = ResponseMode.ELECTRONIC_HOME,
    comment: str = "",
    submitted_at: datetime | None = None,
    respondent: str | None = None,
) -> Response:
    answers: dict[str, Any] = {"reason": comment}
    if respondent is not None:
        answers["respondent"] = respondent
    if rating is not None:
        answers["rating"] = str(rating)
    response = create_response(
        questionnaire=load_questionnaire("fft"),
        answers=answers,
        location_id=location.id,
        mode=mode,
        idempotency_key=f"factory-{next(_numbers)}",
        submitted_at=submitted_at,
    )
    db.session.commit()
    return response


def sign_in(client: FlaskClient, user: User, password: str = PASSWORD) -> None:
    response = client.post("/auth/sign-in", data={"email": user.email, "password": password})
    assert response.status_code == 302, response.get_data(as_text=True)
