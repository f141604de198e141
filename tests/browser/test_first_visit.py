"""The FFT's first page from a home link, served with hashed, compressed static files: it is
styled as the NHS.UK frontend styles it, its logo and script load under the strict CSP, the
second page fetches nothing again, and axe finds nothing (test_accessibility.py walks every
page; this one looks at what the static files change)."""

from __future__ import annotations

import re
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.conftest import AXE_OPTIONS, BROWSER_MARKS, LiveServer, continue_button

pytestmark = list(BROWSER_MARKS)

HASHED = re.compile(r"/(?:static|assets)/.+\.[0-9a-f]{12}\.[a-z0-9]+$")


def _watch(page: Any) -> tuple[list[str], list[str]]:
    """The same-origin URLs the page fetched from the network, and its console errors."""
    fetched: list[str] = []
    errors: list[str] = []
    page.on(
        "requestfinished",
        lambda request: fetched.append(request.url) if "assets.nhs.uk" not in request.url else None,
    )
    # The fonts' host is blocked (offline): its refusals are expected.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and "assets.nhs.uk" not in m.location.get("url", "")
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return fetched, errors


def test_the_first_page_is_styled_and_accessible(page: Any, live_server: LiveServer) -> None:
    fetched, errors = _watch(page)
    page.goto(live_server.start_url)
    page.wait_for_load_state("networkidle")

    header = page.locator("header.nhsuk-header")
    expect(header).to_have_css("background-color", "rgb(0, 94, 184)")  # NHS blue: the CSS came
    expect(continue_button(page)).to_have_css("background-color", "rgb(0, 127, 59)")
    # The logo's shape comes from a hashed SVG file (<use>): it has drawn when it has a size.
    logo_width = page.evaluate("document.querySelector('.nhsuk-header__logo use').getBBox().width")
    assert logo_width > 100
    # The NHS.UK script ran (it marks the header it started) from the hashed bundle.
    assert page.evaluate("document.body.classList.contains('nhsuk-frontend-supported')")
    expect(page.locator("[data-module='nhsuk-button'][data-nhsuk-button-init]")).to_have_count(1)

    assets = [url for url in fetched if "/static/" in url or "/assets/" in url]
    assert assets and all(HASHED.search(url) for url in assets), assets
    assert not errors, errors  # a CSP refusal or a failed module import would show here

    results = Axe().run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


def test_the_second_page_fetches_nothing_but_itself(new_context: Any, live_server: Any) -> None:
    # page.route (as the shared fixture blocks the fonts with) turns the HTTP cache off, which
    # is what this test is about: block the fonts host through CDP instead.
    context = new_context()
    context.unroute("https://assets.nhs.uk/**")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setBlockedURLs", {"urls": ["*assets.nhs.uk*"]})
    page.goto(live_server.start_url)
    page.wait_for_load_state("networkidle")

    # A response from the HTTP cache has no bytes from the network.
    urls: dict[str, str] = {}
    from_network: list[str] = []

    def sent(event: dict[str, Any]) -> None:
        urls[event["requestId"]] = event["request"]["url"]

    def finished(event: dict[str, Any]) -> None:
        if event["encodedDataLength"] > 0:
            from_network.append(urls.get(event["requestId"], "?"))

    cdp.on("Network.requestWillBeSent", sent)
    cdp.on("Network.loadingFinished", finished)
    continue_button(page).click()
    page.wait_for_url("**/rating")
    page.wait_for_load_state("networkidle")
    assert [url for url in from_network if not url.endswith("/rating")] == [], from_network
    expect(page.locator("header.nhsuk-header")).to_have_css("background-color", "rgb(0, 94, 184)")
