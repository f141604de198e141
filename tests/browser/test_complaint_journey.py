"""The online complaint form (/forms/complaint/) in a real browser: axe-core finds no WCAG 2.2
AA failures on any of its pages in English, easy read and Urdu (right to left); it can be done
with a keyboard alone and with a finger on a 320px phone without sideways scrolling; and once
sent, going Back shows none of the person's answers."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    BROWSER_MARKS,
    axe_violations,
    checked_value,
    focused_matches,
    page_language,
    press_until_focused,
)

pytestmark = list(BROWSER_MARKS)

# variant: (query string, expected <html lang>, expected <html dir>, easy read)
VARIANTS = {
    "english": ("?lang=en&easy_read=no", "en", "ltr", False),
    "easy-read": ("?easy_read=yes", "en", "ltr", True),
    "urdu": ("?lang=ur", "ur", "rtl", False),
    "urdu-easy-read": ("?lang=ur&easy_read=yes", "ur", "rtl", True),
}
REFERENCE = re.compile(r"^PX-[A-Z0-9]{4}-[A-Z0-9]{4}$")
# The answer form's button (never the service page's Search), or Start (a link like a button).
MAIN_BUTTON = (
    'main form[method=post] button.nhsuk-button[type=submit], main a.nhsuk-button[role="button"]'
)
RADIO = "input[type=radio][name=answer]"
RADIO_QUESTIONS = {"kind", "raised_by", "patient_consent", "contact", "service"}
TEXTAREA_QUESTIONS = {"address", "what_happened", "outcome_wanted"}
TYPED_QUESTIONS = {"patient_name", "name", "email", *TEXTAREA_QUESTIONS}
FOUND = "<the first service found>"
PHONE = "020 7946 0018"  # a drama number: valid, and nobody's


def at(page_id: str) -> re.Pattern[str]:
    """A complaint page's URL, with or without a query (?change=yes, ?q=...)."""
    return re.compile(rf"/forms/complaint/{page_id}(\?.*)?$")


def start_url(server: Any, query: str = "") -> str:
    return f"{server.url}/forms/complaint/{query}"


class Person:
    """Goes through the form with a mouse, or with a finger (tap) on a touch screen."""

    def __init__(self, page: Any, touch: bool = False) -> None:
        self.page, self.touch = page, touch

    def press(self, locator: Any) -> None:
        locator.tap() if self.touch else locator.click()

    def send(self, next_page: str | None) -> None:
        """Press Continue (Start, Send): on to next_page, or None for this page with an error."""
        self.press(self.page.locator(MAIN_BUTTON))
        if next_page is None:
            expect(self.page.locator(".nhsuk-error-summary")).to_be_visible()
            expect(self.page.locator(".nhsuk-error-message").first).to_be_visible()
        else:
            self.page.wait_for_url(at(next_page))

    def answer(self, question: str, value: str, next_page: str | None) -> None:
        page = self.page
        if question in RADIO_QUESTIONS:
            if value == FOUND:
                value = page.locator(f"{RADIO}:not([value=not_sure])").first.get_attribute("value")
            self.press(page.locator(f"{RADIO}[value='{value}'] + label"))
            expect(page.locator(f"{RADIO}[value='{value}']")).to_be_checked()
        elif question == "happened_on":
            for part, text in zip(("day", "month", "year"), value.split("/"), strict=True):
                page.locator(f"#answer-{part}").fill(text)
        elif question in TEXTAREA_QUESTIONS:
            page.locator("textarea#answer").fill(value)
        else:
            page.locator("input#answer").fill(value)
        self.send(next_page)

    def search(self, words: str) -> None:
        self.page.locator("#service-search").fill(words)
        self.press(self.page.locator("main form[role=search] button[type=submit]"))
        self.page.wait_for_url(re.compile(rf"/forms/complaint/service\?q={words}$"))

    def change(self, question: str) -> None:
        """From the check page, a Change link."""
        self.press(self.page.locator(f'main a[href*="/{question}?change=yes"]'))
        self.page.wait_for_url(at(question))


def problems_on(page: Any, name: str, expected: tuple[str, str], axe: bool = True) -> list[str]:
    """What is wrong with the page: its <html lang/dir>, and (with axe) axe-core's violations."""
    where, found = f"{name} ({page.url})", page_language(page)
    problems = [] if found == expected else [f"{where}: <html lang/dir> is {found}, not {expected}"]
    for rule in axe_violations(page) if axe else []:
        targets = "; ".join(" ".join(map(str, node["target"])) for node in rule["nodes"][:5])
        problems.append(f"{where}: {rule['id']} ({rule['impact']}): {rule['help']} -> {targets}")
    return problems


