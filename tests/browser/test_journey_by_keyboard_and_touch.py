"""The whole FFT can be done with a keyboard alone, with a finger alone on a ward tablet, and on
a 320px-wide phone (WCAG 2.1.1 Keyboard, 2.4.7 Focus Visible, 2.5.8 Target Size, 1.4.10 Reflow),
and in Urdu the radio circles sit on the right of their words."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    ABOUT_YOU_QUESTIONS,
    BROWSER_MARKS,
    checked_value,
    choose,
    complete_by_clicking,
    continue_button,
    focused_matches,
    latest_response,
    press_until_focused,
)

pytestmark = list(BROWSER_MARKS)

# Continue (a form's button) or Start (a link that looks like a button).
MAIN_BUTTON = 'main form[novalidate] button.nhsuk-button, main a.nhsuk-button[role="button"]'
RADIO = "input[type=radio][name=answer]"

# How the focused element looks, focused and not: for a radio (see-through) its label's
# circle, else the element itself. Visible focus: the two differ.
FOCUS_STYLE_JS = """() => {
  const el = document.activeElement;
  const isChoice = el.matches("input[type=radio], input[type=checkbox]");
  const [target, pseudo] = isChoice ? [el.labels[0], "::before"] : [el, null];
  const look = () => {
    const s = getComputedStyle(target, pseudo);
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor,
            s.color, s.borderColor, s.borderWidth, s.textDecorationLine].join(" | ");
  };
  const focused = look();
  const boxShadow = getComputedStyle(target, pseudo).boxShadow;
  el.blur();
  const unfocused = look();
  el.focus();
  return {element: el.outerHTML.slice(0, 60), boxShadow, visible: focused !== unfocused};
}"""


class Keyboard:
    """A keyboard-only person: every move is a key press; records what focus looked like."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.focus_stops: list[dict[str, Any]] = []  # how each element tabbed to looked

    def tab_to(self, selector: str, backwards: bool = False) -> None:
        press_until_focused(self.page, selector, "Shift+Tab" if backwards else "Tab")
        self.focus_stops.append({"selector": selector, **self.page.evaluate(FOCUS_STYLE_JS)})

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def send(self, next_page: str) -> None:
        self.tab_to(MAIN_BUTTON)
        self.press("Enter")
        self.page.wait_for_url(f"**/{next_page}")


def test_a_keyboard_alone_completes_the_fft_with_focus_always_visible(
    page: Any, live_server: Any
) -> None:
    keys = Keyboard(page)
    page.goto(live_server.start_url + "?lang=en&easy_read=no")
    page.keyboard.press("Tab")  # the first stop is the skip link, shown when focused
    assert focused_matches(page, ".nhsuk-skip-link")
    assert page.locator(".nhsuk-skip-link").bounding_box()["height"] > 10
    keys.send("rating")

    # Arrow keys move between the options and choose as they go.
    keys.tab_to(RADIO)
    assert checked_value(page) is None  # Tab alone chooses nothing
    keys.press("ArrowDown")
    keys.press("ArrowDown")
    keys.press("ArrowUp")
    assert checked_value(page) == "2"
    keys.send("reason")

    keys.tab_to("textarea#answer")
    page.keyboard.type("Typed without a mouse")
    keys.tab_to(MAIN_BUTTON)
    keys.press("Shift+Tab")  # back to check what was typed, then on again
    assert focused_matches(page, "textarea#answer")
    keys.send("respondent")

    keys.tab_to(RADIO)
    keys.press("Space")
    assert checked_value(page) == "patient"
    keys.send("about_you")

    keys.tab_to(RADIO)
    keys.press("Space")
    assert checked_value(page) == "yes"
    keys.send("age_band")

    # Back into the group from below, then wrap round from the first option to the last.
    keys.tab_to(MAIN_BUTTON)
    keys.tab_to(RADIO, backwards=True)
    if focused_matches(page, f"{RADIO}[value='under_16']"):
        keys.press("ArrowUp")
    else:
        keys.press("Space")
    assert checked_value(page) == "not_said"
    keys.send("sex")
    for question in ABOUT_YOU_QUESTIONS[2:]:
        keys.send(question)  # each about-you question may be skipped
    keys.send("thank-you")

    expect(page.locator(".nhsuk-panel")).to_be_visible()
    hidden = [stop for stop in keys.focus_stops if not stop["visible"]]
    assert not hidden, f"focused without any visible change: {hidden}"
    radios = [stop for stop in keys.focus_stops if stop["selector"] == RADIO]
    assert radios, "focus never reached a radio"
    assert all(stop["boxShadow"] != "none" for stop in radios), radios  # the yellow ring
    stored = latest_response(live_server)
    assert stored["answers"] == {
        "rating": "2",
        "reason": "Typed without a mouse",
        "respondent": "patient",
        "about_you": "yes",
        "age_band": "not_said",
    }


