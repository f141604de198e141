"""Retention: a dry run says what would go and changes nothing; applying removes only the
personal details of records past their period; figures and everything else stay."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from feedback.auth.models import Role
from feedback.complaints import services as complaint_services
from feedback.complaints.models import CaseStatus, Complaint, ComplaintEvent
from feedback.extensions import db
from feedback.notifications.models import EmailMessage, MessageStatus
from feedback.retention.models import RetentionRun
from feedback.retention.rules import REMOVED
from feedback.retention.services import apply_rules, dry_run, scheduled_run
from feedback.themes.models import Comment
from feedback.themes.tagging import collect_and_tag
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_user, sign_in

TODAY = date(2026, 12, 1)
PERSONAL = ("complainant_name", "patient_name", "email", "phone", "address", "what_happened")
KEPT = ("reference", "kind", "received_on", "closed_on", "response_due", "service_id", "status")


def _closed(service, closed_on: date, **fields) -> Complaint:  # type: ignore[no-untyped-def]
    case = make_case(service, received_on=closed_on.replace(day=1), **fields)
    complaint_services.add_note(
        case, "Spoke to Pat Example on 07700 900123", by=None, today=closed_on
    )
    case.status = CaseStatus.CLOSED
    case.closed_on = closed_on
    db.session.commit()
    return case


@pytest.fixture
def cases(app):  # type: ignore[no-untyped-def]
    service = make_location().service
    old = _closed(service, date(2016, 11, 20), patient_name="Sam Example", email="pat@example.com")
    recent = _closed(service, date(2017, 1, 5))
    still_open = make_case(service, received_on=date(2015, 3, 1))
    collect_and_tag()
    db.session.commit()
    return old, recent, still_open


def _row(case: Complaint) -> dict:
    db.session.refresh(case)
    return {column: getattr(case, column) for column in PERSONAL + KEPT}


def test_a_dry_run_reports_what_is_due_and_changes_nothing(cases):
    old = cases[0]
    before = [_row(case) for case in cases]
    run = dry_run("test", today=TODAY)
    db.session.commit()
    [complaints] = [line for line in run.report if line["rule"] == "complaints"]
    assert complaints["due"] == 1 and complaints["examples"] == [old.reference]
    assert complaints["cutoff"] == "2016-12-01" and complaints["oldest"] == "2016-11-20"
    assert [_row(case) for case in cases] == before
    assert db.session.scalars(select(RetentionRun.applied)).all() == [False]


def test_applying_removes_only_personal_details_of_cases_past_the_period(cases):
    old, recent, still_open = cases
    kept_before = {c.reference: {k: getattr(c, k) for k in KEPT} for c in cases}
    untouched = [_row(recent), _row(still_open)]
    run = apply_rules("test", today=TODAY)
    db.session.commit()
    [complaints] = [line for line in run.report if line["rule"] == "complaints"]
    assert complaints["changed"] == 1
    gone = _row(old)
    assert gone["complainant_name"] == REMOVED and gone["what_happened"] == REMOVED
    assert (gone["patient_name"], gone["email"], gone["phone"], gone["address"]) == (None,) * 4
    assert old.anonymised_on == TODAY
    notes = db.session.scalars(
        select(ComplaintEvent.text).where(ComplaintEvent.complaint_id == old.id)
    ).all()
    assert not any(note and "07700" in note for note in notes)
    # The themes' copy of what happened goes too; its themes stay for the figures.
    comment = db.session.scalar(
        select(Comment).where(Comment.source == "complaint", Comment.source_id == old.id)
    )
    assert comment.text == REMOVED
    assert [_row(recent), _row(still_open)] == untouched
    assert {c.reference: {k: getattr(c, k) for k in KEPT} for c in cases} == kept_before
    again = apply_rules("test", today=TODAY)
    assert sum(line.get("changed", 0) for line in again.report) == 0


def test_old_emails_lose_their_address_and_words(app):
    old = EmailMessage(
        to="pat@example.com",
        subject="Your complaint",
        body="Dear Pat, about your son Sam...",
        reference="complaint-ack",
        status=MessageStatus.SENT,
        created_at=datetime(2024, 11, 1, 9, tzinfo=UTC),
    )
    recent = EmailMessage(
        to="jo@example.com",
        subject="Your complaint",
        body="Dear Jo",
        reference="complaint-ack",
        status=MessageStatus.SENT,
        created_at=datetime(2025, 6, 1, 9, tzinfo=UTC),
    )
    db.session.add_all([old, recent])
    db.session.commit()
    apply_rules("test", today=TODAY)
    db.session.commit()
    db.session.refresh(old)
    db.session.refresh(recent)
    assert (old.to, old.body, old.subject) == (REMOVED, REMOVED, "Your complaint")
    assert (recent.to, recent.body) == ("jo@example.com", "Dear Jo")


def test_the_nightly_job_only_reports_until_the_trust_turns_it_on(app, cases):
    old = cases[0]
    app.config["RETENTION_COMPLAINT_YEARS"] = 1
    assert scheduled_run() == 0
    db.session.commit()
    assert _row(old)["complainant_name"] == "Pat Example"
    app.config["RETENTION_APPLY"] = True
    assert scheduled_run() >= 2  # every case closed more than a year ago
    db.session.commit()
    assert _row(old)["complainant_name"] == REMOVED
    kinds = db.session.scalars(select(RetentionRun.applied).order_by(RetentionRun.id)).all()
    assert kinds == [False, True]


def test_admins_read_a_dry_run_then_apply_it(client, cases):
    old = cases[0]
    client.application.config["RETENTION_COMPLAINT_YEARS"] = 1
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/admin/retention/").get_data(as_text=True)
    assert "No dry run yet" in page and "Remove this personal data now" not in page
    assert client.post("/admin/retention/dry-run").status_code == 302
    page = client.get("/admin/retention/").get_data(as_text=True)
    assert old.reference in page and "Remove this personal data now" in page
    assert _row(old)["complainant_name"] == "Pat Example"
    assert client.post("/admin/retention/apply").status_code == 302
    assert _row(old)["complainant_name"] == REMOVED
    assert "Retention rules applied" in client.get("/admin/retention/").get_data(as_text=True)


@pytest.mark.parametrize("role", [Role.PX_TEAM, Role.SERVICE_MANAGER])
def test_only_admins_apply_retention(client, cases, role):
    sign_in(client, make_user(role))
    assert client.post("/admin/retention/apply").status_code == 403
    assert _row(cases[0])["complainant_name"] == "Pat Example"


def test_the_command_line_report_changes_nothing(app, runner, cases):
    result = runner.invoke(args=["retention", "report"])
    assert result.exit_code == 0, result.output
    assert "complaints:" in result.output and "Dry run: nothing was changed." in result.output
    assert _row(cases[0])["complainant_name"] == "Pat Example"