# The form's first part, for someone else by email (with an error), and its last part, from the
# service page (whatever it lists) to the check page (with an error on the date).
SOMEONE_ELSE_BY_EMAIL = [
    ("kind", "complaint", "raised_by"),
    ("raised_by", "someone_else", "patient_consent"),
    ("patient_consent", "yes", "patient_name"),
    ("patient_name", "Sam Patient", "name"),
    ("name", "Alex Carer", "contact"),
    ("contact", "email", "email"),
    ("email", "not-an-email", None),
    ("email", "alex.carer.with.a.long.address@example.com", "service"),
]
SERVICE_TO_CHECK = [
    ("service", FOUND, "what_happened"),
    ("what_happened", "I waited six hours and nobody told me why.", "happened_on"),
    ("happened_on", "31/2/2025", None),
    ("happened_on", "15/3/2025", "outcome_wanted"),
    ("outcome_wanted", "An apology", "check"),
]


def go_through(person: Person, steps: list[Any], on_page: Any = lambda name: None) -> None:
    for question, value, next_page in steps:
        person.answer(question, value, next_page)
        on_page(next_page or f"{question} with an error")


@pytest.mark.parametrize("variant", ["english", "easy-read", "urdu"])
def test_every_complaint_page_passes_axe_and_declares_its_language(
    variant: str, page: Any, live_server: Any
) -> None:
    """One journey per variant, visiting every page: someone else's complaint by email (with
    errors and both kinds of search), then changed on the check page to the patient by phone,
    by way of the letter branch's address page."""
    query, lang, direction, easy_read = VARIANTS[variant]
    person, problems = Person(page), []

    def audit(name: str) -> None:
        problems.extend(problems_on(page, name, (lang, direction)))

    page.goto(start_url(live_server, query))
    audit("start")
    expect(page.locator("body.app-easy-read")).to_have_count(1 if easy_read else 0)
    person.send("kind")
    audit("kind")
    person.send(None)  # nothing chosen
    audit("kind with an error")
    go_through(person, SOMEONE_ELSE_BY_EMAIL, audit)
    person.search("zzzz")
    expect(page.locator(RADIO)).to_have_count(1)  # only "I'm not sure"
    audit("service after a search with no results")
    person.search("Beech")
    expect(page.locator(f"{RADIO}:not([value=not_sure])")).to_have_count(1)
    audit("service after a search with results")
    person.send(None)
    audit("service with an error")
    go_through(person, SERVICE_TO_CHECK, audit)

    person.change("raised_by")
    person.answer("raised_by", "patient", "check")
    expect(page.locator("main")).not_to_contain_text("Sam Patient")
    person.change("contact")
    go_through(person, [("contact", "letter", "address")], audit)
    person.answer("address", "1 High Street\nLeeds\nLS1 1AA", "check")
    person.change("contact")
    go_through(
        person,
        [("contact", "phone", "phone"), ("phone", "12345", None), ("phone", PHONE, "check")],
        audit,
    )
    person.send("thank-you")
    expect(page.locator("strong.app-reference")).to_have_text(REFERENCE)
    audit("thank-you")
    assert not problems, f"{len(problems)} accessibility problem(s):\n" + "\n".join(problems)


def enter(page: Any, next_page: str) -> None:
    press_until_focused(page, MAIN_BUTTON)
    page.keyboard.press("Enter")
    page.wait_for_url(at(next_page))


def test_a_keyboard_alone_completes_the_complaint_form(page: Any, live_server: Any) -> None:
    keys = page.keyboard
    page.goto(start_url(live_server, "?lang=en&easy_read=no"))
    enter(page, "kind")

    press_until_focused(page, RADIO)
    assert checked_value(page) is None  # Tab alone chooses nothing
    keys.press("ArrowDown")  # arrows move and choose
    assert checked_value(page) == "complaint"
    enter(page, "raised_by")
    press_until_focused(page, RADIO)
    keys.press("Space")
    assert checked_value(page) == "patient"
    enter(page, "name")
    press_until_focused(page, "input#answer")
    keys.type("Kim Keyboard")
    enter(page, "contact")
    press_until_focused(page, RADIO)
    keys.press("ArrowDown")
    assert checked_value(page) == "phone"
    enter(page, "phone")
    press_until_focused(page, "input#answer[type=tel]")
    keys.type(PHONE)
    enter(page, "service")

    # Search by keyboard: type, Enter submits the search form, then Tab to a result.
    press_until_focused(page, "#service-search")
    keys.type("Beech")
    keys.press("Enter")
    page.wait_for_url(re.compile(r"/forms/complaint/service\?q=Beech$"))
    press_until_focused(page, RADIO)
    keys.press("Space")
    service_code = checked_value(page)
    assert service_code not in (None, "not_sure"), "Tab after a search should reach a result"
    enter(page, "what_happened")

    press_until_focused(page, "textarea#answer")
    keys.type("Nobody answered the call bell.")
    press_until_focused(page, MAIN_BUTTON)
    keys.press("Shift+Tab")  # back to read it over, then on again
    assert focused_matches(page, "textarea#answer")
    enter(page, "happened_on")
    press_until_focused(page, "#answer-day")
    keys.type("15")
    keys.press("Tab")
    keys.type("3")
    keys.press("Tab")
    assert focused_matches(page, "#answer-year")
    keys.type("2025")
    enter(page, "outcome_wanted")
    enter(page, "check")  # optional: skipped
    expect(page.locator("main")).to_contain_text("Kim Keyboard")
    enter(page, "thank-you")  # Send

    reference = page.locator("strong.app-reference").inner_text()
    assert REFERENCE.match(reference), reference
    from feedback.complaints.services import get_case_by_reference

    with live_server.app.app_context():  # what was typed is what the team gets
        case = get_case_by_reference(reference)
        stored = (case.complainant_name, case.phone, case.service.code, str(case.happened_on))
    assert stored == ("Kim Keyboard", "+442079460018", service_code, "2025-03-15")


