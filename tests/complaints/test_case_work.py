"""Case work through the staff pages: log, move on, extend, close with an outcome, figures."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from feedback.audit.models import AuditEvent
from feedback.auth.models import Role
from feedback.complaints import services
from feedback.complaints.models import (
    CaseKind,
    CaseStatus,
    CategoryList,
    Complaint,
    ContactPreference,
    Outcome,
    ReceivedBy,
)
from feedback.extensions import db
from tests.factories import make_location, make_user, sign_in


def make_case(service, received_on=date(2024, 1, 10), kind=CaseKind.COMPLAINT, **fields):  # type: ignore[no-untyped-def]
    new = services.NewCase(
        kind=kind,
        received_on=received_on,
        received_by=fields.pop("received_by", ReceivedBy.LETTER),
        service=service,
        raised_by_patient=fields.pop("raised_by_patient", True),
        complainant_name="Pat Example",
        what_happened=fields.pop("what_happened", "Waited hours"),
        contact_preference=ContactPreference.LETTER,
        address="1 High Street",
        **fields,
    )
    case = services.open_case(new, by=None, today=date(2026, 12, 1), target_working_days=25)
    db.session.commit()
    return case


def _outcome(**overrides):  # type: ignore[no-untyped-def]
    lists = {w: services.list_categories(w) for w in CategoryList}
    values = dict(
        outcome=Outcome.UPHELD,
        is_clinical=True,
        subjects=[lists[CategoryList.SUBJECT][0], lists[CategoryList.SUBJECT][2]],
        service_areas=[lists[CategoryList.SERVICE_AREA][0]],
        professions=[lists[CategoryList.PROFESSION][1]],
        age_band=lists[CategoryList.AGE_BAND][2],
        complainant_status=lists[CategoryList.COMPLAINANT_STATUS][0],
        lessons_learned="Tell families about discharge plans",
        actions=[("Discharge checklist", "Ward manager", date(2024, 4, 1))],
    )
    values.update(overrides)
    return services.CaseOutcome(**values)


def test_staff_log_a_phoned_in_complaint_dated_in_the_past(app, client):
    location = make_location()
    px = make_user(Role.PX_TEAM)
    sign_in(client, px)
    page = client.post(
        "/complaints/new",
        data={
            "kind": "complaint",
            "received_on": "2024-03-27",
            "received_by": "phone",
            "service_code": location.service.code,
            "raised_by_patient": "yes",
            "complainant_name": "Jo Bloggs",
            "contact_preference": "phone",
            "phone": "0116 225 6000",
            "what_happened": "Appointment cancelled twice",
        },
    )
    assert page.status_code == 302, page.get_data(as_text=True)
    case = db.session.scalars(select(Complaint)).one()
    assert case.received_by == ReceivedBy.PHONE
    assert case.acknowledgement_due == date(2024, 4, 3)
    assert case.response_due == date(2024, 5, 3)
    shown = client.get(f"/complaints/case/{case.reference}").get_data(as_text=True)
    assert "Jo Bloggs" in shown and "3 May 2024" in shown
    trail = db.session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.user_id, e.subject_ref, e.what) for e in trail] == [
        (px.id, case.reference, "Logged the case"),
        (px.id, case.reference, "Case page"),
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"received_on": "2999-01-01"}, "cannot be in the future"),
        ({"contact_preference": "email"}, "no way to send it"),
        ({"service_code": "NOT-A-SERVICE"}, "That service is not known"),
    ],
)
def test_staff_logging_refuses_bad_input_and_stores_nothing(app, client, change, message):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    data = {
        "kind": "pals",
        "received_on": "2024-03-27",
        "received_by": "email",
        "service_code": location.service.code,
        "raised_by_patient": "yes",
        "complainant_name": "Jo",
        "contact_preference": "none",
        "what_happened": "x",
        **change,
    }
    page = client.post("/complaints/new", data=data)
    assert page.status_code == 200 and message in page.get_data(as_text=True)
    assert db.session.scalars(select(Complaint)).all() == []


def test_the_whole_life_of_a_complaint(app, client):
    location = make_location()
    px = make_user(Role.PX_TEAM)
    case = make_case(location.service)
    sign_in(client, px)
    ref = case.reference
    for status, on in (
        ("acknowledged", "2024-01-12"),
        ("investigating", "2024-01-15"),
        ("response_drafted", "2024-02-20"),
        ("signed_off", "2024-02-28"),
    ):
        assert (
            client.post(
                f"/complaints/case/{ref}/move", data={"status": status, "on": on}
            ).status_code
            == 302
        )
    bad = client.post(
        f"/complaints/case/{ref}/extension",
        data={
            "new_due": "2024-02-01",
            "agreed_with": "Pat",
            "agreed_on": "2024-02-10",
            "reason": "x",
        },
    )
    assert bad.status_code == 400 and "not later than the due date in force" in bad.get_data(
        as_text=True
    )
    ok = client.post(
        f"/complaints/case/{ref}/extension",
        data={
            "new_due": "2024-03-08",
            "agreed_with": "Pat by phone",
            "agreed_on": "2024-02-10",
            "reason": "Waiting for notes",
        },
    )
    assert ok.status_code == 302
    early = client.post(
        f"/complaints/case/{ref}/move", data={"status": "responded", "on": "2024-01-01"}
    )
    assert early.status_code == 400
    assert (
        client.post(
            f"/complaints/case/{ref}/move", data={"status": "responded", "on": "2024-03-05"}
        ).status_code
        == 302
    )
    refused = client.post(f"/complaints/case/{ref}/close", data={"on": "2024-03-06"})
    assert refused.status_code == 400 and "Closing needs an outcome" in refused.get_data(
        as_text=True
    )
    db.session.expire_all()
    case = services.get_case_by_reference(ref)
    assert case.status == CaseStatus.RESPONDED and case.responded_on == date(2024, 3, 5)
    assert case.response_due == date(2024, 3, 8) and case.original_response_due == date(2024, 2, 14)
    assert case.working_days_taken == 39
    services.close_case(case, _outcome(), by=px, on=date(2024, 3, 6), today=date(2026, 12, 1))
    db.session.commit()
    assert case.status == CaseStatus.CLOSED and case.outcome == Outcome.UPHELD
    kinds = [e.kind.value for e in case.events]
    assert kinds[0] == "created" and "extension" in kinds and kinds[-1] == "status"
    assert client.get(f"/complaints/case/{ref}").status_code == 200


def test_a_pals_concern_is_escalated_keeping_its_reference(app):
    location = make_location()
    px = make_user(Role.PX_TEAM)
    case = make_case(location.service, kind=CaseKind.PALS)
    reference = case.reference
    services.escalate_to_complaint(case, by=px, today=date(2024, 2, 1), reason="Not resolved")
    db.session.commit()
    assert case.reference == reference and case.kind == CaseKind.COMPLAINT
    assert case.received_on == date(2024, 2, 1) and len(case.events) == 2


def test_a_service_manager_sees_only_their_services_cases(app, client):
    mine, other = make_location(), make_location()
    manager = make_user(Role.SERVICE_MANAGER, services=[mine.service])
    own, hidden = make_case(mine.service), make_case(other.service)
    unknown = make_case(None)
    sign_in(client, manager)
    assert client.get(f"/complaints/case/{own.reference}").status_code == 200
    for case in (hidden, unknown):
        assert client.get(f"/complaints/case/{case.reference}").status_code == 404
        assert (
            client.post(f"/complaints/case/{case.reference}/note", data={"text": "x"}).status_code
            == 404
        )
    listing = client.get("/complaints/?list=open").get_data(as_text=True)
    assert own.reference in listing and hidden.reference not in listing


def test_worklists_show_what_to_acknowledge_and_what_is_overdue(app, client):
    location = make_location()
    overdue = make_case(location.service, received_on=date(2024, 1, 10))
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/complaints/?list=overdue").get_data(as_text=True)
    assert overdue.reference in page and "overdue" in page
    assert overdue.reference in client.get("/complaints/?list=acknowledge").get_data(as_text=True)