# Every visible thing a finger can touch, with its size (radio inputs are see-through but
# are the 44px touch box; their labels are measured too).
TARGETS_JS = """() => {
  const found = [];
  for (const el of document.querySelectorAll(
      "a[href], button, input[type=radio], input[type=checkbox], .nhsuk-radios__label, textarea")) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!el.getClientRects().length || style.visibility === "hidden") continue;
    if (box.width <= 1 || box.height <= 1) continue;  // visually hidden (the skip link)
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    found.push({what: `${el.tagName.toLowerCase()} "${text.slice(0, 30)}"`,
                width: Math.round(box.width * 10) / 10, height: Math.round(box.height * 10) / 10});
  }
  return found;
}"""


def test_a_finger_alone_completes_the_fft_on_a_ward_tablet_with_44px_targets(
    new_context: Any, live_server: Any
) -> None:
    context = new_context(viewport={"width": 810, "height": 1080}, has_touch=True, is_mobile=True)
    page = context.new_page()
    small: list[str] = []
    pages = 0

    def measure(name: str) -> None:
        nonlocal pages
        pages += 1
        targets = page.evaluate(TARGETS_JS)
        assert targets, f"{name}: nothing to touch"
        small.extend(
            f"{name}: {t['what']} is {t['width']}x{t['height']}"
            for t in targets
            if t["width"] < 44 or t["height"] < 44
        )

    page.goto(live_server.kiosk_url + "?lang=en&easy_read=no")
    measure("start")
    continue_button(page).tap()
    page.wait_for_url("**/rating")
    continue_button(page).tap()  # nothing chosen: the error summary's link is a target too
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    measure("rating with an error")
    page.locator(".nhsuk-error-summary a").tap()  # takes the person to the first option
    expect(page.locator(f"{RADIO}[value='1']")).to_be_focused()
    answers = [
        ("rating", "3"),
        ("reason", None),
        ("respondent", "family_or_friend"),
        ("about_you", "yes"),
        ("age_band", "65_74"),
        ("sex", "female"),
        ("ethnicity", None),
        ("disability", "not_said"),
    ]
    for question, value in answers:
        page.wait_for_url(f"**/{question}")
        measure(question)
        if value is not None:
            page.locator(f"{RADIO}[value='{value}'] + label").tap()
            assert checked_value(page) == value
        continue_button(page).tap()
    page.wait_for_url("**/thank-you")
    measure("thank-you")

    assert not small, f"touch targets under 44x44 CSS px on {pages} kiosk pages:\n" + "\n".join(
        small
    )
    stored = latest_response(live_server)
    assert stored["kiosk"] and stored["mode"] == "ELECTRONIC_DISCHARGE"
    assert stored["answers"] == {
        "rating": "3",
        "respondent": "family_or_friend",
        "about_you": "yes",
        "age_band": "65_74",
        "sex": "female",
        "disability": "not_said",
    }


# Easy read in English through every page; in Urdu (right to left) the shorter path.
@pytest.mark.parametrize(
    ("query", "about_you"), [("?lang=en&easy_read=yes", True), ("?lang=ur&easy_read=yes", False)]
)
def test_a_320px_screen_never_scrolls_sideways(
    query: str, about_you: bool, new_context: Any, live_server: Any
) -> None:
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    too_wide: list[str] = []

    def check(name: str) -> None:
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            culprits = page.evaluate(
                """() => [...document.querySelectorAll("body *")]
                  .filter(el => { const b = el.getBoundingClientRect();
                                  return b.width > 0 && (b.right > 321 || b.left < -1); })
                  .slice(0, 5).map(el => el.tagName.toLowerCase() + "." + el.className)"""
            )
            too_wide.append(f"{name}: {width}px wide, overflowing: {culprits}")

    complete_by_clicking(page, live_server.start_url + query, about_you=about_you, on_page=check)
    page.goto(live_server.start_url)
    continue_button(page).click()
    page.wait_for_url("**/rating")
    continue_button(page).click()  # nothing chosen: the error summary and message
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    check("rating with an error")

    assert not too_wide, "horizontal scrolling at 320px:\n" + "\n".join(too_wide)


