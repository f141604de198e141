"""The dashboards and the People's Council summary on a ward with history, in the real browser:
axe with every "Show the data" table open, at 320px wide, by keyboard, and as printed."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import BROWSER_MARKS, LiveServer, axe_violations
from tests.browser.test_staff_pages import sign_in

pytestmark = list(BROWSER_MARKS)
# The elements that stick out past the window, outside the regions meant to scroll.
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
               && !e.closest('.app-table-scroll'))
  .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)"""


@pytest.fixture(scope="module")
def history(live_server: LiveServer) -> dict[str, Any]:
    """Fifteen months of feedback on one ward, eligible counts, an action and a quote."""
    from feedback.auth.models import Role
    from feedback.dashboard.council import approve_quote
    from feedback.dashboard.periods import add_months, quarter_from_args
    from feedback.db import trust_today
    from feedback.extensions import db
    from feedback.themes.models import Comment
    from tests.dashboard.helpers import done_action, eligible, refresh, responses
    from tests.factories import make_directorate, make_location, make_service, make_user

    app = live_server.app
    with app.app_context():
        ward = make_location(
            service=make_service("Chart wards", make_directorate("Chart directorate")),
            name="Rowan Ward",
        )
        last = add_months(trust_today().replace(day=1), -1)
        for n in range(15):
            month = add_months(last, -n)
            ratings = [1, 1, 2, 2, 1, 3, 4] if n else [5, 5, 4, 4, 5, 5, 1]
            responses(ward, month, ratings, comment="The staff were kind and the food was cold")
            eligible(ward, month, 30)
        done_action(ward, "The food was cold.", "We bought hot trolleys.", last)
        px = make_user(Role.PX_TEAM)
        council = make_user(Role.PEOPLES_COUNCIL)
        refresh()
        # Other browser tests share the live server's database: pick this fixture's comment.
        comment = (
            db.session.query(Comment)
            .filter(Comment.location_id == ward.id)
            .order_by(Comment.id.desc())
            .first()
        )
        approve_quote(quarter_from_args(None, trust_today()), comment, comment.text, px)
        db.session.commit()
        return {
            "ward": ward.id,
            "service": ward.service_id,
            "directorate": ward.service.directorate_id,
            "px": px.email,
            "council": council.email,
        }


def _problems(page: Any, where: str) -> list[str]:
    found = axe_violations(page)
    return [
        f"{where}: {v['id']} {v['help']} {[n['target'] for n in v['nodes']][:3]}" for v in found
    ]


def _open_every_table(page: Any) -> int:
    return page.evaluate(
        "() => { const all = document.querySelectorAll('details'); "
        "all.forEach(d => d.open = true); return all.length; }"
    )


def test_dashboards_with_charts_and_their_tables_open_pass_axe_at_any_width(
    page: Any, live_server: LiveServer, history: dict[str, Any]
) -> None:
    sign_in(page, live_server, history["px"])
    problems: list[str] = []
    pages = [
        "/dashboard/trust",
        f"/dashboard/directorate/{history['directorate']}",
        f"/dashboard/service/{history['service']}?period=quarter&quarter=2026-Q2",
        f"/dashboard/location/{history['ward']}?period=custom&from=2025-09&to=2026-11",
        "/dashboard/warnings/",
    ]
    for url in pages:
        for width in (1200, 320):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}{url}")
            if "warnings" not in url:
                assert _open_every_table(page) >= 3, url
                assert page.locator("svg.app-chart__svg").count() >= 2, url
            problems += _problems(page, f"{url} at {width}px")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                wide = page.evaluate(WIDEST)
                problems.append(f"{url} at {width}px scrolls sideways by {overflow}px: {wide}")
    assert not problems, "\n".join(problems)


def test_show_the_data_opens_from_the_keyboard(
    page: Any, live_server: LiveServer, history: dict[str, Any]
) -> None:
    sign_in(page, live_server, history["px"])
    page.goto(f"{live_server.url}/dashboard/location/{history['ward']}")
    summary = page.locator("#chart-positive summary")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('#chart-positive summary') !== null"):
            break
    else:
        pytest.fail("Tab never reached the chart's 'Show the data'")
    page.keyboard.press("Enter")
    assert summary.evaluate("s => s.parentElement.open")
    assert page.locator("#chart-positive table").is_visible()


def test_the_peoples_council_summary_passes_axe_in_easy_read_plain_and_print(
    page: Any, live_server: LiveServer, history: dict[str, Any]
) -> None:
    sign_in(page, live_server, history["council"])
    problems: list[str] = []
    for url in ("/council/", "/council/?easy_read=no", "/council/print"):
        for width in (1200, 320):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{live_server.url}{url}")
            problems += _problems(page, f"{url} at {width}px")
    page.emulate_media(media="print")
    page.goto(f"{live_server.url}/council/print")
    assert not page.locator(".nhsuk-header").is_visible()
    assert page.locator("img.app-picture").count() >= 4
    problems += _problems(page, "/council/print as printed")
    assert "The staff were kind" in page.content()  # the approved quote
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert not problems, "\n".join(problems)
