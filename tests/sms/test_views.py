"""The staff SMS pages: invite uploads (preview, confirm, resend), the test phone, the outbox."""

from __future__ import annotations

import html
import io
import re
from datetime import UTC, datetime, time

import pytest
from sqlalchemy import func, select

from feedback.auth.models import Role
from feedback.db import TRUST_TIMEZONE, trust_today
from feedback.extensions import db
from feedback.sms import uploads, views
from feedback.sms.models import (
    ConversationState,
    InviteStatus,
    SmsConversation,
    SmsInvite,
    SmsMessage,
    SmsOptOut,
)
from feedback.surveys.models import Response, ResponseMode
from tests.factories import make_location, make_user, sign_in
from tests.sms.helpers import settings, texts_sent

HEADER = "location_code,mobile,contact_date,language,do_not_contact"


@pytest.fixture
def app(make_app):  # type: ignore[no-untyped-def]
    app = make_app(**settings())
    with app.app_context():
        yield app


@pytest.fixture
def px(app):  # type: ignore[no-untyped-def]
    client = app.test_client()
    sign_in(client, make_user(Role.PX_TEAM, email="px@example.nhs.uk"))
    return client


@pytest.fixture
def wards(app):  # type: ignore[no-untyped-def]
    return make_location("BRAD-ASH", name="Ashby Ward, Bradgate Unit"), make_location("KIRBY")


def _today() -> str:
    return trust_today().isoformat()


def _upload(client, content: bytes | str, name: str = "invites.csv"):  # type: ignore[no-untyped-def]
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        "/sms/invites", data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def _hidden_text(page: str) -> str:
    found = re.search(r'name="csv_text" type="hidden" value="([^"]*)"', page)
    assert found, "no confirm form on the page"
    return html.unescape(found[1])


def _confirm(client, text: str):  # type: ignore[no-untyped-def]
    return client.post("/sms/invites/confirm", data={"csv_text": text})


def _invites() -> list[SmsInvite]:
    return db.session.scalars(select(SmsInvite).order_by(SmsInvite.id)).all()


def test_each_problem_is_shown_with_its_row_and_nothing_is_saved(px, wards):
    day = _today()
    text = "\n".join(
        [
            HEADER,
            f"BRAD-ASH,07700 900001,{day},en,no",  # row 2: good
            f"NOWHERE,07700 900002,{day},,",  # row 3
            f"KIRBY,0116 496 0123,{day},,",  # row 4: a landline
            "KIRBY,07700 900004,30/11/2026,,",  # row 5
            "KIRBY,07700 900005,2999-01-01,,",  # row 6
            f"KIRBY,07700 900006,{day},fr,",  # row 7
            f"brad-ash,+44 7700 900001,{day},en,",  # row 8: row 2 again
            f"KIRBY,07700 900008,{day},en,maybe",  # row 9
        ]
    )
    response = _upload(px, text)
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    for expected in [
        "Row 3: no ward or team has the code 'NOWHERE'",
        "Row 4: This is not a mobile number",
        "Row 5: enter the date as YYYY-MM-DD",
        "Row 6: the date is in the future",
        "Row 7: language must be one of",
        "Row 8: the same contact as Row 2",
        "Row 9: do not contact must be yes or no",
    ]:
        assert expected in page, expected
    for row in range(3, 10):
        assert f'id="row-{row}"' in page and f'href="#row-{row}"' in page
    assert 'id="row-2"' not in page  # the good row is not listed as a problem
    assert "Nothing has been saved" in page and 'name="csv_text"' not in page
    # Confirming the same text anyway (a forged form) saves nothing either.
    forged = _confirm(px, text)
    assert forged.status_code == 400 and "The file has problems" in forged.get_data(as_text=True)
    assert _invites() == []


