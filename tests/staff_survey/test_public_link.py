"""One link for the whole trust: inside a window it starts the survey, outside it says when
the next window opens, in the person's language, and never fails."""

from __future__ import annotations

from datetime import timedelta

from babel.messages.pofile import read_po

from feedback.config import PROJECT_ROOT
from feedback.db import trust_today
from feedback.extensions import db
from feedback.staff_survey.models import StaffSurveyWindow
from tests.staff_survey.helpers import BASE, window_around_today
from tests.surveys.journey_helpers import answer


def _urdu(message: str) -> str:
    path = PROJECT_ROOT / "translations" / "ur" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as file:
        return read_po(file).get(message).string


def _next_window(days_ahead: int = 40, length: int = 20) -> StaffSurveyWindow:
    opens = trust_today() + timedelta(days=days_ahead)
    window = StaffSurveyWindow(
        name="Next", opens_on=opens, closes_on=opens + timedelta(days=length - 1)
    )
    db.session.add(window)
    db.session.commit()
    return window


def test_inside_a_window_the_link_starts_the_survey_in_the_persons_language(client):
    window = window_around_today()
    handed_over = client.get("/staff-survey/?lang=ur&easy_read=no")
    assert handed_over.status_code == 302
    assert handed_over.headers["Location"].endswith(f"{BASE}/?lang=ur&easy_read=no")
    start = client.get(f"{BASE}/?lang=ur").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in start
    assert "عملے کا پلس سروے" in start  # the questionnaire's own Urdu title
    closes = window.closes_on
    assert f"{closes.year}" in start and _urdu("Start") in start
    question = client.get(f"{BASE}/item_1").get_data(as_text=True)
    assert "مجھے کام پر جانے کا انتظار رہتا ہے" in question


def test_inside_a_window_in_english(client):
    window_around_today()
    page = client.get(client.get("/staff-survey/").headers["Location"]).get_data(as_text=True)
    assert "Staff pulse survey" in page and "The survey is open until" in page
    assert "we do not keep your email address, your IP address or the time you answered" in page


def test_outside_a_window_it_says_when_the_next_opens(client):
    window = _next_window()
    page = client.get("/staff-survey/?lang=en")
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "The staff survey is not open at the moment" in text
    opens = window.opens_on
    assert f"opens on {opens.day} {opens:%B %Y}" in text


def test_outside_a_window_in_urdu_the_dates_are_in_urdu(client):
    window = _next_window()
    text = client.get("/staff-survey/?lang=ur").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in text
    assert _urdu("The staff survey is not open at the moment") in text
    from babel.dates import format_date

    assert format_date(window.opens_on, "d MMMM yyyy", locale="ur") in text


def test_with_no_window_set_it_says_none_is_scheduled_yet(client):
    past = StaffSurveyWindow(
        name="Long ago",
        opens_on=trust_today() - timedelta(days=400),
        closes_on=trust_today() - timedelta(days=380),
    )
    db.session.add(past)
    db.session.commit()
    for lang in ("en", "ur", "pl", "gu", "pa"):
        page = client.get(f"/staff-survey/?lang={lang}")
        assert page.status_code == 200, lang
    english = client.get("/staff-survey/?lang=en").get_data(as_text=True)
    assert "has not been set yet" in english and "January, April and July" in english


def test_the_questionnaire_itself_is_closed_outside_a_window(client):
    _next_window()
    assert client.get(f"{BASE}/").headers["Location"].endswith("/staff-survey/")
    assert client.get(f"{BASE}/item_1").headers["Location"].endswith("/staff-survey/")
    refused = answer(client, BASE, "item_1", "5")
    assert refused.headers["Location"].endswith("/staff-survey/")
    from feedback.surveys.models import Journey

    assert db.session.query(Journey).count() == 0  # nothing begun, nothing kept


def test_a_journey_begun_in_the_window_may_still_be_sent_the_day_after_it_closed(client):
    from feedback.surveys.models import Journey

    window = window_around_today(days_before=14, days_after=0)  # closes today
    client.get(f"{BASE}/")
    answer(client, BASE, "item_1", "4")
    # A day passes: the window closed yesterday, and the journey began on its last day.
    window.opens_on -= timedelta(days=1)
    window.closes_on -= timedelta(days=1)
    journey = db.session.query(Journey).one()
    journey.started_at -= timedelta(days=1)
    db.session.commit()
    assert answer(client, BASE, "item_2", "4").headers["Location"].endswith(f"{BASE}/item_3")
    # Someone else cannot begin now: the window has closed.
    other = client.application.test_client()
    assert other.get(f"{BASE}/").headers["Location"].endswith("/staff-survey/")


def test_a_journey_from_a_window_closed_too_long_ago_is_dropped_kindly(client):
    window = window_around_today(days_before=14, days_after=0)
    client.get(f"{BASE}/")
    answer(client, BASE, "item_1", "4")
    window.opens_on = trust_today() - timedelta(days=20)
    window.closes_on = trust_today() - timedelta(days=2)
    db.session.commit()
    # The draft began "inside" it, but answers can no longer be sent: the closed page says so.
    from feedback.surveys.models import Journey

    journey = db.session.query(Journey).one()
    journey.started_at = journey.started_at - timedelta(days=10)
    db.session.commit()
    moved_on = answer(client, BASE, "item_2", "4")
    assert moved_on.headers["Location"].endswith("/staff-survey/")
    assert db.session.query(Journey).count() == 0
    assert "Answers can only be sent while the survey is open" in client.get(
        "/staff-survey/"
    ).get_data(as_text=True)
