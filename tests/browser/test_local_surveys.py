"""In a browser: a local survey (a ward's team survey, a pair's "before" with its code, and a
closed survey) passes axe with no WCAG 2.2 AA failures in English, easy read and Urdu (its
own Urdu translation, English where it has none), and so do the publish and results pages."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.local_surveys.definitions import check_files
from feedback.local_surveys.publishing import publish
from feedback.surveys.models import ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response
from tests.browser.conftest import BROWSER_MARKS, VARIANTS, LiveServer, continue_button
from tests.browser.test_accessibility import PageAudit
from tests.browser.test_staff_pages import StaffAudit, sign_in
from tests.factories import make_location, make_user
from tests.local_surveys.helpers import open_now, publish_example, with_dates

pytestmark = list(BROWSER_MARKS)


@pytest.fixture(scope="module")
def world(live_server: LiveServer) -> dict[str, Any]:
    with live_server.app.app_context():
        ward = make_location(name="Rowan Ward")
        publish_example("ward-environment")
        publish_example("camhs-transition")
        closed = open_now(**{'id = "ward-environment"': 'id = "ward-survey-closed"'})
        today = trust_today()
        closed["questionnaire.toml"] = with_dates(
            closed["questionnaire.toml"], today - timedelta(40), today - timedelta(10)
        )
        publish(check_files(closed), "upload")
        questionnaire = load_questionnaire("ward-environment")
        for number in range(8):
            create_response(
                questionnaire=questionnaire,
                answers={"sleep": ["always", "never"][number % 2], "comment": f"Note {number}"},
                location_id=ward.id,
                mode=ResponseMode.ELECTRONIC_HOME,
                idempotency_key=f"browser-local-{number}",
            )
        px = make_user(Role.PX_TEAM)
        db.session.commit()
        return {"ward": ward.code, "px": px.email}


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_local_survey_passes_axe_in_each_language(
    variant: str, page: Any, live_server: LiveServer, world: dict[str, Any]
) -> None:
    query, lang, direction, easy_read = VARIANTS[variant]
    audit = PageAudit(page, lang, direction)
    base = f"{live_server.url}/forms/ward-environment/at/{world['ward']}"

    page.goto(f"{base}/{query}")
    expect(page.locator("body.app-easy-read")).to_have_count(1 if easy_read else 0)
    audit.check("local survey start page")
    continue_button(page).click()
    page.wait_for_url("**/sleep")
    audit.check("first question")
    continue_button(page).click()  # nothing chosen: it is required
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    audit.check("first question with its error")
    page.locator('input[name="answer"][value="sometimes"]').check()
    continue_button(page).click()
    page.wait_for_url("**/clean")
    continue_button(page).click()
    page.wait_for_url("**/improve")
    page.locator('input[name="answer"][value="garden"]').check()
    audit.check("a question with many choices")
    continue_button(page).click()
    page.wait_for_url("**/comment")
    page.locator("textarea[name=answer]").fill("Browser test: quiet at night")
    continue_button(page).click()
    page.wait_for_url("**/thank-you")
    audit.check("thank-you page")

    pair = f"{live_server.url}/forms/camhs-transition-before"
    page.goto(f"{pair}/{query}")
    audit.check("a pair's before start page (no Urdu translation: English text)")
    continue_button(page).click()
    page.wait_for_url("**/ready")
    page.locator('input[name="answer"][value="a_bit"]').check()
    continue_button(page).click()
    page.wait_for_url("**/know_who")
    continue_button(page).click()
    page.wait_for_url("**/worries")
    continue_button(page).click()
    page.wait_for_url("**/thank-you")
    expect(page.locator(".app-pair-code")).to_have_text(re.compile(r"^[A-Z0-9]{4} [A-Z0-9]{4}$"))
    audit.check("before's thank-you page with the code to keep")

    page.goto(f"{live_server.url}/forms/camhs-transition-after/{query}")
    audit.check("a pair's after start page")
    page.goto(f"{live_server.url}/forms/ward-survey-closed/at/{world['ward']}/{query}")
    audit.check("a closed survey")
    audit.assert_clean()


def test_the_publish_and_results_pages_pass_axe(
    page: Any, live_server: LiveServer, world: dict[str, Any], tmp_path: Path
) -> None:
    sign_in(page, live_server, world["px"])
    audit = StaffAudit(page)
    for url in (
        "/local-surveys/",
        "/local-surveys/publish",
        "/local-surveys/ward-environment",
        "/local-surveys/camhs-transition",
        f"/local-surveys/ward-environment/poster?location={world['ward']}",
        "/results/",
        "/results/ward-environment/v1",
        "/results/camhs-transition-after/v1",
    ):
        audit.visit(f"{live_server.url}{url}")

    bad = tmp_path / "questionnaire.toml"
    bad.write_text(open_now()["questionnaire.toml"].replace('id = "clean"', 'id = "clean" x'))
    page.goto(f"{live_server.url}/local-surveys/publish")
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="Check and publish").click()
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("questionnaire.toml, line ")
    audit.check("publish page with a refused file")

    page.goto(f"{live_server.url}/results/ward-environment/v1")
    page.locator(".nhsuk-details__summary").first.click()
    expect(page.get_by_text("Note 3")).to_be_visible()
    audit.check("results page with written answers open")
    audit.assert_clean()