def test_a_good_file_is_previewed_then_saved_and_a_resend_adds_nothing_twice(px, wards):
    ashby, kirby = wards
    day = _today()
    text = "\n".join(
        [
            HEADER,
            f"BRAD-ASH,07700 900001,{day},en,no",
            f"kirby,07700900002,{day},pl,",
            f"KIRBY,+44 7700 900003,{day},,yes",
        ]
    )
    preview = _upload(px, text)
    assert preview.status_code == 200
    page = preview.get_data(as_text=True)
    assert "Save 3 invites" in page and "Ashby Ward, Bradgate Unit" in page
    table = page.split('name="csv_text"')[1].split('value="', 1)[1].split('"', 1)[1]
    assert "07700 900001" not in table and "+4477 ••• 001" in table  # masked in the table
    assert _invites() == []  # nothing until confirmed
    saved = _confirm(px, _hidden_text(page))
    assert saved.status_code == 302
    assert "3 invites added, 0 already there" in px.get(saved.headers["Location"]).get_data(
        as_text=True
    )
    stored = _invites()
    assert [(i.location_id, i.language, i.do_not_contact) for i in stored] == [
        (ashby.id, "en", False),
        (kirby.id, "pl", False),
        (kirby.id, "en", True),
    ]
    assert {i.status for i in stored} == {InviteStatus.WAITING}
    assert stored[0].received_from == "file upload by px@example.nhs.uk"
    # The same file again, with one new row: only the new row is added.
    again = _upload(px, f"{text}\nBRAD-ASH,07700 900004,{day},,\n")
    resent = _confirm(px, _hidden_text(again.get_data(as_text=True)))
    assert "1 invite added, 3 already there" in px.get(resent.headers["Location"]).get_data(
        as_text=True
    )
    assert len(_invites()) == 4


def test_a_tampered_confirm_is_checked_again_and_saves_nothing(px, wards):
    page = _upload(px, f"{HEADER}\nBRAD-ASH,07700 900001,{_today()},en,no\n")
    text = _hidden_text(page.get_data(as_text=True))
    tampered = _confirm(px, text.replace("07700 900001", "0116 496 0123"))
    assert tampered.status_code == 400
    assert "Row 2: This is not a mobile number" in tampered.get_data(as_text=True)
    not_a_file = _confirm(px, "what,ever\n1,2\n")
    assert not_a_file.status_code == 400
    assert "The first row must name the columns" in not_a_file.get_data(as_text=True)
    empty = _confirm(px, "")
    assert empty.status_code == 400 and "Upload the file again" in empty.get_data(as_text=True)
    assert _invites() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "The file is empty"),
        (b"PK\x03\x04rest-of-a-zip", "The file is an Excel workbook"),
        (HEADER.encode() + b"\nBRAD-ASH,07700 900001,2026-11-30,\x81\x8d,\n", "could not be read"),
        (b"name,phone\nAnn,07700 900001\n", "The first row must name the columns"),
        (HEADER.encode() + b"\n", "The file has no rows under the column names"),
    ],
)
def test_files_that_cannot_be_read_say_why(px, wards, content, message):
    response = _upload(px, content)
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert message in page and 'href="#file"' in page


def test_no_file_chosen_and_a_file_over_the_size_limit(make_app):
    app = make_app(**settings(), IMPORT_MAX_BYTES=200)
    with app.app_context():
        make_location("BRAD-ASH")
        client = app.test_client()
        sign_in(client, make_user(Role.PX_TEAM))
        none = client.post("/sms/invites", data={})
        assert none.status_code == 400 and "Choose a CSV file" in none.get_data(as_text=True)
        rows = "".join(f"BRAD-ASH,07700 900{n:03d},{_today()},,\n" for n in range(20))
        big = _upload(client, f"{HEADER}\n{rows}")
        assert big.status_code == 400
        assert "The file must be 0.2 kB or smaller" in big.get_data(as_text=True)


