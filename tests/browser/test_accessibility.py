"""axe-core finds no WCAG 2.2 AA failures on any page a patient (or staff member signing in)
meets, in English, easy read and Urdu (right to left), and each page says its language.

The question pages are reached by going through the journey in the browser, as a person does,
with the real CSRF protection on."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ABOUT_YOU_QUESTIONS,
    BROWSER_MARKS,
    VARIANTS,
    axe_violations,
    choose,
    continue_button,
    page_language,
)

pytestmark = list(BROWSER_MARKS)


class PageAudit:
    """Runs axe and the language check on each page; the test fails once, listing them all."""

    def __init__(self, page: Any, lang: str, direction: str) -> None:
        self.page = page
        self.lang = lang
        self.direction = direction
        self.problems: list[str] = []
        self.checked: list[str] = []

    def check(self, name: str, check_language: bool = True) -> None:
        self.checked.append(name)
        where = f"{name} ({self.page.url})"
        found = page_language(self.page)
        if check_language and found != (self.lang, self.direction):
            self.problems.append(
                f"{where}: <html lang/dir> is {found}, expected {(self.lang, self.direction)}"
            )
        for violation in axe_violations(self.page):
            targets = "; ".join(
                " ".join(map(str, node["target"])) for node in violation["nodes"][:5]
            )
            self.problems.append(
                f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} "
                f"-> {targets}"
            )

    def assert_clean(self) -> None:
        assert not self.problems, (
            f"{len(self.problems)} accessibility problem(s) on {len(self.checked)} pages:\n"
            + "\n".join(self.problems)
        )


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_public_page_passes_axe_and_declares_its_language(
    variant: str, page: Any, live_server: Any
) -> None:
    query, lang, direction, easy_read = VARIANTS[variant]
    audit = PageAudit(page, lang, direction)
    easy_read_body = expect(page.locator("body.app-easy-read"))

    page.goto(f"{live_server.url}/{query}")
    audit.check("public index")

    page.goto(f"{live_server.start_url}{query}")
    audit.check("start page")
    easy_read_body.to_have_count(1 if easy_read else 0)  # the variant is really in force
    continue_button(page).click()
    page.wait_for_url("**/rating")
    audit.check("rating question")

    continue_button(page).click()  # nothing chosen
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    audit.check("rating question with a validation error")

    choose(page, "1")
    continue_button(page).click()
    page.wait_for_url("**/reason")
    audit.check("reason question")
    page.locator("textarea#answer").fill("Kind staff")
    continue_button(page).click()

    for question, value in (("respondent", "carer"), ("about_you", "yes")):
        page.wait_for_url(f"**/{question}")
        audit.check(f"{question} question")
        choose(page, value)
        continue_button(page).click()

    for question in ABOUT_YOU_QUESTIONS:
        page.wait_for_url(f"**/{question}")
        audit.check(f"{question} question")
        choose(page, "not_said")
        continue_button(page).click()

    page.wait_for_url("**/thank-you")
    audit.check("thank-you page")

    page.goto(f"{live_server.url}/feedback/NOPE/")
    audit.check("not found page")

    # A form left open until its token is no longer good: the first answer posts a stale token.
    page.goto(live_server.start_url)
    continue_button(page).click()
    page.wait_for_url("**/rating")
    page.locator("input[name=csrf_token]").evaluate("i => i.value = 'stale'")
    choose(page, "1")
    continue_button(page).click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("a.nhsuk-button[href$='/']")).to_be_visible()
    audit.check("please start again page")

    page.clock.install()  # a controllable clock, to bring up the idle warning at once
    page.goto(f"{live_server.kiosk_url}{query}")
    audit.check("kiosk start page")
    continue_button(page).click()
    page.wait_for_url("**/rating")
    expect(page.locator("body.app-kiosk")).to_have_count(1)
    easy_read_body.to_have_count(1 if easy_read else 0)
    audit.check("kiosk question page")
    page.clock.run_for((live_server.app.config["KIOSK_IDLE_SECONDS"] + 1) * 1000)
    expect(page.locator("#app-timeout")).to_be_visible()
    audit.check("kiosk question page with the idle warning open")

    # Staff pages are written in English only: their language is checked on its own below.
    page.goto(f"{live_server.url}/auth/sign-in")
    audit.check("staff sign-in page", check_language=False)

    audit.assert_clean()


def test_staff_pages_say_they_are_english_after_a_patient_chose_urdu(
    page: Any, live_server: Any
) -> None:
    page.goto(f"{live_server.start_url}?lang=ur")  # a patient used this browser in Urdu
    page.goto(f"{live_server.url}/auth/sign-in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert page_language(page) == ("en", "ltr")
