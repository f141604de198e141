"""Peer review packs (redacted for lay reviewers) and the complaints satisfaction survey."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.complaints.models import CategoryList, ContactPreference, Outcome
from feedback.complaints.satisfaction import SatisfactionInvite, SatisfactionResponse
from feedback.complaints.services import list_categories
from feedback.extensions import db
from feedback.notifications.models import EmailMessage
from tests.complaints.test_case_work import make_case
from tests.complaints.test_figures import _respond_and_close
from tests.factories import make_location, make_user, sign_in


def _closed_case(location, px, **fields):  # type: ignore[no-untyped-def]
    case = make_case(location.service, received_on=date(2024, 5, 1), **fields)
    case.what_happened = (
        "Pat Example was told by Nurse Jo Bloggs that Sam could go home. "
        "Call me on 07123 456789 or pat@example.com, NHS number 943 476 5919, LE1 7RH."
    )
    _respond_and_close(case, px, date(2024, 6, 5), Outcome.UPHELD, ["Communications"], "18 to 64")
    db.session.commit()
    return case


def test_a_reviewer_sees_a_closed_case_with_every_personal_detail_removed(app, client):
    location = make_location()
    px = make_user(Role.PX_TEAM, name="Jo Bloggs")
    council = make_user(Role.PEOPLES_COUNCIL)
    case = _closed_case(location, px)
    sign_in(client, px)
    created = client.post("/complaints/review-packs/", data={"title": "Discharge"})
    pack_url = created.headers["Location"]
    open_case = make_case(location.service)
    refused = client.post(pack_url, data={"reference": open_case.reference})
    assert refused.status_code == 400 and "Only closed complaints" in refused.get_data(as_text=True)
    assert client.post(pack_url, data={"reference": case.reference}).status_code == 302
    client.post("/auth/sign-out")

    sign_in(client, council)
    pack_id = int(pack_url.rstrip("/").rsplit("/", 1)[1])
    page = client.get(f"/peer-review/{pack_id}").get_data(as_text=True)
    for detail in (
        "Pat",
        "Jo Bloggs",
        "07123",
        "pat@example.com",
        "943 476 5919",
        "LE1 7RH",
        case.reference,
    ):
        assert detail not in page, detail
    assert "[name]" in page and "[phone]" in page and "Case 1" in page
    sent = client.post(
        f"/peer-review/{pack_id}", data={"review_case_id": "0", "text": "Tell families sooner"}
    )
    assert sent.status_code == 302
    assert client.get("/complaints/review-packs/").status_code == 403
    client.post("/auth/sign-out")

    sign_in(client, px)
    assert "Tell families sooner" in client.get(pack_url).get_data(as_text=True)


def test_closing_invites_the_complainant_and_the_link_works_once(app, client):
    location = make_location()
    px = make_user(Role.PX_TEAM)
    case = make_case(location.service, received_on=date(2024, 5, 1))
    case.contact_preference = ContactPreference.EMAIL
    case.email = "pat@example.com"
    db.session.commit()
    sign_in(client, px)
    ref = case.reference
    for status in ("acknowledged", "investigating", "response_drafted", "signed_off", "responded"):
        client.post(f"/complaints/case/{ref}/move", data={"status": status, "on": "2024-06-05"})
    ids = {which.value: [c.id for c in list_categories(which)] for which in CategoryList}
    closed = client.post(
        f"/complaints/case/{ref}/close",
        data={
            "on": "2024-06-06",
            "outcome": "not_upheld",
            "is_clinical": "no",
            "subjects": ids["subject"][0],
            "service_areas": ids["service_area"][0],
            "professions": ids["profession"][0],
            "age_band": ids["age_band"][0],
            "complainant_status": ids["complainant_status"][0],
            "lessons_learned": "None needed",
        },
    )
    assert closed.status_code == 302, closed.get_data(as_text=True)
    email = db.session.scalars(
        select(EmailMessage).where(EmailMessage.reference == "complaint-satisfaction")
    ).one()
    link = re.search(r"https?://\S+", email.body).group()
    path = link.split("feedback.test", 1)[1]
    client.post("/auth/sign-out")

    patient = app.test_client()
    assert patient.get(path).status_code == 200
    assert (
        patient.post("/forms/complaint-satisfaction/overall", data={"answer": "2"}).status_code
        == 302
    )
    for question in ("kept_informed", "response_clear", "listened"):
        patient.post(f"/forms/complaint-satisfaction/{question}", data={"answer": "yes"})
    done = patient.post("/forms/complaint-satisfaction/comment", data={"answer": "Thank you"})
    assert done.headers["Location"].endswith("/thank-you")
    [answer] = db.session.scalars(select(SatisfactionResponse)).all()
    assert answer.overall == 2 and answer.service_id == location.service_id
    assert db.session.scalars(select(SatisfactionInvite)).one().used_at is not None
    again = app.test_client().get(path)
    assert again.status_code == 410 and "This link cannot be used" in again.get_data(as_text=True)
    assert app.test_client().get("/forms/complaint-satisfaction/").status_code == 410


def test_admins_edit_the_ko41a_lists_and_see_who_viewed_cases(app, client):
    location = make_location()
    admin = make_user(Role.ADMIN)
    case = make_case(location.service)
    sign_in(client, admin)
    client.get(f"/complaints/case/{case.reference}")
    assert (
        client.post(
            "/admin/complaints/ko41a", data={"list": "subject", "name": "Mental Health Act"}
        ).status_code
        == 302
    )
    again = client.post(
        "/admin/complaints/ko41a", data={"list": "subject", "name": "mental health act"}
    )
    assert again.status_code == 400 and "already in the list" in again.get_data(as_text=True)
    views = client.get("/admin/audit/?subject=complaint").get_data(as_text=True)
    assert case.reference in views and admin.email in views
