"""A ward tablet is shared: the next person never sees the last person's answers, the thank-you
page goes back to the start by itself, and an untouched journey is cleared after a warning
that can be extended (WCAG 2.2.1 Timing Adjustable)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    BROWSER_MARKS,
    LiveServer,
    choose,
    complete_by_clicking,
    continue_button,
)

pytestmark = list(BROWSER_MARKS)

PRIVATE_WORDS = "My neighbour in bed 4 was rude"


@pytest.fixture(scope="module")
def quick_kiosk(start_live_server: Any) -> LiveServer:
    """A kiosk whose timers run in seconds: back to the start 2 s after thank-you; a warning
    after 2 s untouched, and the answers cleared 3 s after it."""
    return start_live_server(
        KIOSK_THANK_YOU_SECONDS=2, KIOSK_IDLE_SECONDS=2, KIOSK_WARNING_SECONDS=3
    )


def _shows_no_answers(page: Any) -> str | None:
    """Why the page gives away a previous answer, or None."""
    if page.locator("input:checked").count():
        return "an option is chosen: " + page.locator("input:checked").first.evaluate(
            "i => i.value"
        )
    for area in page.locator("textarea").all():
        if area.input_value():
            return f"the comment box holds {area.input_value()!r}"
    if PRIVATE_WORDS in page.content():
        return "the comment is in the page"
    return None


def test_back_after_thank_you_never_shows_the_previous_persons_answers(
    page: Any, live_server: LiveServer
) -> None:
    complete_by_clicking(page, live_server.kiosk_url, about_you=True, comment=PRIVATE_WORDS)
    seen = []
    for _ in range(12):  # Back, again and again, through every page of the journey
        if page.go_back() is None:
            break
        page.wait_for_load_state()
        seen.append(page.url.removeprefix(live_server.url))
        problem = _shows_no_answers(page)
        assert problem is None, f"after Back x{len(seen)} ({seen}): {problem}"
    assert seen, "Back did nothing"
    # The finished journey's pages are never shown again: each sends the browser to the start,
    # except the first question, which shows blank for the next person.
    start = live_server.kiosk_url.removeprefix(live_server.url)
    assert set(seen) <= {start, f"{start}rating"}, seen


def test_the_thank_you_page_goes_back_to_the_start_by_itself(
    page: Any, quick_kiosk: LiveServer
) -> None:
    complete_by_clicking(page, quick_kiosk.kiosk_url, about_you=False)
    expect(page.locator("#app-return-notice")).to_contain_text("2 seconds")
    page.wait_for_url(quick_kiosk.kiosk_url, timeout=5000)
    expect(continue_button(page)).to_be_visible()


def test_an_untouched_journey_warns_can_be_extended_and_is_then_cleared(
    page: Any, quick_kiosk: LiveServer
) -> None:
    page.goto(quick_kiosk.kiosk_url)
    continue_button(page).click()
    page.wait_for_url("**/rating")
    choose(page, "4")
    warning = page.locator("#app-timeout")
    extend = page.locator("#app-timeout-extend")

    # The warning gives 3 s before it clears: wait_for notices it at once (expect() polls).
    warning.wait_for(state="visible", timeout=4000)
    expect(extend).to_be_focused()
    expect(warning).to_have_attribute("role", "alertdialog")
    # While it shows, keyboard focus stays in the warning (the page behind is covered).
    for key in ("Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"):
        page.keyboard.press(key)
        assert page.evaluate(
            "document.getElementById('app-timeout').contains(document.activeElement)"
        ), f"{key} moved focus out of the warning to " + page.evaluate(
            "document.activeElement.outerHTML.slice(0, 80)"
        )

    extend.click()
    expect(warning).to_be_hidden()
    expect(page.locator("input[value='4']")).to_be_checked()  # nothing lost by asking for time
    expect(page.locator("input[value='4']")).to_be_focused()  # and focus is back where it was

    # Now left alone: the warning comes back and, untouched, the answers are cleared.
    warning.wait_for(state="visible", timeout=4000)
    page.wait_for_url(quick_kiosk.kiosk_url, timeout=6000)
    continue_button(page).click()
    page.wait_for_url(re.compile(r".*/rating$"))
    assert _shows_no_answers(page) is None
