"""The SMS-style web form in a real browser: no WCAG 2.2 AA failures (axe) in English, easy
read and Urdu, on a 320px phone and a desktop; usable by keyboard alone, with our answer in
the live region; and the same conversation with JavaScript switched off (plain posts)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    BROWSER_MARKS,
    VARIANTS,
    axe_violations,
    focused_matches,
    latest_response,
    page_language,
    press_until_focused,
)

pytestmark = list(BROWSER_MARKS)

SEND = "#app-chat-form button.nhsuk-button"
WIDTHS = {"phone": 320, "desktop": 1280}


def _english(server: Any, name: str) -> str:
    """One of the texts, as the conversation says it in English."""
    from feedback.sms import texts

    with server.app.app_context():
        return getattr(texts, name)("en")


def _start(page: Any, server: Any, query: str = "") -> None:
    page.goto(f"{server.url}/text/start/{server.location_code}{query}")
    page.wait_for_url("**/text/*")
    expect(page.locator("#latest .app-chat__message--ours")).to_have_count(1)  # the invite


def _problems(page: Any, name: str, lang: str, direction: str) -> list[str]:
    found: list[str] = []
    if page_language(page) != (lang, direction):
        found.append(f"{name}: <html lang/dir> is {page_language(page)}, not {lang}/{direction}")
    for violation in axe_violations(page):
        targets = "; ".join(" ".join(map(str, n["target"])) for n in violation["nodes"][:5])
        found.append(
            f"{name}: {violation['id']} ({violation['impact']}): {violation['help']} -> {targets}"
        )
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    if width > viewport:
        found.append(f"{name}: {width}px wide in a {viewport}px window (sideways scrolling)")
    for selector in (SEND, "#reply"):
        box = page.locator(selector).bounding_box() if page.locator(selector).count() else None
        if box and (box["width"] < 44 or box["height"] < 44):
            found.append(f"{name}: {selector} is {box['width']:.0f}x{box['height']:.0f}px")
    return found


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("variant", list(VARIANTS))
def test_the_chat_page_passes_axe_in_every_language_variant_and_width(
    variant: str, width: str, new_context: Any, live_server: Any
) -> None:
    query, lang, direction, easy_read = VARIANTS[variant]
    page = new_context(viewport={"width": WIDTHS[width], "height": 800}).new_page()
    problems: list[str] = []
    _start(page, live_server, query)
    expect(page.locator("body.app-easy-read")).to_have_count(1 if easy_read else 0)
    expect(page.locator("#latest img.app-chat__picture")).to_have_count(1 if easy_read else 0)
    problems += _problems(page, "the invite", lang, direction)

    page.locator(SEND).click()  # nothing typed: the error summary, in the page's language
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    expect(page.locator("#reply-error")).to_be_visible()
    problems += _problems(page, "an empty reply", lang, direction)

    page.locator("#reply").fill("2")
    page.locator(SEND).click()
    expect(page.locator(".nhsuk-error-summary")).to_have_count(0)
    expect(page.locator("#latest .app-chat__message--ours")).to_have_count(1)
    expect(page.locator("#app-chat-earlier .app-chat__message--theirs")).to_have_count(1)
    # A long unbroken word (a pasted link) wraps in its bubble instead of widening the page.
    page.locator("#reply").fill("https://example.org/" + "a" * 200)
    page.locator(SEND).click()
    expect(page.locator("#app-chat-earlier .app-chat__message--theirs")).to_have_count(2)
    problems += _problems(page, "after a rating and a comment", lang, direction)

    page.locator("#reply").fill("STOP")
    page.locator(SEND).click()
    expect(page.locator("#app-chat-ended")).to_be_visible()
    problems += _problems(page, "ended (opted out)", lang, direction)
    assert not problems, "\n".join(problems)


def test_a_keyboard_alone_replies_and_the_answer_lands_in_the_live_region(
    page: Any, live_server: Any
) -> None:
    _start(page, live_server, "?lang=en&easy_read=no")
    live = page.locator("#latest")
    expect(live).to_have_attribute("aria-live", "polite")
    page.evaluate("window.notReloaded = true")  # with JavaScript the page is never reloaded

    press_until_focused(page, "#reply")
    page.keyboard.type("2")
    press_until_focused(page, SEND)
    page.keyboard.press("Enter")
    expect(live).to_contain_text(_english(live_server, "follow_up"))
    expect(live).to_contain_text("We said:")  # the visually hidden prefix a reader hears
    assert focused_matches(page, "#reply")  # ready for the next answer
    expect(page.locator("#reply")).to_have_value("")

    page.keyboard.type("The nurses listened")
    press_until_focused(page, SEND)
    page.keyboard.press("Space")
    expect(live).to_contain_text(_english(live_server, "thanks"))
    assert focused_matches(page, "#reply")
    assert page.evaluate("window.notReloaded === true")
    theirs = page.locator("#app-chat-earlier .app-chat__message--theirs")
    expect(theirs).to_have_count(2)
    expect(theirs.last).to_contain_text("You said: The nurses listened")

    stored = latest_response(live_server)
    assert stored["answers"] == {"rating": "2", "reason": "The nurses listened"}

    # An empty reply by keyboard: the error summary takes focus and links to the box.
    press_until_focused(page, SEND)
    page.keyboard.press("Enter")
    expect(page.locator(".nhsuk-error-summary")).to_be_focused()
    expect(page.locator(".nhsuk-error-summary a[href='#reply']")).to_be_visible()


def test_without_javascript_the_form_posts_and_the_answer_is_in_the_live_region(
    new_context: Any, live_server: Any
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    _start(page, live_server, "?lang=en&easy_read=no")
    expect(page.locator("body.js-enabled")).to_have_count(0)  # JavaScript really is off

    page.locator(SEND).click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Write your reply in the box")

    page.locator("#reply").fill("1")
    page.locator(SEND).click()
    page.wait_for_url("**/text/*#latest")
    live = page.locator("#latest[aria-live=polite]")
    expect(live).to_contain_text(_english(live_server, "follow_up"))

    page.locator("#reply").fill("Clean and calm")
    page.locator(SEND).click()
    expect(live).to_contain_text(_english(live_server, "thanks"))
    assert latest_response(live_server)["answers"] == {"rating": "1", "reason": "Clean and calm"}

    page.locator("#reply").fill("stop please")
    page.locator(SEND).click()
    expect(live).to_contain_text(_english(live_server, "opt_out_confirmation"))
    expect(page.locator("#reply")).to_have_count(0)
    expect(page.locator("#app-chat-ended")).to_be_visible()


def test_in_urdu_our_messages_sit_on_the_right_and_theirs_on_the_left(
    new_context: Any, live_server: Any
) -> None:
    page = new_context(viewport={"width": 800, "height": 800}).new_page()
    _start(page, live_server, "?lang=ur")
    page.locator("#reply").fill("2")
    page.locator(SEND).click()
    expect(page.locator("#app-chat-earlier .app-chat__message--theirs")).to_have_count(1)
    thread = page.locator("#app-chat").bounding_box()
    ours = page.locator("#app-chat-earlier .app-chat__message--ours").bounding_box()
    theirs = page.locator("#app-chat-earlier .app-chat__message--theirs").bounding_box()
    right_edge = thread["x"] + thread["width"]
    assert abs(ours["x"] + ours["width"] - right_edge) < 2  # ours start on the right
    assert abs(theirs["x"] - thread["x"]) < 2  # theirs on the left


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_on_a_ward_tablet_the_chat_is_offered_passes_axe_and_goes_back_for_the_next_person(
    variant: str, new_context: Any, live_server: Any
) -> None:
    query, lang, direction, _easy_read = VARIANTS[variant]
    page = new_context(viewport={"width": 320, "height": 800}).new_page()
    page.goto(live_server.kiosk_url + query)
    problems = _problems(page, "the kiosk's start page", lang, direction)
    page.locator("#app-start-chat").click()
    page.wait_for_url("**/text/*")
    chat = page.url
    problems += _problems(page, "the chat on the tablet", lang, direction)
    page.locator("#reply").fill("1")
    page.locator(SEND).click()
    expect(page.locator("#app-chat-earlier .app-chat__message--theirs")).to_have_count(1)
    page.locator("#reply").fill("Kind staff")
    page.locator(SEND).click()
    expect(page.locator("#app-return-notice")).to_be_visible()  # thanked: a timer, and Stay
    expect(page.locator("#app-return-stay")).to_be_visible()
    problems += _problems(page, "thanked on the tablet", lang, direction)
    page.locator("#app-chat-finish").click()
    page.wait_for_url(f"{live_server.kiosk_url}**")
    assert page.goto(chat).status == 404  # the back button shows the next person nothing
    assert not problems, "\n".join(problems)
