"""In a browser: axe finds no WCAG 2.2 AA failures on the action pages (with and without
errors) and posters, and six actions print on one A4 page."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from feedback.actions.models import ActionStatus
from feedback.auth.models import Role
from feedback.db import trust_today
from tests.actions.helpers import make_action, theme_id
from tests.browser.conftest import BROWSER_MARKS, LiveServer
from tests.browser.test_staff_pages import StaffAudit, sign_in
from tests.factories import make_location, make_user

pytestmark = list(BROWSER_MARKS)

# Poster wording as long as it may be (100 characters each, 6 pairs) still fits one page.
SAID = (
    "The food was cold. It came late. There was not much choice. Halal food ran out. "
    "Snacks were hard."
)
DID = (
    "We bought hot trolleys. Meals come in ten minutes. There are three choices. "
    "Halal food every day."
)


@pytest.fixture(scope="module")
def world(live_server: LiveServer) -> dict[str, Any]:
    from feedback.organisation.services import get_location

    with live_server.app.app_context():
        ward = get_location(live_server.location_code)
        empty = make_location(name="Cedar Ward")
        px = make_user(Role.PX_TEAM)
        manager = make_user(Role.SERVICE_MANAGER, services=[ward.service])
        food = theme_id("Food & drink provision & facilities")
        for days in range(5):
            make_action(
                location=ward,
                said=SAID,
                did=DID,
                theme_ids=(food,),
                action_on=trust_today() - timedelta(days=days * 30),
                by=px,
            )
        doing = make_action(
            service=ward.service,
            status=ActionStatus.IN_PROGRESS,
            action_on=trust_today() + timedelta(days=30),
            said=SAID,
            did=DID,
            by=px,
        )
        return {
            "px": px.email,
            "manager": manager.email,
            "ward": ward.code,
            "empty": empty.code,
            "action": doing.id,
        }


def test_the_action_pages_and_posters_pass_axe(
    page: Any, live_server: LiveServer, world: dict[str, Any]
) -> None:
    base = live_server.url
    sign_in(page, live_server, world["px"])
    audit = StaffAudit(page)
    for url in (
        "/actions/",
        "/actions/?status=done",
        "/actions/new",
        f"/actions/{world['action']}",
    ):
        audit.visit(f"{base}{url}")
    page.goto(f"{base}/actions/new")
    page.get_by_label("Complaint reference").fill("PX-NOT-REAL")
    page.get_by_role("button", name="Save action").click()
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    audit.check("new action with errors")
    page.locator(".nhsuk-details__summary").first.click()  # the themes, opened
    audit.check("new action with the themes open")
    audit.visit(f"{base}/actions/posters/{world['ward']}")
    audit.visit(f"{base}/actions/posters/{world['empty']}")
    audit.assert_clean()

    page.context.clear_cookies()
    sign_in(page, live_server, world["manager"])
    manager = StaffAudit(page)
    for url in ("/actions/", f"/actions/{world['action']}", f"/actions/posters/{world['ward']}"):
        manager.visit(f"{base}{url}")
    manager.assert_clean()


def test_six_actions_print_on_one_a4_page(
    page: Any, live_server: LiveServer, world: dict[str, Any]
) -> None:
    sign_in(page, live_server, world["px"])
    page.goto(f"{live_server.url}/actions/posters/{world['ward']}")
    expect(page.locator(".app-ysyd__item")).to_have_count(6)
    page.emulate_media(media="print")
    expect(page.locator(".nhsuk-header")).to_be_hidden()
    expect(page.locator("main .app-no-print")).to_be_hidden()
    pdf = page.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
