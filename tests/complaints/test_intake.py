"""The online complaint form, end to end: one question per page, check answers, one case."""

from __future__ import annotations

from sqlalchemy import select

from feedback.complaints.models import CaseKind, CaseStatus, Complaint, ContactPreference
from feedback.extensions import db
from feedback.notifications.models import EmailMessage, MessageStatus
from tests.factories import make_location

BASE = "/forms/complaint"


def _answer(client, question, data):  # type: ignore[no-untyped-def]
    return client.post(f"{BASE}/{question}", data=data)


def fill_in_complaint(client, service_code: str, contact: str = "email", **extra):  # type: ignore[no-untyped-def]
    assert client.get(f"{BASE}/").status_code == 200
    steps = [
        ("kind", {"answer": extra.get("kind", "complaint")}),
        ("raised_by", {"answer": extra.get("raised_by", "patient")}),
    ]
    if extra.get("raised_by") == "someone_else":
        steps += [("patient_consent", {"answer": "yes"}), ("patient_name", {"answer": "Sam Jones"})]
    steps += [("name", {"answer": "Alex Smith"}), ("contact", {"answer": contact})]
    if contact == "email":
        steps.append(("email", {"answer": "Alex@Example.COM"}))
    if contact == "phone":
        steps.append(("phone", {"answer": "07123 456789"}))
    steps += [
        ("service", {"answer": service_code}),
        ("what_happened", {"answer": "Nobody told us about the discharge."}),
        ("happened_on", {"answer-day": "3", "answer-month": "11", "answer-year": "2026"}),
        ("outcome_wanted", {"answer": "An apology"}),
    ]
    for question, data in steps:
        response = _answer(client, question, data)
        assert response.status_code == 302, (question, response.get_data(as_text=True)[:2000])
    assert response.headers["Location"].endswith(f"{BASE}/check")


def test_a_person_makes_a_complaint_online_and_gets_a_reference_and_an_email(client):
    location = make_location()
    fill_in_complaint(client, location.service.code)
    check = client.get(f"{BASE}/check").get_data(as_text=True)
    assert (
        "Check your answers" in check and "Alex Smith" in check and location.service.name in check
    )
    assert client.get(f"{BASE}/check").status_code == 200
    sent = client.post(f"{BASE}/check")
    assert sent.headers["Location"].endswith(f"{BASE}/thank-you")
    [case] = db.session.scalars(select(Complaint)).all()
    assert case.kind == CaseKind.COMPLAINT and case.status == CaseStatus.RECEIVED
    assert case.service_id == location.service_id
    assert case.email == "Alex@example.com" and case.contact_preference == ContactPreference.EMAIL
    assert case.reference.startswith("PX-") and str(case.id) not in case.reference[3:]
    thanks = client.get(f"{BASE}/thank-you").get_data(as_text=True)
    assert case.reference in thanks
    [email] = db.session.scalars(select(EmailMessage)).all()
    assert email.to == "Alex@example.com" and email.status == MessageStatus.OUTBOX
    assert case.reference in email.body and "Alex" not in email.reference


def test_sending_twice_makes_one_case(client):
    location = make_location()
    fill_in_complaint(client, location.service.code, contact="phone")
    client.post(f"{BASE}/check")
    again = client.post(f"{BASE}/check")
    assert again.headers["Location"].endswith("/thank-you")
    [case] = db.session.scalars(select(Complaint)).all()
    assert case.phone == "+447123456789"


def test_someone_else_raising_it_is_asked_for_consent_and_not_sure_is_allowed(client):
    make_location()
    fill_in_complaint(client, "not_sure", raised_by="someone_else", kind="concern")
    client.post(f"{BASE}/check")
    [case] = db.session.scalars(select(Complaint)).all()
    assert case.kind == CaseKind.PALS and case.service_id is None
    assert case.raised_by_patient is False and case.patient_consent is True
    assert case.patient_name == "Sam Jones"