# Where, across the page, the radio circle (label::before), the checked dot (::after), the
# see-through input and the label's words are: left and right edges in CSS px.
RADIO_GEOMETRY_JS = """(label) => {
  const item = label.closest(".nhsuk-radios__item").getBoundingClientRect();
  const edges = (pseudo) => {
    const s = getComputedStyle(label, pseudo);
    const borders = parseFloat(s.borderLeftWidth) + parseFloat(s.borderRightWidth);
    const width = parseFloat(s.width) + (s.boxSizing === "border-box" ? 0 : borders);
    const left = s.left !== "auto" ? item.left + parseFloat(s.left)
                                   : item.right - parseFloat(s.right) - width;
    const shift = s.transform === "none" ? 0 : new DOMMatrix(s.transform).m41;
    return {left: left + shift, right: left + shift + width};
  };
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  const input = document.getElementById(label.htmlFor).getBoundingClientRect();
  return {circle: edges("::before"), dot: edges("::after"),
          input: {left: input.left, right: input.right},
          text: {left: text.left, right: text.right}};
}"""


# The back link's chevron (its ::before): where it is beside the word, and which way it turns.
BACK_CHEVRON_JS = """(link) => {
  const box = link.getBoundingClientRect();
  const s = getComputedStyle(link, "::before");
  const left = box.left + parseFloat(s.left);
  const range = document.createRange();
  range.selectNodeContents(link);
  const text = range.getBoundingClientRect();
  const m = new DOMMatrix(s.transform);
  return {chevron: {left: left, right: left + parseFloat(s.width)},
          text: {left: text.left, right: text.right},
          angle: Math.round(Math.atan2(m.b, m.a) * 180 / Math.PI)};
}"""


def _centre(edges: dict[str, float]) -> float:
    return (edges["left"] + edges["right"]) / 2


@pytest.mark.parametrize(
    ("lang", "side", "chevron_angle"), [("ur", "right", 45), ("en", "left", -135)]
)
def test_radio_circles_and_the_back_arrow_follow_the_reading_direction(
    lang: str, side: str, chevron_angle: int, page: Any, live_server: Any
) -> None:
    page.goto(f"{live_server.start_url}?lang={lang}&easy_read=no")
    continue_button(page).click()
    page.wait_for_url("**/rating")
    choose(page, "1")
    for label in page.locator(".nhsuk-radios__label").all():
        where = page.evaluate(RADIO_GEOMETRY_JS, label.element_handle())
        circle, text = where["circle"], where["text"]
        if side == "right":
            assert circle["left"] >= text["right"] - 1, (
                f"{lang}: circle not right of words: {where}"
            )
        else:
            assert circle["right"] <= text["left"] + 1, f"{lang}: circle not left of words: {where}"
        # The circle is drawn over the see-through input a finger or click actually hits.
        assert abs(_centre(circle) - _centre(where["input"])) <= 3, f"{lang}: {where}"
    chosen = page.locator(f"{RADIO}[value='1'] + label").element_handle()
    where = page.evaluate(RADIO_GEOMETRY_JS, chosen)
    assert abs(_centre(where["dot"]) - _centre(where["circle"])) <= 2, (
        f"{lang}: dot off centre {where}"
    )

    # Back: the chevron is before the word in reading order and points back (45deg: right).
    back = page.evaluate(BACK_CHEVRON_JS, page.locator(".nhsuk-back-link").element_handle())
    if side == "right":
        assert back["chevron"]["left"] >= back["text"]["right"] - 1, f"{lang}: {back}"
    else:
        assert back["chevron"]["right"] <= back["text"]["left"] + 1, f"{lang}: {back}"
    assert back["angle"] == chevron_angle, f"{lang}: the back chevron points the wrong way {back}"
