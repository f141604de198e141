"""In a browser: axe finds no WCAG 2.2 AA failures on the two-step sign-in pages in the states
the route walk cannot reach (set up from the start, a wrong code's error summary, the recovery
codes shown once, the code page at sign-in), and the whole journey works with real CSRF.
The pages a GET reaches are also in the walk of every staff page (tests/auth/test_access.py)."""

from __future__ import annotations

import time
from typing import Any

import pyotp
from playwright.sync_api import expect

from feedback.auth.models import Role, User
from feedback.extensions import db
from tests.auth.second_factor_helpers import wrong_code
from tests.browser.conftest import BROWSER_MARKS, LiveServer
from tests.browser.test_staff_pages import StaffAudit, sign_in
from tests.factories import PASSWORD, make_user

pytestmark = list(BROWSER_MARKS)


def test_setting_up_and_signing_in_with_a_code_pass_axe(page: Any, live_server: LiveServer) -> None:
    with live_server.app.app_context():
        user = make_user(Role.PX_TEAM)
        user_id, email = user.id, user.email
    sign_in(page, live_server, email)
    audit = StaffAudit(page)
    error_summary = page.locator(".nhsuk-error-summary")
    code_field = page.locator("#code")

    audit.visit(f"{live_server.url}/auth/account/security/")
    page.get_by_role("button", name="Set up two-step sign-in").click()
    page.wait_for_url("**/auth/account/security/set-up")
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    audit.check("set-up page")
    with live_server.app.app_context():
        totp = pyotp.TOTP(db.session.get(User, user_id).totp_secret)
    expect(page.locator("dd code")).to_have_text(
        " ".join(totp.secret[i : i + 4] for i in range(0, 32, 4))
    )

    code_field.fill(wrong_code(totp))
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(error_summary).to_be_visible()
    audit.check("set-up page with a wrong code")
    code_field.fill(totp.now())
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your recovery codes")
    expect(page.locator("ol code")).to_have_count(10)
    audit.check("recovery codes, shown once")

    audit.visit(f"{live_server.url}/auth/account/security/")
    audit.visit(f"{live_server.url}/auth/account/security/turn-off")
    audit.visit(f"{live_server.url}/auth/account/security/recovery-codes")
    code_field.fill(wrong_code(totp))
    page.get_by_role("button", name="Get new codes").click()
    expect(error_summary).to_be_visible()
    audit.check("new recovery codes with a wrong code")

    page.get_by_role("button", name="Sign out", exact=True).click()
    page.goto(f"{live_server.url}/auth/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form button.nhsuk-button").click()
    page.wait_for_url("**/auth/sign-in/code")
    audit.check("code page at sign-in")
    code_field.fill(wrong_code(totp))
    page.get_by_role("button", name="Continue").click()
    expect(error_summary).to_be_visible()
    audit.check("code page with a wrong code")
    # The step after the one used at set-up: inside the window, and not spent yet.
    code_field.fill(totp.at(time.time(), counter_offset=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/staff/")
    audit.assert_clean()
