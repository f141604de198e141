"""The lean patient components render the same markup as the NHS.UK frontend's own macros."""

from __future__ import annotations

import re

import pytest
from flask import render_template_string
from markupsafe import Markup


def _normalise(html: str) -> str:
    html = re.sub(r"\s+", " ", str(html))
    return re.sub(r"\s*([<>])\s*", r"\1", html).strip()


def _both(ours: str, theirs: str, **context: object) -> tuple[str, str]:
    from flask import current_app

    with current_app.test_request_context():
        return (
            _normalise(render_template_string(ours, **context)),
            _normalise(render_template_string(theirs, **context)),
        )


@pytest.mark.parametrize("error", [None, "Select an answer"])
@pytest.mark.parametrize("kind", ["radios", "checkboxes"])
def test_choices_match_the_nhs_macros(app, kind, error):
    items = [{"value": "1", "text": "Very good", "checked": True}, {"value": "2", "text": "Good"}]
    legend = Markup('<h1 class="nhsuk-fieldset__heading">Question</h1>')
    ours, theirs = _both(
        '{% from "components/patient.html" import choices %}'
        '{{ choices(kind, "answer", items, legend, "A hint", error) }}',
        '{% from "nhsuk/components/" ~ kind ~ "/macro.jinja" import ' + kind + " as m %}"
        '{{ m({"idPrefix": "answer", "name": "answer", "items": items, "hint": {"text": "A hint"},'
        ' "errorMessage": {"text": error} if error else undefined,'
        ' "fieldset": {"legend": {"html": legend, "classes": "nhsuk-fieldset__legend--l"}}}) }}',
        kind=kind,
        items=items,
        legend=legend,
        error=error,
    )
    assert ours == theirs


def test_back_link_and_error_summary_match_the_nhs_macros(app):
    ours, theirs = _both(
        '{% from "components/patient.html" import back_link, error_summary %}'
        '{{ back_link("/x", "Back") }}{{ error_summary([("Wrong", "#answer")]) }}',
        '{% from "nhsuk/components/back-link/macro.jinja" import backLink %}'
        '{% from "nhsuk/components/error-summary/macro.jinja" import errorSummary %}'
        '{{ backLink({"href": "/x", "text": "Back"}) }}'
        '{{ errorSummary({"titleText": "There is a problem",'
        ' "errorList": [{"text": "Wrong", "href": "#answer"}]}) }}',
    )
    assert ours == theirs


def test_button_link_matches_the_nhs_macro(app):
    ours, theirs = _both(
        '{% from "components/patient.html" import button_link %}'
        '{{ button_link("Start", "/x", "app-button--start") }}',
        '{% from "nhsuk/components/button/macro.jinja" import button %}'
        '{{ button({"text": "Start", "href": "/x", "classes": "app-button--start"}) }}',
    )
    assert ours == theirs