def test_more_rows_than_the_limit_is_a_file_problem(px, wards, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_ROWS", 2)
    rows = "".join(f"BRAD-ASH,07700 900{n:03d},{_today()},,\n" for n in range(3))
    response = _upload(px, f"{HEADER}\n{rows}")
    assert response.status_code == 400
    assert "The file has more than 2 rows. Split it into parts" in response.get_data(as_text=True)


def test_a_windows_1252_file_and_optional_columns_left_out(px, wards):
    data = f"mobile,location_code,contact_date\r\n07700 900001,BRAD-ASH,{_today()}\r\n".encode(
        "cp1252"
    )
    response = _upload(px, b"\xef\xbb\xbf" + data)  # and a byte order mark
    assert response.status_code == 200 and "Save 1 invite" in response.get_data(as_text=True)


def test_the_sample_file_fits_the_upload(px, wards):
    sample = px.get("/sms/invites/sample.csv")
    assert sample.status_code == 200 and sample.mimetype == "text/csv"
    assert sample.get_data(as_text=True).startswith(HEADER)
    preview = _upload(px, sample.get_data())
    assert preview.status_code == 200, preview.get_data(as_text=True)
    assert "1 marked do not contact" in preview.get_data(as_text=True)


# The test phone -------------------------------------------------------------------------


@pytest.fixture
def night(monkeypatch):  # type: ignore[no-untyped-def]
    """03:00 in London today: outside the sending window, when training still happens."""
    moment = datetime.combine(trust_today(), time(3, 0), tzinfo=TRUST_TIMEZONE).astimezone(UTC)
    monkeypatch.setattr(views, "utc_now", lambda: moment)
    return moment


def _test_invite(client, location, mobile="07700 900123", language="en"):  # type: ignore[no-untyped-def]
    return client.post(
        "/sms/test-phone",
        data={
            "form": "invite",
            "invite-location": str(location.id),
            "invite-mobile": mobile,
            "invite-language": language,
        },
    )


def _reply(client, message, mobile="07700 900123"):  # type: ignore[no-untyped-def]
    return client.post(
        "/sms/test-phone",
        data={"form": "reply", "reply-mobile": mobile, "reply-message": message},
    )


def test_the_test_phone_runs_a_whole_conversation_at_night(px, wards, night):
    ashby, _kirby = wards
    sent = _test_invite(px, ashby)
    assert sent.status_code == 302
    conversation = db.session.scalars(select(SmsConversation)).one()
    assert sent.headers["Location"].endswith(f"/sms/test-phone?reply={conversation.id}")
    page = px.get(sent.headers["Location"]).get_data(as_text=True)
    assert "Test invite sent" in page and 'value="07700 900123"' in page  # the reply form
    assert "Ashby Ward: how was your care?" in page
    invite = db.session.scalars(select(SmsInvite)).one()
    assert invite.received_from == "test phone by px@example.nhs.uk"
    assert invite.status == InviteStatus.SENT
    rated = _reply(px, "2")
    assert rated.headers["Location"].endswith(f"/sms/conversations/{conversation.id}")
    thread = px.get(rated.headers["Location"]).get_data(as_text=True)
    assert "Follow-up question" in thread and "Rated: waiting for a comment" in thread
    _reply(px, "lovely staff")
    response = db.session.scalars(select(Response)).one()
    assert (response.fft_rating, response.mode, response.location_id) == (
        2,
        ResponseMode.SMS,
        ashby.id,
    )
    assert [i for i, _b in texts_sent()] == ["invite", "follow_up", "thanks"]
    outbox = html.unescape(px.get("/sms/").get_data(as_text=True))
    for words in ["Invite", "Follow-up question", "Thank you", "Reply", "+4477 ••• 123"]:
        assert words in outbox, words
    assert "lovely staff" in outbox and "It is outside the window now" in outbox
    thread = px.get(f"/sms/conversations/{conversation.id}").get_data(as_text=True)
    assert f'href="/responses/view/{response.id}"' in thread
    assert "Thanked: more texts are added to the comment" in thread


def test_the_test_phone_keeps_the_opt_out_and_30_day_rules(px, wards, night):
    ashby, kirby = wards
    assert _test_invite(px, ashby).status_code == 302
    again = _test_invite(px, kirby)  # the same number, another ward, the same month
    assert again.status_code == 400
    page = again.get_data(as_text=True)
    assert "had an invite in the last 30 days" in page and "nhsuk-error-summary" in page
    assert 'href="#invite-mobile"' in page
    assert len(_invites()) == 1  # the refused test leaves nothing behind
    _test_invite(px, ashby, mobile="07700 900124")
    _reply(px, "STOP", mobile="07700 900124")
    assert db.session.scalar(select(func.count()).select_from(SmsOptOut)) == 1
    # A month later the 30-day rule has passed, but the opt-out stands for good.
    db.session.execute(
        SmsConversation.__table__.update().values(started_at=datetime(2020, 1, 1, tzinfo=UTC))
    )
    db.session.commit()
    stopped = _test_invite(px, kirby, mobile="07700 900124")
    assert "this number has opted out of texts" in stopped.get_data(as_text=True)
    assert _test_invite(px, kirby).status_code == 302  # 07700 900123 may be invited again


def test_the_test_phone_checks_what_is_typed(px, wards):
    ashby, _kirby = wards
    landline = _test_invite(px, ashby, mobile="0116 496 0123")
    assert landline.status_code == 400
    assert "This is not a mobile number" in landline.get_data(as_text=True)
    empty = _reply(px, "")
    page = empty.get_data(as_text=True)
    assert empty.status_code == 400 and "Enter the message" in page
    assert 'href="#reply-message"' in page
    assert _invites() == []


def test_a_reply_from_a_number_never_invited_is_recorded_without_an_answer(px, wards):
    response = _reply(px, "1")
    assert response.status_code == 302
    assert "No invite went to this number" in px.get(response.headers["Location"]).get_data(
        as_text=True
    )
    [message] = db.session.scalars(select(SmsMessage)).all()
    assert message.conversation_id is None and message.body == "1"
    assert "deleted" in px.get("/sms/").get_data(as_text=True)


def test_with_notify_the_test_phone_shows_no_form(make_app):
    app = make_app(**settings(), SMS_PROVIDER="notify")
    with app.app_context():
        ward = make_location()
        client = app.test_client()
        sign_in(client, make_user(Role.ADMIN))
        page = client.get("/sms/test-phone").get_data(as_text=True)
        assert "works only with the outbox provider" in page
        assert 'action="/sms/test-phone"' not in page
        posted = _test_invite(client, ward)
        assert posted.status_code == 400 and _invites() == []
        assert "GOV.UK Notify: texts are sent" in client.get("/sms/").get_data(as_text=True)


def test_the_outbox_counts_and_conversation_pages(px, wards, night):
    ashby, _kirby = wards
    empty = px.get("/sms/").get_data(as_text=True)
    assert "No texts yet" in empty
    _upload_and_confirm(px, f"{HEADER}\nKIRBY,07700 900050,{_today()},,\n")
    _test_invite(px, ashby)
    _reply(px, "stop please")
    page = px.get("/sms/").get_data(as_text=True)
    counts = re.findall(r'summary-list__value">([0-9,]+)', page)
    assert counts[:3] == ["1", "2", "1"]  # waiting, sent today (invite and opt-out), opted out
    assert "Opt-out confirmed" in page and "Outbox: texts stay on this page" in page
    conversation = db.session.scalars(select(SmsConversation)).one()
    assert conversation.state == ConversationState.CLOSED
    thread = px.get(f"/sms/conversations/{conversation.id}").get_data(as_text=True)
    assert "Closed: the patient opted out of texts" in thread and "None yet" in thread
    assert px.get("/sms/conversations/999999").status_code == 404


def _upload_and_confirm(client, text: str) -> None:  # type: ignore[no-untyped-def]
    preview = _upload(client, text)
    assert preview.status_code == 200, preview.get_data(as_text=True)
    assert _confirm(client, _hidden_text(preview.get_data(as_text=True))).status_code == 302


def test_staff_who_are_not_the_team_cannot_open_the_pages(app):
    client = app.test_client()
    sign_in(client, make_user(Role.SERVICE_MANAGER))
    for url in ["/sms/", "/sms/test-phone", "/sms/invites", "/sms/invites/sample.csv"]:
        assert client.get(url).status_code == 403, url


def test_an_invites_file_with_control_characters_is_not_a_csv_file(app):
    # A cell shown back in the preview made the page invalid HTML (found by the fuzz tests).
    with pytest.raises(uploads.UploadError, match="must be a CSV file"):
        uploads.read_invites(
            "location_code,mobile,contact_date\nW\x1b,07700900123,2026-11-29\n", 10_000
        )
