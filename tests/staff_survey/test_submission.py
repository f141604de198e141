"""A sent survey is one response in its own table, with its window and answers only: no name,
email, IP address or time, and nothing left that pairs the answers with a moment."""

from __future__ import annotations

from datetime import UTC, datetime, time

import sqlalchemy as sa
from sqlalchemy import select

from feedback.db import TRUST_TIMEZONE, as_utc, trust_today
from feedback.extensions import db
from feedback.staff_survey.models import (
    StaffPulseComment,
    StaffPulseReceipt,
    StaffPulseResponse,
)
from feedback.surveys.models import Journey, Response
from tests.staff_survey.helpers import BASE, complete_survey, directorates, window_around_today
from tests.surveys.journey_helpers import answer

ANSWERS = {
    "item_1": "4",
    "item_2": "5",
    "item_3": "2",
    "item_5": "1",
    "item_8": "4",
    "item_9": "3",
    "comment": "The new rota has helped, but we are short of staff at weekends.",
    "staff_group": "bank",
    "ethnicity": "black",
    "disability": "not_said",
}

# Columns a response, comment or receipt may have: nothing else, and nothing like a time.
RESPONSE_COLUMNS = {
    "id",
    "window_id",
    *(f"item_{n}" for n in range(1, 10)),
    "directorate_id",
    "directorate_not_said",
    "staff_group",
    "ethnicity",
    "disability",
}


def test_a_sent_survey_is_stored_with_its_window_and_answers_only(client):
    window = window_around_today()
    [chs] = directorates("Community Health Services")
    final = complete_survey(client, {**ANSWERS, "directorate": chs.code})
    assert final.headers["Location"].endswith(f"{BASE}/thank-you")
    thanks = client.get(f"{BASE}/thank-you").get_data(as_text=True)
    assert "We have your answers" in thanks and "Give more feedback" not in thanks

    [response] = db.session.scalars(select(StaffPulseResponse)).all()
    assert response.window_id == window.id
    assert [getattr(response, f"item_{n}") for n in range(1, 10)] == [
        4,
        5,
        2,
        None,
        1,
        None,
        None,
        4,
        3,
    ]
    assert (response.directorate_id, response.directorate_not_said) == (chs.id, False)
    assert (response.staff_group, response.ethnicity, response.disability) == (
        "bank",
        "black",
        "not_said",
    )
    [comment] = db.session.scalars(select(StaffPulseComment)).all()
    assert comment.text == ANSWERS["comment"] and comment.window_id == window.id
    assert db.session.scalar(select(sa.func.count()).select_from(Response)) == 0  # not FFT


def test_the_tables_hold_no_name_email_ip_address_or_time(app):
    inspector = sa.inspect(db.engine)
    columns = {
        table: {c["name"] for c in inspector.get_columns(table)}
        for table in ("staff_pulse_response", "staff_pulse_comment", "staff_pulse_receipt")
    }
    assert columns["staff_pulse_response"] == RESPONSE_COLUMNS
    assert columns["staff_pulse_comment"] == {"id", "window_id", "text", "language"}
    assert columns["staff_pulse_receipt"] == {"journey_key"}
    for table, names in columns.items():
        for column in inspector.get_columns(table):
            assert not isinstance(column["type"], sa.DateTime | sa.Date), (table, column)
        assert not names & {"name", "email", "ip", "ip_address", "submitted_at", "created_at"}


def test_what_survives_submission_cannot_pair_the_answers_with_a_moment(client):
    window_around_today()
    complete_survey(client, ANSWERS)
    [journey] = db.session.scalars(select(Journey)).all()
    # The draft is empty and keeps only the day (midnight at the trust), not the time.
    assert journey.answers == {}
    midnight = datetime.combine(trust_today(), time(0), tzinfo=TRUST_TIMEZONE).astimezone(UTC)
    assert {
        as_utc(journey.started_at),
        as_utc(journey.updated_at),
        as_utc(journey.submitted_at),
    } == {midnight}
    # The journey key leads to a receipt, and the receipt to nothing.
    [receipt] = db.session.scalars(select(StaffPulseReceipt)).all()
    assert receipt.journey_key == journey.id
    response = db.session.scalars(select(StaffPulseResponse)).one()
    assert journey.id not in {str(getattr(response, c)) for c in RESPONSE_COLUMNS}
    # The comment's id is random, not the next number after the response's.
    comment = db.session.scalars(select(StaffPulseComment)).one()
    assert comment.id not in (response.id, response.id + 1)


def test_a_double_tap_or_a_retry_records_one_response(client):
    window_around_today()
    complete_survey(client, ANSWERS)
    again = answer(client, BASE, "disability", "yes")  # the same last tap, once more
    assert again.headers["Location"].endswith(f"{BASE}/thank-you")
    assert db.session.scalar(select(sa.func.count()).select_from(StaffPulseResponse)) == 1
    assert db.session.scalar(select(sa.func.count()).select_from(StaffPulseComment)) == 1
    assert db.session.scalar(select(sa.func.count()).select_from(StaffPulseReceipt)) == 1


def test_a_race_between_two_taps_is_settled_by_the_receipt(app):
    from feedback.staff_survey.submission import STAFF_PULSE, record_staff_response
    from feedback.surveys.schema import load_questionnaire
    from feedback.surveys.submission import Submission

    window_around_today()
    submission = Submission(
        key="the-same-journey",
        questionnaire=load_questionnaire("staff-pulse"),
        answers={"item_1": "5"},
        location_id=None,
        mode=None,  # type: ignore[arg-type]
        kiosk_id=None,
        started_at=datetime.now(UTC),
    )
    record_staff_response(submission)
    db.session.commit()
    assert STAFF_PULSE.find("the-same-journey") == ""
    assert STAFF_PULSE.find("another-journey") is None
    record_staff_response(submission)
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        db.session.rollback()
    else:  # pragma: no cover - the unique receipt must refuse the second
        raise AssertionError("the second record was accepted")
    assert db.session.scalar(select(sa.func.count()).select_from(StaffPulseResponse)) == 1


def test_every_answer_may_be_skipped_and_prefer_not_to_say_is_kept_apart(client):
    window_around_today()
    directorates("Adult Mental Health")
    complete_survey(client, {"directorate": "not_said"})
    response = db.session.scalars(select(StaffPulseResponse)).one()
    assert (response.directorate_id, response.directorate_not_said) == (None, True)
    assert response.staff_group is None and response.item_1 is None
    assert db.session.scalar(select(sa.func.count()).select_from(StaffPulseComment)) == 0


def test_the_directorates_offered_are_the_organisations(client):
    window_around_today()
    amh, _chs = directorates("Adult Mental Health", "Community Health Services")
    client.get(f"{BASE}/")
    for question in (f"item_{n}" for n in range(1, 10)):
        answer(client, BASE, question, None)
    answer(client, BASE, "comment", "")
    page = client.get(f"{BASE}/directorate").get_data(as_text=True)
    assert f'value="{amh.code}"' in page and "Community Health Services" in page
    assert "Prefer not to say" in page
    refused = answer(client, BASE, "directorate", "NOT-A-DIRECTORATE")
    assert refused.status_code == 200
    assert "Select one of the options shown" in refused.get_data(as_text=True)
