"""axe-core finds no WCAG 2.2 AA failures on any staff page, for each staff role, and each says
it is in English.

Each role signs in through the real sign-in page and visits every GET route that
tests.auth.test_access.ROUTES says it may use (a new row there is covered here at once), filled
from data made in the live server's database. The px team also sees a case page after moving the
case on, the case and close pages with a form's error summary, and the overdue worklist."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.auth.test_access import EVERYONE, ROUTES
from tests.browser.conftest import BROWSER_MARKS, LiveServer, axe_violations
from tests.factories import PASSWORD

pytestmark = list(BROWSER_MARKS)

STAFF_ROLES = ("admin", "px_team", "service_manager", "peoples_council")
SNIPPET = 300  # characters of each offending element's HTML shown in a failure


def staff_urls(role: str, values: dict[str, Any]) -> list[str]:
    """The role's staff GET routes, filled in: not public pages, not files (.csv)."""
    urls: list[str] = []
    for method, template, allowed in ROUTES:
        if method != "GET" or allowed is EVERYONE or role not in allowed:
            continue
        if PurePosixPath(urlsplit(template).path).suffix:  # a download, not a page
            continue
        try:
            url = template.format(**values)
        except KeyError as missing:
            pytest.fail(f"{template}: make data for {missing} in staff_world", pytrace=False)
        if url not in urls:
            urls.append(url)
    return urls


class StaffAudit:
    """Runs axe and the language check on each page; the test fails once, listing them all."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.problems: list[str] = []
        self.checked: list[str] = []

    def visit(self, url: str) -> None:
        response = self.page.goto(url)
        status = response.status if response else None
        kind = (response.headers.get("content-type", "") if response else "").split(";")[0]
        if status != 200 or kind != "text/html":
            self.problems.append(f"{url}: got {status} {kind!r}, expected 200 'text/html'")
            return
        if urlsplit(self.page.url).path == "/auth/sign-in":
            self.problems.append(f"{url}: sent to the sign-in page")
            return
        self.check(url)

    def check(self, name: str) -> None:
        where = name if name == self.page.url else f"{name} ({self.page.url})"
        self.checked.append(where)
        lang = self.page.evaluate("document.documentElement.getAttribute('lang')")
        if lang != "en":
            self.problems.append(f"{where}: <html lang> is {lang!r}, expected 'en'")
        for violation in axe_violations(self.page):
            nodes = "".join(
                f"\n      {' '.join(map(str, node['target']))}: {node['html'][:SNIPPET]}"
                for node in violation["nodes"]
            )
            self.problems.append(
                f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} "
                f"[{violation['helpUrl']}]{nodes}"
            )

    def assert_clean(self) -> None:
        assert self.checked, "no staff page was checked"
        assert not self.problems, (
            f"{len(self.problems)} accessibility problem(s) on {len(self.checked)} pages:\n"
            + "\n".join(self.problems)
        )


@pytest.fixture(scope="module")
def staff_world(live_server: LiveServer) -> dict[str, Any]:
    """A user for each staff role and the data every staff URL template needs."""
    from feedback.auth.models import Role
    from tests.auth.test_access import build_route_world
    from tests.complaints.test_case_work import make_case

    app = live_server.app
    with app.app_context():
        users, values = build_route_world(app.config["SECRET_KEY"])
        # Moved on and sent bad forms by the px team in the extra checks.
        px_case = make_case(users[Role.SERVICE_MANAGER].services[0])
        return {
            "emails": {role.value: user.email for role, user in users.items()},
            "values": values,
            "px_case": px_case.reference,
        }


def sign_in(page: Any, server: LiveServer, email: str) -> None:
    page.goto(f"{server.url}/auth/sign-in")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("main form button.nhsuk-button").click()
    page.wait_for_url(f"{server.url}/staff/")
    expect(page.get_by_role("button", name="Sign out", exact=True)).to_be_visible()


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_every_staff_page_the_role_may_use_passes_axe(
    role: str, page: Any, live_server: LiveServer, staff_world: dict[str, Any]
) -> None:
    sign_in(page, live_server, staff_world["emails"][role])
    audit = StaffAudit(page)
    for url in staff_urls(role, staff_world["values"]):
        audit.visit(f"{live_server.url}{url}")
    audit.assert_clean()


def test_case_pages_moved_on_and_with_errors_pass_axe(
    page: Any, live_server: LiveServer, staff_world: dict[str, Any]
) -> None:
    sign_in(page, live_server, staff_world["emails"]["px_team"])
    audit = StaffAudit(page)
    error_summary = page.locator(".nhsuk-error-summary")
    case_url = f"{live_server.url}/complaints/case/{staff_world['px_case']}"

    page.goto(case_url)
    page.get_by_label("Move to").select_option("acknowledged")
    page.get_by_role("button", name="Record it").click()
    page.wait_for_url(case_url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Acknowledged")
    audit.check("case page, acknowledged")

    page.get_by_role("button", name="Record the extension").click()  # nothing filled in
    page.wait_for_url(f"{case_url}/extension")
    expect(error_summary).to_be_visible()
    audit.check("case page with the extension form's errors")

    page.goto(f"{case_url}/close")
    page.get_by_label("Date closed").fill("")
    page.get_by_role("button", name="Close the case").click()
    expect(error_summary).to_be_visible()
    audit.check("close page with its errors")

    page.goto(f"{live_server.url}/complaints/?list=overdue")
    expect(page.locator(f"a[href$='/complaints/case/{staff_world['px_case']}']")).not_to_have_count(
        0
    )
    audit.check("overdue worklist with an acknowledged case")
    audit.assert_clean()
