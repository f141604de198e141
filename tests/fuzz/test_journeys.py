"""Patient journeys with generated answers: the FFT from a poster and a ward tablet, the
complaint form, a local survey, the staff pulse survey, the care-plan PROM from its invite and
the complaint satisfaction survey. No server error, every refusal explained, a refused page
stores nothing, and a finished journey stores one response at most."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback.auth.models import Role
from feedback.complaints.models import Complaint
from feedback.complaints.satisfaction import SatisfactionResponse, create_invite
from feedback.extensions import db
from feedback.kiosks.services import kiosk_token
from feedback.organisation.models import Location
from feedback.prom.models import PromResponse
from feedback.staff_survey.models import StaffPulseResponse
from feedback.surveys.models import Response
from feedback.surveys.schema import load_questionnaire
from tests.complaints.test_case_work import make_case
from tests.factories import make_kiosk, make_location, make_service, make_user
from tests.fuzz.journeys import walk
from tests.fuzz.sending import FuzzClient, assert_html_refusal, fuzz_settings, send
from tests.fuzz.strategies import any_text
from tests.local_surveys.helpers import publish_example
from tests.prom.helpers import make_offer
from tests.staff_survey.helpers import directorates, window_around_today


@pytest.fixture
def location(app) -> Location:  # type: ignore[no-untyped-def]
    return make_location("FUZZ-WARD")


def _walks(app, questionnaire_id: str, base: str, data, stored_in: type, query: str = "") -> None:  # type: ignore[no-untyped-def]
    stored = walk(app.test_client(), base, load_questionnaire(questionnaire_id), data.draw, query)
    assert stored.get(stored_in.__tablename__, 0) <= 1, stored


@fuzz_settings(100)
@given(data=st.data())
def test_the_fft_from_a_poster_takes_any_input(app, location, data):
    _walks(app, "fft", f"/feedback/{location.code}", data, Response)


@fuzz_settings(40)
@given(data=st.data())
def test_the_fft_on_a_ward_tablet_takes_any_input(app, location, data):
    base = f"/kiosk/{kiosk_token(make_kiosk(location), app.config['SECRET_KEY'])}"
    _walks(app, "fft", base, data, Response)


@fuzz_settings(45)
@given(data=st.data())
def test_the_complaint_form_takes_any_input(app, data):
    make_service("Community mental health")
    _walks(app, "complaint", "/forms/complaint", data, Complaint)


@pytest.fixture
def local_survey(app, location) -> str:  # type: ignore[no-untyped-def]
    publish_example("ward-environment")
    return f"/forms/ward-environment/at/{location.code}"


@fuzz_settings(40)
@given(data=st.data())
def test_a_local_survey_takes_any_input(app, local_survey, data):
    _walks(app, "ward-environment", local_survey, data, Response)


@pytest.fixture
def pulse_window(app) -> None:  # type: ignore[no-untyped-def]
    window_around_today()
    directorates("Adult Mental Health", "Families, Young People and Children")


@fuzz_settings(25)
@given(data=st.data())
def test_the_staff_pulse_survey_takes_any_input(app, pulse_window, data):
    _walks(app, "staff-pulse", "/forms/staff-pulse", data, StaffPulseResponse)


@fuzz_settings(30)
@given(data=st.data())
def test_the_care_plan_prom_takes_any_input(app, location, data):
    by = make_user(Role.PX_TEAM)
    offer = make_offer(location, by)
    query = f"?invite={offer.home_code}"
    _walks(app, offer.version.value, f"/forms/{offer.version.value}", data, PromResponse, query)


@pytest.fixture
def closed_case(app) -> Complaint:  # type: ignore[no-untyped-def]
    case = make_case(make_service("Community mental health"))
    db.session.commit()
    return case


@fuzz_settings(40)
@given(data=st.data())
def test_the_complaint_satisfaction_survey_takes_any_input(app, closed_case, data):
    token = create_invite(closed_case)
    db.session.commit()
    query = f"?invite={token}"
    base = "/forms/complaint-satisfaction"
    _walks(app, "complaint-satisfaction", base, data, SatisfactionResponse, query)


@pytest.fixture
def unlimited(make_app):  # type: ignore[no-untyped-def]
    """An app without rate limits: the code page allows few tries a minute, by design."""
    app = make_app(RATELIMIT_ENABLED=False)
    app.test_client_class = FuzzClient
    with app.app_context():
        make_offer(make_location("FUZZ-PROM"), make_user(Role.PX_TEAM))
        yield app


@fuzz_settings(200)
@given(code=any_text, typed=st.booleans())
def test_a_prom_code_of_any_kind_is_refused_with_a_message(unlimited, code, typed):
    client = unlimited.test_client()
    if typed:
        response = send(client, "POST", "/prom/", data={"code": code})
    else:
        response = send(client, "GET", f"/prom/code/{quote(code, safe='')}")
    if response.status_code != 302:
        assert_html_refusal(response)
