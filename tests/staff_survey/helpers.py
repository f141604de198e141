"""Windows, responses and journeys for the staff survey tests."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

from flask.testing import FlaskClient

from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.models import Directorate
from feedback.staff_survey.models import StaffPulseComment, StaffPulseResponse, StaffSurveyWindow
from tests.factories import make_directorate
from tests.surveys.journey_helpers import answer

BASE = "/forms/staff-pulse"
QUESTIONS = (
    *(f"item_{n}" for n in range(1, 10)),
    "comment",
    "directorate",
    "staff_group",
    "ethnicity",
    "disability",
)


def window_around_today(days_before: int = 3, days_after: int = 10) -> StaffSurveyWindow:
    """A window open today. Made directly: today may not be in January, April or July, and
    the admins' rules are tested on their own (test_windows)."""
    today = trust_today()
    window = StaffSurveyWindow(
        name="Open now",
        opens_on=today - timedelta(days=days_before),
        closes_on=today + timedelta(days=days_after),
    )
    db.session.add(window)
    db.session.commit()
    return window


def past_window(opens_on: date = date(2026, 4, 6), days: int = 21, name: str | None = None):  # type: ignore[no-untyped-def]
    """A window whose results are final (it closed long before today)."""
    window = StaffSurveyWindow(
        name=name or f"Window {opens_on:%b %Y}",
        opens_on=opens_on,
        closes_on=opens_on + timedelta(days=days - 1),
    )
    db.session.add(window)
    db.session.commit()
    return window


def directorates(*names: str) -> list[Directorate]:
    made = [make_directorate(name) for name in names]
    db.session.commit()
    return made


def add_responses(
    window: StaffSurveyWindow, count: int, answers: Mapping[str, Any] | None = None
) -> None:
    """`count` responses with the same answers (item ids to 1-5, directorate_id, ...)."""
    for _ in range(count):
        db.session.add(StaffPulseResponse(window_id=window.id, **dict(answers or {})))
    db.session.commit()


def add_comments(window: StaffSurveyWindow, texts: Iterable[str]) -> None:
    for number, text in enumerate(texts, start=1):
        db.session.add(
            StaffPulseComment(
                id=1000 + window.id * 100 + number, window_id=window.id, text=text, language="en"
            )
        )
    db.session.commit()


def complete_survey(client: FlaskClient, answers: Mapping[str, str | None], query: str = ""):  # type: ignore[no-untyped-def]
    """Go through every page from the start, as staff do; returns the last page's response."""
    assert client.get(f"{BASE}/{query}").status_code == 200
    last = None
    for question in QUESTIONS:
        last = answer(client, BASE, question, answers.get(question))
        assert last.status_code == 302, (question, last.get_data(as_text=True)[:500])
    return last
