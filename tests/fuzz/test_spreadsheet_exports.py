"""Every spreadsheet a staff member downloads, filled with text a spreadsheet would run: no
text cell starts like a formula, and text that does not comes back exactly as typed.

The exports are the .csv and .xlsx rows of the access test's ROUTES, on its world; each
example writes generated text into what they show (names, categories, answers, the audit
trail) and downloads them all."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl import load_workbook

from feedback.audit.models import AuditAction, AuditEvent, AuditSubject
from feedback.auth.models import Role
from feedback.complaints.models import CategoryList
from feedback.complaints.services import list_categories
from feedback.extensions import db
from feedback.local_surveys.definitions import check_files
from feedback.local_surveys.publishing import publish
from feedback.metrics.suppression import MINIMUM_SHOWN
from feedback.organisation.models import Location
from feedback.staff_survey.models import StaffSurveyWindow
from feedback.surveys.models import ResponseMode
from feedback.surveys.schema import load_questionnaire
from feedback.surveys.services import create_response
from feedback.web.spreadsheet import FORMULA_STARTS
from tests.auth.test_access import ROUTES, build_route_world
from tests.factories import sign_in
from tests.fuzz.sending import fuzz_settings, send
from tests.local_surveys.helpers import open_now
from tests.web.test_spreadsheet import RUN_BY_A_SPREADSHEET

PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)",
    "-2+3",
    "+44 7700 900003",
    '=HYPERLINK("http://x.test")',
    "\uff1dSUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
]
# No controls but the starts' tab and line breaks: openpyxl cannot write the others into a
# sheet, and PostgreSQL refuses NUL. No lone surrogates, which UTF-8 cannot carry.
_WORDS = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
cell_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.builds(str.__add__, st.sampled_from(FORMULA_STARTS), _WORDS),
    st.builds(str.__add__, st.sampled_from([" ", "  ", "\u3000"]), st.sampled_from(PAYLOADS)),
    _WORDS,
    st.sampled_from(["Ash Ward", "Q1 2026/27", "Kind staff", "O'Brien ward", "5 East"]),
)
TEXTS = ("location", "service", "directorate", "window", "category", "email", "reference")
TEXTS += ("what", "answer")
SLEEP_TITLE = 'title = "Is the ward quiet enough for you to sleep at night?"'
_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")

# Exports that keep their values exactly, with why; every other export is checked below.
LEFT_AS_THEY_ARE = {
    "/metrics/imports/eligible/sample.csv": "location codes only, a template to fill in",
    "/metrics/imports/legacy/sample.csv": "location codes only, a template to fill in",
    "/sms/invites/sample.csv": "location codes only, a template to fill in",
    "/reports/fft-return/{month}/{setting}.csv": "NHS England's return: a stable interface",
}
# Which generated texts each export shows.
SHOWN = {
    "/complaints/figures/ko41a.csv?year=2024": ("category",),
    "/admin/audit/export.csv": ("email", "reference", "what"),
    "/dashboard/{service_level}/{service}/{export_name}.{export_kind}": ("location",),
    "/dashboard/service/{service}/trend.xlsx": (),
    "/dashboard/trust/{trust}/breakdown.csv": ("directorate",),
    "/results/{local}/v{version}.csv": ("question",),
    "/results/{local}/v{version}-answers.csv": ("answer",),
    "/prom/figures/export.csv": ("location",),
    "/staff-survey/results/{staff_window}/{staff_table}.csv": ("directorate", "window"),
}
# The same views' other files: Excel, another level, another breakdown.
ALSO = {
    "/dashboard/service/{service}/breakdown.xlsx": ("location",),
    "/dashboard/directorate/{directorate}/breakdown.csv": ("service",),
    "/prom/figures/export.csv?by=service": ("service",),
}


def _is_export(template: str) -> bool:
    return template.split("?")[0].endswith((".csv", ".xlsx", "{export_kind}"))


EXPORTS = [(template, allowed) for _method, template, allowed in ROUTES if _is_export(template)]


def test_every_export_is_checked_or_left_as_it_is_for_a_reason():
    templates = {template for template, _allowed in EXPORTS}
    assert templates == set(SHOWN) | set(LEFT_AS_THEY_ARE)
    assert not set(SHOWN) & set(LEFT_AS_THEY_ARE)


@pytest.fixture
def world(app):  # type: ignore[no-untyped-def]
    users, values = build_route_world(app.config["SECRET_KEY"])
    clients = {}
    for role in (Role.PX_TEAM, Role.ADMIN):
        clients[role] = app.test_client()
        sign_in(clients[role], users[role])
    # Each example publishes the local survey again, with its own question: a new version.
    return clients, values, itertools.count(values["version"] + 1)


def _cells(response: Any, path: str) -> list[tuple[str, Any]]:
    """Every cell as (kind, value): "s" text, "n" a number, "f" a formula."""
    if path.split("?")[0].endswith(".xlsx"):
        sheet = load_workbook(io.BytesIO(response.data)).active
        # An empty text cell reads back as no value.
        return [(c.data_type, "" if c.value is None else c.value) for row in sheet for c in row]
    rows = csv.reader(io.StringIO(response.get_data(as_text=True), newline=""))
    return [("n" if _NUMBER.fullmatch(cell) else "s", cell) for row in rows for cell in row]


def _excel_text(text: str) -> str:
    # XML reads a carriage return as a line feed, as Excel does.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _store(values: dict[str, Any], texts: dict[str, str], version: int) -> dict[str, Any]:
    """The generated texts written where the exports read them; the URL values to use."""
    location = db.session.scalar(db.select(Location).where(Location.code == values["loc"]))
    location.name = texts["location"]
    location.service.name = texts["service"]
    location.service.directorate.name = texts["directorate"]
    db.session.get(StaffSurveyWindow, values["staff_window"]).name = texts["window"]
    list_categories(CategoryList.AGE_BAND)[0].name = texts["category"]
    db.session.add(
        AuditEvent(
            user_email=texts["email"],
            user_role="admin",
            action=AuditAction.VIEWED,
            subject=AuditSubject.COMPLAINT,
            subject_ref=texts["reference"],
            what=texts["what"],
        )
    )
    title = json.dumps(texts["question"], ensure_ascii=False)  # a TOML string too
    files = open_now(**{"version = 1": f"version = {version}", SLEEP_TITLE: f"title = {title}"})
    publish(check_files(files), "upload")
    db.session.commit()
    questionnaire = load_questionnaire(values["local"], version=version)
    for number in range(MINIMUM_SHOWN):  # fewer, and the counts (and titles) are hidden
        create_response(
            questionnaire=questionnaire,
            answers={"sleep": "always", "comment": texts["answer"]},
            location_id=location.id,
            mode=ResponseMode.ELECTRONIC_HOME,
            idempotency_key=f"spreadsheet-{version}-{number}",
        )
    db.session.commit()
    return {**values, "version": version}


def _check(response: Any, path: str, texts: list[str]) -> None:
    assert response.status_code == 200, (path, response.status_code)
    cells = _cells(response, path)
    assert not [value for kind, value in cells if kind == "f"], path
    live = [v for kind, v in cells if kind == "s" and v.startswith(RUN_BY_A_SPREADSHEET)]
    assert not live, (path, live)
    shown = {value for _kind, value in cells}
    excel = path.split("?")[0].endswith(".xlsx")
    for text in texts:
        expected = "'" + text if text.startswith(RUN_BY_A_SPREADSHEET) else text
        assert (_excel_text(expected) if excel else expected) in shown, (path, text)


@fuzz_settings(30)
@example(texts=dict.fromkeys([*TEXTS, "question"], "-2+3"))
@example(texts=dict.fromkeys([*TEXTS, "question"], "\r=1+1"))
@given(
    texts=st.fixed_dictionaries(
        {**dict.fromkeys(TEXTS, cell_text), "question": cell_text.filter(str.strip)}
    )
)
def test_no_export_holds_a_live_formula_and_plain_text_is_as_typed(world, texts):
    clients, values, versions = world
    filled = _store(values, texts, next(versions))
    for template, shows in [*SHOWN.items(), *ALSO.items()]:
        allowed = dict(EXPORTS).get(template, {Role.PX_TEAM})
        client = clients[Role.PX_TEAM if Role.PX_TEAM in allowed else Role.ADMIN]
        path = template.format(**filled)
        _check(send(client, "GET", path), path, [texts[name] for name in shows])
