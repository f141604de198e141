"""The care-planning PROM in a real browser: axe-core finds no WCAG 2.2 AA failures on any of
its pages (the code page, the start page that explains what a care plan is, every question,
an error, thank you) in English, easy read and Urdu, for each version; it can be done with a
keyboard alone and on a 320px phone without sideways scrolling; and a peer interviewer's own
pages (their wards, the assisted start, with an error) pass axe too."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    BROWSER_MARKS,
    VARIANTS,
    LiveServer,
    axe_violations,
    focused_matches,
    page_language,
    press_until_focused,
)
from tests.factories import PASSWORD

pytestmark = list(BROWSER_MARKS)

QUESTIONS = (
    "planned_talk",
    "helped_write",
    "people_involved",
    "has_copy",
    "understands",
    "says_what_matters",
)
MAIN_BUTTON = 'main form[novalidate] button.nhsuk-button, main a.nhsuk-button[role="button"]'
RADIO = "input[type=radio][name=answer]"


def _offer(server: LiveServer, version: str = "care-plan-prom") -> tuple[int, str]:
    """A fresh accepted offer on the live server's ward: (offer id, home code)."""
    from feedback.organisation.services import get_location
    from feedback.prom.models import PromVersion
    from tests.factories import make_user
    from tests.prom.helpers import make_offer

    with server.app.app_context():
        staff = make_user(email=f"prom-{uuid.uuid4().hex[:8]}@example.nhs.uk")
        offer = make_offer(get_location(server.location_code), staff, version=PromVersion(version))
        return offer.id, offer.home_code


def _response_for(server: LiveServer, offer_id: int) -> dict[str, Any] | None:
    from sqlalchemy import select

    from feedback.extensions import db
    from feedback.prom.models import PromResponse

    with server.app.app_context():
        response = db.session.scalar(select(PromResponse).where(PromResponse.offer_id == offer_id))
        if response is None:
            return None
        return {
            "mode": response.mode.value,
            "language": response.language,
            "easy_read": response.easy_read,
            "peer_code": response.peer_code,
            **{q: getattr(response, q) for q in QUESTIONS},
        }


class Audit:
    def __init__(self, page: Any, lang: str = "en", direction: str = "ltr") -> None:
        self.page, self.lang, self.direction = page, lang, direction
        self.problems: list[str] = []

    def check(self, name: str) -> None:
        where = f"{name} ({self.page.url})"
        if page_language(self.page) != (self.lang, self.direction):
            self.problems.append(f"{where}: language is {page_language(self.page)}")
        for violation in axe_violations(self.page):
            targets = "; ".join(" ".join(map(str, n["target"])) for n in violation["nodes"][:5])
            self.problems.append(f"{where}: {violation['id']}: {violation['help']} -> {targets}")

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(self.problems)


@pytest.mark.parametrize(
    "version", ["care-plan-prom", "care-plan-prom-carer", "care-plan-prom-cyp"]
)
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_prom_page_passes_axe(variant: str, version: str, page: Any, live_server) -> None:
    query, lang, direction, easy_read = VARIANTS[variant]
    audit = Audit(page, lang, direction)
    offer_id, code = _offer(live_server, version)

    page.goto(f"{live_server.url}/prom/{query}")
    audit.check("code page")
    page.locator("main form button.nhsuk-button").click()  # no code: the error
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    audit.check("code page with an error")
    page.locator("#code").fill(code.lower())
    page.locator("main form button.nhsuk-button").click()
    page.wait_for_url(f"**/forms/{version}/?invite={code}")
    expect(page.locator("body.app-easy-read")).to_have_count(1 if easy_read else 0)
    audit.check("start page")
    if easy_read:
        expect(page.locator('main img[src*="/easy-read/care-plan."]').first).to_be_visible()
    page.locator(MAIN_BUTTON).click()
    for position, question in enumerate(QUESTIONS):
        page.wait_for_url(f"**/{question}")
        if position == 0:
            page.locator(MAIN_BUTTON).click()  # nothing chosen: the error summary
            expect(page.locator(".nhsuk-error-summary")).to_be_visible()
            audit.check(f"{question} with an error")
        audit.check(question)
        page.locator(f'{RADIO}[value="yes"]').check()
        page.locator(MAIN_BUTTON).click()
    page.wait_for_url("**/thank-you")
    audit.check("thank you")
    audit.assert_clean()
    stored = _response_for(live_server, offer_id)
    assert stored is not None and stored["language"] == lang and stored["easy_read"] == easy_read


