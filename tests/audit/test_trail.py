"""The audit trail: every look at and change to a complaint, urgent comment or account is
recorded, refused changes are not, admins read and export it, and nobody can rewrite it."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from feedback.audit.models import AppendOnlyError, AuditAction, AuditEvent, AuditSubject
from feedback.audit.services import PAGE_SIZE, record
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.themes.models import UrgentAlert
from feedback.themes.tagging import collect_and_tag
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_response, make_user, sign_in


def _events() -> list[tuple[str, str, str, str]]:
    db.session.rollback()
    return [
        (e.user_email, e.action.value, e.subject.value, e.what)
        for e in db.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
    ]


def test_looks_at_and_changes_to_a_case_are_recorded_but_refused_changes_are_not(client):
    case = make_case(make_location().service)
    px = make_user(Role.PX_TEAM, email="px@example.nhs.uk")
    sign_in(client, px)
    assert client.get(f"/complaints/case/{case.reference}").status_code == 200
    added = client.post(f"/complaints/case/{case.reference}/note", data={"text": "Rang Pat"})
    assert added.status_code == 302
    refused = client.post(f"/complaints/case/{case.reference}/note", data={"text": " "})
    assert refused.status_code == 400
    assert _events() == [
        ("px@example.nhs.uk", "viewed", "complaint", "Case page"),
        ("px@example.nhs.uk", "changed", "complaint", "Added a note"),
    ]
    assert {e.subject_ref for e in db.session.scalars(select(AuditEvent))} == {case.reference}


def test_admins_see_the_cases_trail_on_the_case_and_in_the_audit_pages(client):
    case = make_case(make_location().service)
    other = make_case(make_location().service)
    px = client.application.test_client()
    sign_in(px, make_user(Role.PX_TEAM, email="px@example.nhs.uk"))
    px.get(f"/complaints/case/{case.reference}")
    px.get(f"/complaints/case/{other.reference}")
    sign_in(client, make_user(Role.ADMIN, email="admin@example.nhs.uk"))
    page = client.get(f"/complaints/case/{case.reference}").get_data(as_text=True)
    assert "px@example.nhs.uk: case page" in page
    listed = client.get(f"/admin/audit/?subject=complaint&ref={case.reference}")
    body = listed.get_data(as_text=True)
    assert listed.status_code == 200 and "2 events" in body  # px's look and the admin's
    assert case.reference in body and other.reference not in body
    assert "1 event" in client.get(
        "/admin/audit/?who=PX@example.nhs.uk&ref=" + other.reference
    ).get_data(as_text=True)


def test_urgent_comments_and_accounts_are_on_the_trail(client):
    make_response(make_location(), rating=4, comment="I keep thinking about ending my life")
    collect_and_tag()
    db.session.commit()
    alert = db.session.scalar(select(UrgentAlert))
    px = client.application.test_client()
    sign_in(px, make_user(Role.PX_TEAM, email="px@example.nhs.uk"))
    px.get(f"/themes/urgent/{alert.id}")
    px.post(f"/themes/urgent/{alert.id}", data={"note": "Called the ward manager"})
    person = make_user(Role.SERVICE_MANAGER, email="manager@example.nhs.uk")
    sign_in(client, make_user(Role.ADMIN, email="admin@example.nhs.uk"))
    client.get(f"/admin/users/{person.id}")
    client.post(f"/admin/users/{person.id}/unlock")
    events = _events()
    assert ("px@example.nhs.uk", "viewed", "urgent-alert", "Urgent comment, or closed it") in events
    assert (
        "px@example.nhs.uk",
        "changed",
        "urgent-alert",
        "Urgent comment, or closed it",
    ) in events
    assert ("admin@example.nhs.uk", "viewed", "account", "Account page") in events
    assert ("admin@example.nhs.uk", "changed", "account", "Unlocked sign-in") in events
    refs = {e.subject_ref for e in db.session.scalars(select(AuditEvent))}
    assert {str(alert.id), str(person.id)} <= refs


def test_the_export_has_every_matching_event_safe_for_a_spreadsheet_and_is_itself_recorded(
    client,
):
    admin = make_user(Role.ADMIN, email="admin@example.nhs.uk")
    db.session.rollback()
    record(AuditAction.VIEWED, AuditSubject.ACCOUNT, "7", '=HYPERLINK("x")', user=admin)
    db.session.commit()
    sign_in(client, admin)
    exported = client.get("/admin/audit/export.csv?subject=account")
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(exported.get_data(as_text=True))))
    assert [(r["user_email"], r["action"], r["record"], r["reference"]) for r in rows] == [
        ("admin@example.nhs.uk", "viewed", "account", "7")
    ]
    assert rows[0]["what"] == '\'=HYPERLINK("x")'
    assert _events()[-1] == (
        "admin@example.nhs.uk",
        "exported",
        "audit-trail",
        "Exported record account",
    )


@pytest.mark.parametrize("role", [Role.PX_TEAM, Role.SERVICE_MANAGER, Role.PEOPLES_COUNCIL])
def test_only_admins_read_the_trail(client, role):
    sign_in(client, make_user(role))
    assert client.get("/admin/audit/").status_code == 403
    assert client.get("/admin/audit/export.csv").status_code == 403


def test_nobody_can_change_or_delete_an_event_not_even_in_sql(app):
    admin = make_user(Role.ADMIN)
    event = record(AuditAction.VIEWED, AuditSubject.ACCOUNT, "1", "Account page", user=admin)
    db.session.commit()
    event.what = "Nothing to see"
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEvent, event.id))
    with pytest.raises(AppendOnlyError):
        db.session.commit()
    db.session.rollback()
    for statement in ("UPDATE audit_event SET what = 'x'", "DELETE FROM audit_event"):
        with pytest.raises(DatabaseError, match="append-only"):
            db.session.execute(text(statement))
        db.session.rollback()
    assert db.session.get(AuditEvent, event.id).what == "Account page"


def test_the_trail_comes_a_page_at_a_time_and_a_page_past_the_end_opens_the_last(client):
    admin = make_user(Role.ADMIN)
    db.session.rollback()
    for number in range(PAGE_SIZE + 3):
        record(AuditAction.VIEWED, AuditSubject.ACCOUNT, str(number), "Looked", user=admin)
    db.session.commit()
    sign_in(client, admin)
    first = client.get("/admin/audit/?subject=account").get_data(as_text=True)
    assert f"{PAGE_SIZE + 3} events, page 1 of 2" in first
    assert "/admin/audit/?page=2&amp;subject=account" in first  # the filter is kept
    second = client.get("/admin/audit/?page=2&subject=account").get_data(as_text=True)
    assert "page 2 of 2" in second and "Previous" in second and "Next</span>" not in second
    past = client.get("/admin/audit/?page=9&subject=account")
    assert past.status_code == 302
    assert past.headers["Location"].endswith("/admin/audit/?page=2&subject=account")
