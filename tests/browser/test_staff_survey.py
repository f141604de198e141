"""The staff pulse survey in a real browser: axe-core finds no WCAG 2.2 AA failures on any of
its pages in English, easy read and Urdu (right to left), including the page the link shows
between windows; it can be done with a keyboard alone; and a 320px screen never scrolls
sideways."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    BROWSER_MARKS,
    VARIANTS,
    axe_violations,
    checked_value,
    choose,
    continue_button,
    focused_matches,
    page_language,
    press_until_focused,
)

pytestmark = list(BROWSER_MARKS)

ITEMS = [f"item_{n}" for n in range(1, 10)]
RADIO = "input[type=radio][name=answer]"
MAIN_BUTTON = 'main form[novalidate] button.nhsuk-button, main a.nhsuk-button[role="button"]'


@pytest.fixture(scope="module")
def survey(live_server: Any) -> Iterator[dict[str, Any]]:
    """A survey window open today on the live server, and its directorate's code."""
    from sqlalchemy import select

    from feedback.db import trust_today
    from feedback.extensions import db
    from feedback.organisation.models import Directorate
    from feedback.staff_survey.models import StaffSurveyWindow

    with live_server.app.app_context():
        today = trust_today()
        window = StaffSurveyWindow(
            name="Browser test window",
            opens_on=today - timedelta(days=2),
            closes_on=today + timedelta(days=12),
        )
        db.session.add(window)
        db.session.commit()
        code = db.session.scalars(select(Directorate.code).order_by(Directorate.id)).first()
        window_id = window.id
    yield {"url": f"{live_server.url}/staff-survey/", "directorate": code, "window": window_id}
    from sqlalchemy import delete

    from feedback.staff_survey.models import StaffPulseComment, StaffPulseResponse

    with live_server.app.app_context():  # the live server is shared: leave no open window
        for table in (StaffPulseResponse, StaffPulseComment):
            db.session.execute(delete(table).where(table.window_id == window_id))
        db.session.execute(delete(StaffSurveyWindow).where(StaffSurveyWindow.id == window_id))
        db.session.commit()


def _answers(directorate: str) -> list[tuple[str, str | None]]:
    return [
        *((item, "4") for item in ITEMS),
        ("comment", "Good team, long shifts."),
        ("directorate", directorate),
        ("staff_group", "bank"),
        ("ethnicity", "not_said"),
        ("disability", "no"),
    ]


def _latest(server: Any) -> dict[str, Any]:
    from sqlalchemy import select

    from feedback.extensions import db
    from feedback.staff_survey.models import StaffPulseResponse

    with server.app.app_context():
        response = db.session.scalars(
            select(StaffPulseResponse).order_by(StaffPulseResponse.id.desc()).limit(1)
        ).one()
        return {
            "items": [getattr(response, item) for item in ITEMS],
            "staff_group": response.staff_group,
            "ethnicity": response.ethnicity,
            "disability": response.disability,
        }