def test_a_keyboard_alone_completes_the_prom(page: Any, live_server) -> None:
    offer_id, code = _offer(live_server)
    page.goto(f"{live_server.url}/prom/?lang=en&easy_read=no")
    press_until_focused(page, "#code")
    page.keyboard.type(code)
    page.keyboard.press("Enter")  # sends the form
    page.wait_for_url(f"**/?invite={code}")
    press_until_focused(page, MAIN_BUTTON)
    page.keyboard.press("Enter")
    for question in QUESTIONS:
        page.wait_for_url(f"**/{question}")
        press_until_focused(page, RADIO)  # the first option
        page.keyboard.press("ArrowDown")  # arrows move and choose: the second option
        assert focused_matches(page, f"{RADIO}:checked")
        press_until_focused(page, MAIN_BUTTON)
        page.keyboard.press("Enter")
    page.wait_for_url("**/thank-you")
    stored = _response_for(live_server, offer_id)
    assert stored is not None and stored["mode"] == "alone"
    # The second option of each question: "no" or "partly", as the person chose.
    assert stored["planned_talk"] == "no" and stored["helped_write"] == "partly"


@pytest.mark.parametrize("query", ["?lang=en&easy_read=yes", "?lang=ur&easy_read=no"])
def test_a_320px_phone_never_scrolls_sideways(query: str, new_context: Any, live_server) -> None:
    page = new_context(viewport={"width": 320, "height": 640}, has_touch=True).new_page()
    offer_id, code = _offer(live_server)
    too_wide: list[str] = []

    def check(name: str) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{name}: {width}px wide")

    page.goto(f"{live_server.url}/prom/{query}")
    check("code page")
    page.locator("#code").fill(code)
    page.locator("main form button.nhsuk-button").tap()
    page.wait_for_url(f"**/?invite={code}")
    check("start")
    page.locator(MAIN_BUTTON).tap()
    for question in QUESTIONS:
        page.wait_for_url(f"**/{question}")
        check(question)
        page.locator(f'{RADIO}[value="yes"] + label').tap()
        page.locator(MAIN_BUTTON).tap()
    page.wait_for_url("**/thank-you")
    check("thank you")
    assert not too_wide, "horizontal scrolling at 320px:\n" + "\n".join(too_wide)
    assert _response_for(live_server, offer_id) is not None


def test_a_peer_interviewers_pages_pass_axe_and_start_an_assisted_prom(
    page: Any, live_server
) -> None:
    from feedback.auth.models import Role
    from feedback.organisation.services import get_location
    from feedback.prom.services import set_peer
    from tests.factories import make_user

    with live_server.app.app_context():
        from feedback.extensions import db

        peer = make_user(Role.PEER_INTERVIEWER, email=f"peer-{uuid.uuid4().hex[:8]}@example.org")
        code = f"PI-{uuid.uuid4().int % 900 + 100}"
        set_peer(peer, code, [get_location(live_server.location_code)])
        db.session.commit()
        email, location_id = peer.email, get_location(live_server.location_code).id
    audit = Audit(page)
    page.goto(f"{live_server.url}/auth/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form button.nhsuk-button").click()
    page.wait_for_url(f"{live_server.url}/prom/peer/")
    audit.check("peer home")
    page.get_by_role("link", name="Beech Ward").click()
    page.wait_for_url(f"**/prom/peer/wards/{location_id}")
    audit.check("assisted start")
    page.locator("main form button.nhsuk-button").click()  # nothing chosen: errors
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    audit.check("assisted start with errors")
    page.locator('input[name="version"][value="care-plan-prom"]').check()
    page.locator('input[name="accepted"][value="yes"]').check()
    page.locator("main form button.nhsuk-button").click()
    page.wait_for_url("**/forms/care-plan-prom/?invite=*")
    audit.check("assisted PROM start page")
    page.locator(MAIN_BUTTON).click()
    for question in QUESTIONS:
        page.wait_for_url(f"**/{question}")
        page.locator(f'{RADIO}[value="yes"]').check()
        page.locator(MAIN_BUTTON).click()
    page.wait_for_url("**/thank-you")
    audit.check("assisted thank you")
    page.get_by_role("link", name="Back to your wards").click()
    page.wait_for_url(f"{live_server.url}/prom/peer/")
    audit.assert_clean()
    assert page.goto(f"{live_server.url}/staff/").status == 403
    from sqlalchemy import select

    from feedback.prom.models import PromResponse

    with live_server.app.app_context():
        stored = db.session.scalars(
            select(PromResponse).where(PromResponse.peer_code == code)
        ).one()
        assert stored.mode.value == "peer_interviewer"