OVERFLOW_JS = """() => [...document.querySelectorAll("body *")]
  .filter(el => { const b = el.getBoundingClientRect();
                  return b.width > 0 && (b.right > 321 || b.left < -1); })
  .slice(0, 5).map(el => el.tagName.toLowerCase() + "." + el.className)"""


@pytest.mark.parametrize("variant", ["english", "urdu-easy-read"])
def test_a_finger_on_a_320px_phone_completes_it_without_sideways_scrolling(
    variant: str, new_context: Any, live_server: Any
) -> None:
    query, lang, direction, _ = VARIANTS[variant]
    page = new_context(
        viewport={"width": 320, "height": 640}, has_touch=True, is_mobile=True
    ).new_page()
    person = Person(page, touch=True)
    problems: list[str] = []

    def check(name: str) -> None:
        problems.extend(problems_on(page, name, (lang, direction), axe=False))
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320 + 1:
            problems.append(f"{name}: {width}px wide, overflowing: {page.evaluate(OVERFLOW_JS)}")

    page.goto(start_url(live_server, query))
    check("start")
    person.send("kind")
    check("kind")
    go_through(person, SOMEONE_ELSE_BY_EMAIL, check)
    person.search("Beech")
    check("service after a search")
    go_through(person, SERVICE_TO_CHECK, check)
    person.change("contact")
    go_through(person, [("contact", "letter", "address")], check)
    go_through(person, [("address", "Flat 12, Longname House\nLeeds LS1 1AA", "check")], check)
    person.send("thank-you")
    check("thank-you")

    expect(page.locator("strong.app-reference")).to_have_text(REFERENCE)
    assert not problems, "at 320px:\n" + "\n".join(problems)


SHOWN_JS = """() => [document.body.innerText,
  ...[...document.querySelectorAll("input:not([type=hidden]), textarea")]
     .map(el => el.type === "radio" || el.type === "checkbox"
                ? (el.checked ? `checked:${el.value}` : "") : el.value)].join("\\n")"""


def test_going_back_after_sending_shows_none_of_the_answers(page: Any, live_server: Any) -> None:
    steps = SOMEONE_ELSE_BY_EMAIL + SERVICE_TO_CHECK
    secrets = [value for question, value, _ in steps if question in TYPED_QUESTIONS]
    person = Person(page)
    first = page.goto(start_url(live_server, "?lang=en&easy_read=no"))
    person.send("kind")

    def typed_answers_not_kept(name: str) -> None:
        if name in ("name", "email"):
            expect(page.locator("main form[method=post]")).to_have_attribute("autocomplete", "off")

    go_through(person, steps, typed_answers_not_kept)
    expect(page.locator("main")).to_contain_text("Alex Carer")
    person.send("thank-you")
    assert "no-store" in first.headers["cache-control"]

    visited = []
    for _ in range(25):  # back through the whole history, to before the start page
        before = page.url
        if page.go_back() is None and page.url == before:
            break
        visited.append(page.url)
        shown = page.evaluate(SHOWN_JS)
        leaked = [s for s in secrets if s in shown] + re.findall(r"checked:\w+", shown)
        assert not leaked, f"after Back to {page.url} (via {visited}) the page shows {leaked}"
    assert any(at("").search(url) for url in visited), visited  # went back past every page

    page.goto(start_url(live_server, "name"))
    if page.locator("input#answer").count():
        expect(page.locator("input#answer")).to_have_value("")
    else:
        expect(page).to_have_url(start_url(live_server))