def test_bad_input_gets_a_clear_message_and_nothing_is_stored(client):
    location = make_location()
    client.get(f"{BASE}/")
    _answer(client, "kind", {"answer": "complaint"})
    _answer(client, "raised_by", {"answer": "patient"})
    _answer(client, "name", {"answer": "Alex"})
    _answer(client, "contact", {"answer": "email"})
    page = _answer(client, "email", {"answer": "not-an-email"}).get_data(as_text=True)
    assert "Enter an email address in the correct format" in page
    _answer(client, "contact", {"answer": "phone"})
    page = _answer(client, "phone", {"answer": "12345"}).get_data(as_text=True)
    assert "Enter a UK phone number" in page
    _answer(client, "phone", {"answer": "0116 225 6000"})
    page = _answer(client, "service", {"answer": "NOPE"}).get_data(as_text=True)
    assert "Select one of the options shown" in page
    _answer(client, "service", {"answer": location.service.code})
    _answer(client, "what_happened", {"answer": "Rude"})
    future = _answer(
        client, "happened_on", {"answer-day": "1", "answer-month": "1", "answer-year": "2999"}
    ).get_data(as_text=True)
    assert "The date must be today or in the past" in future
    unreal = _answer(
        client, "happened_on", {"answer-day": "31", "answer-month": "2", "answer-year": "2025"}
    ).get_data(as_text=True)
    assert "Enter a real date" in unreal and 'value="31"' in unreal
    part = _answer(client, "happened_on", {"answer-day": "3"}).get_data(as_text=True)
    assert "Enter the date as a day, month and year" in part
    assert db.session.scalars(select(Complaint)).all() == []


def test_the_service_question_searches_by_plain_name_and_ward(client):
    from tests.factories import make_service

    location = make_location(name="Ashby Ward", service=make_service("Adult acute wards"))
    other = make_location(name="Kirby Ward", service=make_service("Community hospitals"))
    client.get(f"{BASE}/")
    for question, value in (("kind", "concern"), ("raised_by", "patient"), ("name", "Jo")):
        _answer(client, question, {"answer": value})
    _answer(client, "contact", {"answer": "none"})
    page = client.get(f"{BASE}/service?q=ashby").get_data(as_text=True)
    assert location.service.name in page and other.service.name not in page
    assert "I&#39;m not sure" in page or "I'm not sure" in page
    nothing = client.get(f"{BASE}/service?q=zzzz").get_data(as_text=True)
    assert "No services match" in nothing


def test_a_changed_answer_returns_to_check_your_answers(client):
    location = make_location()
    fill_in_complaint(client, location.service.code)
    changed = client.post(f"{BASE}/name?change=yes", data={"answer": "Alex Jones"})
    assert changed.headers["Location"].endswith(f"{BASE}/check")
    # Choosing phone now asks for the number before going back to the check page.
    switched = client.post(f"{BASE}/contact?change=yes", data={"answer": "phone"})
    assert "/phone" in switched.headers["Location"]


def test_the_fft_cannot_be_run_without_a_ward_and_unknown_forms_are_404(client):
    assert client.get("/forms/fft/").status_code == 404
    assert client.get("/forms/nothing/").status_code == 404


def test_the_form_speaks_the_persons_language(client):
    client.get(f"{BASE}/?lang=ur")
    page = client.get(f"{BASE}/").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in page
    refused = _answer(client, "kind", {"answer": "nonsense"}).get_data(as_text=True)
    assert "Select one of the options shown" not in refused  # shown in Urdu instead


def test_a_long_story_in_urdu_is_kept_whole_and_an_overlong_one_is_refused(client):
    location = make_location()
    story = "ہمیں ڈسچارج کے بارے میں کسی نے نہیں بتایا۔ " * 300  # noqa: RUF001 - Urdu full stop
    client.get(f"{BASE}/?lang=ur")
    for question, value in (("kind", "complaint"), ("raised_by", "patient"), ("name", "Alex")):
        _answer(client, question, {"answer": value})
    _answer(client, "contact", {"answer": "none"})
    _answer(client, "service", {"answer": location.service.code})
    too_long = _answer(client, "what_happened", {"answer": "x" * 15001})
    assert too_long.status_code == 200 and "15000" in too_long.get_data(as_text=True)
    assert _answer(client, "what_happened", {"answer": story}).status_code == 302
    _answer(client, "happened_on", {"answer-day": "1", "answer-month": "11", "answer-year": "2026"})
    _answer(client, "outcome_wanted", {"answer": ""})
    client.post(f"{BASE}/check")
    [case] = db.session.scalars(select(Complaint)).all()
    assert case.what_happened == story.strip() and case.language == "ur"
