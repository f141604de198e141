"""The action tracker through the app: the team records and changes actions, service managers
read their own and trust-wide ones and print posters, and bad input is an error, not a 500."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from feedback.actions.models import Action, ActionStatus
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.targets.services import get_target
from feedback.web.assets import asset_url
from tests.actions.helpers import make_action, theme_id
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_service, make_user, sign_in


def _form(**fields: str | list[str]) -> dict[str, str | list[str]]:
    values: dict[str, str | list[str]] = {
        "said": "Patients said the food was cold.",
        "theme_ids": [],
        "service_id": "",
        "location_id": "",
        "complaint_reference": "",
        "target_id": "",
        "did": "Heated trolleys were bought.",
        "by_whom": "Ward manager",
        "status": "done",
        "action_on": trust_today().isoformat(),
        "not_going_ahead_reason": "",
        "poster_said": "",
        "poster_did": "",
    }
    values.update(fields)
    return values


def test_px_team_records_an_action_and_changes_it(client) -> None:
    ward = make_location(name="Ashby Ward")
    case = make_case(ward.service)
    target = get_target("fft-response-rate")
    food = theme_id("Food & drink provision & facilities")
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/actions/new")
    assert page.status_code == 200 and "Record an action" in page.text
    assert "Food &amp; drink provision &amp; facilities" in page.text and "Ashby Ward" in page.text
    saved = client.post(
        "/actions/new",
        data=_form(
            location_id=str(ward.id),
            complaint_reference=case.reference,
            target_id=str(target.id),
            theme_ids=[str(food)],
        ),
    )
    assert saved.status_code == 302
    action = db.session.scalars(select(Action).order_by(Action.id)).one()
    assert saved.headers["Location"].endswith(f"/actions/{action.id}")
    assert (action.location_id, action.service_id) == (ward.id, ward.service_id)
    assert action.complaint_id == case.id and action.target_id == target.id
    assert [t.theme_id for t in action.themes] == [food]

    shown = client.get(f"/actions/{action.id}").text
    assert "Patients said the food was cold." in shown and case.reference in shown
    assert "Change this action" in shown and "Print the poster for Ashby Ward" in shown
    changed = client.post(
        f"/actions/{action.id}",
        data=_form(
            location_id=str(ward.id),
            status="in_progress",
            action_on=(trust_today() + timedelta(days=30)).isoformat(),
            poster_said="The food was cold.",
            poster_did="We are buying hot trolleys.",
        ),
        follow_redirects=True,
    )
    assert changed.status_code == 200 and "Action saved" in changed.text
    assert "We are doing:</strong> We are buying hot trolleys." in changed.text
    db.session.refresh(action)
    assert action.status == ActionStatus.IN_PROGRESS and action.complaint_id is None
    assert action.themes == []

    listing = client.get("/actions/").text
    assert f'href="/actions/{action.id}"' in listing and "Record an action" in listing


def test_bad_input_shows_errors_never_a_500(client) -> None:
    sign_in(client, make_user(Role.PX_TEAM))
    refused = client.post(
        "/actions/new",
        data=_form(
            said="",
            complaint_reference="PX-NOT-REAL",
            action_on="2026-02-31",
            poster_said="one two three four five six seven eight nine ten eleven twelve "
            "thirteen fourteen fifteen sixteen",
            theme_ids=["x", "99999"],
            service_id="abc",
            location_id="99999",
            status="maybe",
        ),
    )
    assert refused.status_code == 200
    text = refused.text
    assert "There is a problem" in text
    for message in (
        "Enter what people said",
        "There is no complaint with the reference PX-NOT-REAL",
        "Enter a real date",
        "Keep each sentence to 15 words or fewer",
        "Choose themes from the list",
        "Choose a ward or team from the list",
        "Choose the status",
    ):
        assert message in text, message
    assert 'href="#theme_ids"' in text and 'id="theme_ids"' in text
    assert db.session.scalar(select(Action.id)) is None
    empty = client.post("/actions/new", data={})
    assert empty.status_code == 200 and "Enter what people said" in empty.text
    assert client.get("/actions/?status=x&service=y&theme=z").status_code == 200
    assert client.get("/actions/99999").status_code == 404
    assert client.get("/actions/posters/NOWHERE").status_code == 404


def test_the_list_filters_and_counts_by_status(client) -> None:
    service = make_service("Community nursing")
    make_action(service=service, said="Nurses came late.")
    make_action(status=ActionStatus.PLANNED, said="No parking.", theme_ids=(theme_id("Parking"),))
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/actions/").text
    assert "2 actions" in page and "<dt>Done</dt><dd>1</dd>" in page
    assert "<dt>Planned</dt><dd>1</dd>" in page and "<dt>In progress</dt><dd>0</dd>" in page
    planned = client.get("/actions/?status=planned").text
    assert "1 action<" in planned and "No parking." in planned and "Nurses came late" not in planned
    by_service = client.get(f"/actions/?service={service.id}").text
    assert "Nurses came late." in by_service and "No parking." not in by_service
    trust = client.get("/actions/?service=trust").text
    assert "No parking." in trust and "Nurses came late." not in trust
    themed = client.get(f"/actions/?theme={theme_id('Parking')}").text
    assert "No parking." in themed and "Nurses came late." not in themed


def test_a_service_manager_reads_their_own_and_trust_wide_actions_only(client) -> None:
    ward, other = make_location(name="My Ward"), make_location(name="Their Ward")
    mine = make_action(location=ward, said="My ward's food was cold.")
    trust = make_action(said="Nobody could park.")
    theirs = make_action(location=other, said="Their ward was noisy.")
    manager = make_user(Role.SERVICE_MANAGER, services=[ward.service])
    sign_in(client, manager)
    listing = client.get("/actions/").text
    assert "My ward" in listing and "Nobody could park." in listing
    assert "Their ward was noisy." not in listing and "Record an action" not in listing
    assert "Their Ward" not in listing  # nor its poster
    own = client.get(f"/actions/{mine.id}")
    assert own.status_code == 200 and "Change this action" not in own.text
    assert 'method="post"' not in own.text.split("<main", 1)[1].split("</main>")[0]
    assert client.get(f"/actions/{trust.id}").status_code == 200
    assert client.get(f"/actions/{theirs.id}").status_code == 404
    assert client.get("/actions/new").status_code == 403
    assert client.post("/actions/new", data=_form()).status_code == 403
    assert client.post(f"/actions/{mine.id}", data=_form()).status_code == 403
    assert client.get(f"/actions/posters/{ward.code}").status_code == 200
    assert client.get(f"/actions/posters/{other.code}").status_code == 404
    assert db.session.scalar(select(Action.said).where(Action.id == mine.id)) == (
        "My ward's food was cold."
    )


def test_the_poster_is_easy_read_and_printable(client) -> None:
    ward = make_location(name="Ashby Ward")
    make_action(
        location=ward,
        said="Patients told us the food was often cold by the time it came to the ward.",
        poster_said="The food was cold.",
        poster_did="We got hot trolleys.",
    )
    make_action(
        service=ward.service,
        status=ActionStatus.IN_PROGRESS,
        action_on=trust_today() + timedelta(days=20),
        said="It is noisy at night.",
        did="Quiet hours after 11pm.",
    )
    make_action(location=make_location(), said="Somewhere else entirely.")
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get(f"/actions/posters/{ward.code.lower()}")
    assert page.status_code == 200
    text = page.text
    assert "<h1" in text and "You said, we did" in text and "Ashby Ward" in text
    assert "You said:</strong> The food was cold." in text
    assert "We did:</strong> We got hot trolleys." in text
    assert "We are doing:</strong> Quiet hours after 11pm." in text
    assert text.index("Quiet hours") < text.index("hot trolleys")  # newest date first
    assert "Somewhere else" not in text
    assert asset_url("easy-read/you-said.svg") in text and asset_url("easy-read/we-did.svg") in text
    assert asset_url("css/poster.css") in text
    for picture in ("you-said", "we-did", "time", "thank-you", "question-comment"):
        assert client.get(f"/static/easy-read/{picture}.svg").status_code == 200
    assert "@page" in client.get("/static/css/poster.css").text


def test_a_poster_with_no_actions_says_so_in_plain_words(client) -> None:
    ward = make_location()
    make_action(location=ward, status=ActionStatus.PLANNED)
    sign_in(client, make_user(Role.SERVICE_MANAGER, services=[ward.service]))
    page = client.get(f"/actions/posters/{ward.code}")
    assert page.status_code == 200 and "We have no changes to show here yet." in page.text
    assert "You said:" not in page.text