def _closed_for_a_moment(server: Any, window_id: int) -> Any:
    """Move the test window into the future, so the link shows the closed page; returns a
    function that puts it back."""
    from feedback.db import trust_today
    from feedback.extensions import db
    from feedback.staff_survey.models import StaffSurveyWindow

    with server.app.app_context():
        window = db.session.get(StaffSurveyWindow, window_id)
        before = (window.opens_on, window.closes_on)
        window.opens_on = trust_today() + timedelta(days=30)
        window.closes_on = window.opens_on + timedelta(days=20)
        db.session.commit()

    def put_back() -> None:
        with server.app.app_context():
            window = db.session.get(StaffSurveyWindow, window_id)
            window.opens_on, window.closes_on = before
            db.session.commit()

    return put_back


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_every_staff_survey_page_passes_axe_and_declares_its_language(
    variant: str, page: Any, live_server: Any, survey: dict[str, Any]
) -> None:
    query, lang, direction, easy_read = VARIANTS[variant]
    problems: list[str] = []
    checked: list[str] = []

    def audit(name: str) -> None:
        checked.append(name)
        found = page_language(page)
        if found != (lang, direction):
            problems.append(f"{name}: <html lang/dir> is {found}, expected {(lang, direction)}")
        for violation in axe_violations(page):
            targets = "; ".join(" ".join(map(str, n["target"])) for n in violation["nodes"][:5])
            problems.append(
                f"{name} ({page.url}): {violation['id']}: {violation['help']} -> {targets}"
            )

    page.goto(f"{survey['url']}{query}")
    page.wait_for_url("**/forms/staff-pulse/**")
    expect(page.locator("body.app-easy-read")).to_have_count(1 if easy_read else 0)
    audit("start page")
    continue_button(page).click()
    for question, value in _answers(survey["directorate"]):
        page.wait_for_url(f"**/{question}")
        audit(f"{question} question")
        if question == "comment":
            page.locator("textarea#answer").fill(value or "")
        else:
            choose(page, value)
        continue_button(page).click()
    page.wait_for_url("**/thank-you")
    audit("thank-you page")

    put_back = _closed_for_a_moment(live_server, survey["window"])
    try:
        page.goto(f"{survey['url']}{query}")
        expect(page.locator("#next-window")).to_be_visible()
        audit("closed page, with the next window")
    finally:
        put_back()
    assert not problems, f"{len(problems)} problem(s) on {len(checked)} pages:\n" + "\n".join(
        problems
    )


def test_a_keyboard_alone_completes_the_staff_survey(page: Any, live_server: Any, survey) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{survey['url']}?lang=en&easy_read=no")
    page.wait_for_url("**/forms/staff-pulse/**")
    page.keyboard.press("Tab")
    assert focused_matches(page, ".nhsuk-skip-link")
    press_until_focused(page, MAIN_BUTTON)
    page.keyboard.press("Enter")
    for question, value in _answers(survey["directorate"]):
        page.wait_for_url(f"**/{question}")
        if question == "comment":
            press_until_focused(page, "textarea#answer")
            page.keyboard.type("Typed without a mouse")
        else:
            press_until_focused(page, RADIO)
            assert checked_value(page) is None  # Tab alone chooses nothing
            # Arrow keys move through the options and choose as they go.
            for _ in range(60):
                if checked_value(page) == value:
                    break
                page.keyboard.press("ArrowDown")
            assert checked_value(page) == value, question
        press_until_focused(page, MAIN_BUTTON)
        page.keyboard.press("Enter")
    page.wait_for_url("**/thank-you")
    expect(page.locator(".nhsuk-panel")).to_be_visible()
    assert _latest(live_server) == {
        "items": [4] * 9,
        "staff_group": "bank",
        "ethnicity": "not_said",
        "disability": "no",
    }


@pytest.mark.parametrize("query", ["?lang=en&easy_read=yes", "?lang=ur&easy_read=no"])
def test_a_320px_screen_never_scrolls_sideways(
    query: str, new_context: Any, live_server: Any, survey: dict[str, Any]
) -> None:
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    too_wide: list[str] = []

    def check(name: str) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            too_wide.append(f"{name}: {width}px wide")

    page.goto(f"{survey['url']}{query}")
    page.wait_for_url("**/forms/staff-pulse/**")
    check("start")
    continue_button(page).click()
    for question, value in _answers(survey["directorate"]):
        page.wait_for_url(f"**/{question}")
        check(question)
        if question == "comment":
            page.locator("textarea#answer").fill(value or "")
        else:
            page.locator(f"{RADIO}[value='{value}'] + label").click()
        continue_button(page).click()
    page.wait_for_url("**/thank-you")
    check("thank-you")
    put_back = _closed_for_a_moment(live_server, survey["window"])
    try:
        page.goto(f"{survey['url']}{query}")
        check("closed page")
    finally:
        put_back()
    assert not too_wide, "horizontal scrolling at 320px:\n" + "\n".join(too_wide)
