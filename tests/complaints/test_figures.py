"""Figures and the KO41a return, checked against small hand-counted fixtures."""

from __future__ import annotations

from datetime import date

from feedback.auth.models import Role
from feedback.complaints import services
from feedback.complaints.figures import (
    DIRECTORATE,
    TRUST,
    compute_complaint_figures,
    financial_year,
    ko41a_rows,
    percent,
    quarter_period,
)
from feedback.complaints.models import CaseKind, CaseStatus, CategoryList, Compliment, Outcome
from feedback.extensions import db
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_user

TODAY = date(2026, 12, 1)


def _category(which, name):  # type: ignore[no-untyped-def]
    return next(c for c in services.list_categories(which) if c.name == name)


def _respond_and_close(case, by, responded, outcome, subjects, age, clinical=False):  # type: ignore[no-untyped-def]
    for status in (CaseStatus.ACKNOWLEDGED, CaseStatus.INVESTIGATING):
        services.move_case(case, status, by=by, on=case.received_on, today=TODAY)
    services.move_case(case, CaseStatus.RESPONSE_DRAFTED, by=by, on=responded, today=TODAY)
    services.move_case(case, CaseStatus.SIGNED_OFF, by=by, on=responded, today=TODAY)
    services.move_case(case, CaseStatus.RESPONDED, by=by, on=responded, today=TODAY)
    result = services.CaseOutcome(
        outcome=outcome,
        is_clinical=clinical,
        subjects=[_category(CategoryList.SUBJECT, s) for s in subjects],
        service_areas=[_category(CategoryList.SERVICE_AREA, "Adult mental health")],
        professions=[_category(CategoryList.PROFESSION, "Medical")],
        age_band=_category(CategoryList.AGE_BAND, age),
        complainant_status=_category(CategoryList.COMPLAINANT_STATUS, "Patient"),
        lessons_learned="Lessons",
        actions=[],
    )
    services.close_case(case, result, by=by, on=responded, today=TODAY)


def _fixture():  # type: ignore[no-untyped-def]
    """Hand-counted for 2024/25 (1 April 2024 to 31 March 2025):
    - A: received 2024-03-20 (last year), responded and closed 2024-04-30 upheld: brought
      forward, resolved; late (due 26 April: Easter fell inside its 25 working days).
    - B: received 2024-05-01, responded 2024-06-05 (day 24, on time), partly upheld,
      subjects Communications + Patient care, age 18 to 64, clinical.
    - C: received 2024-06-03, responded 2024-08-01 (late), not upheld, Waiting times, 65 to 74.
    - D: received 2025-03-10 by someone on behalf, still open: carried forward, age unknown.
    - E: a PALS concern in the year: not a written complaint, not in the KO41a.
    """
    location = make_location()
    px = make_user(Role.PX_TEAM)
    service = location.service
    a = make_case(service, received_on=date(2024, 3, 20))
    _respond_and_close(a, px, date(2024, 4, 30), Outcome.UPHELD, ["Appointments"], "85 and over")
    b = make_case(service, received_on=date(2024, 5, 1))
    _respond_and_close(
        b,
        px,
        date(2024, 6, 5),
        Outcome.PARTLY_UPHELD,
        ["Communications", "Patient care"],
        "18 to 64",
        clinical=True,
    )
    c = make_case(service, received_on=date(2024, 6, 3))
    _respond_and_close(c, px, date(2024, 8, 1), Outcome.NOT_UPHELD, ["Waiting times"], "65 to 74")
    make_case(service, received_on=date(2025, 3, 10), raised_by_patient=False)
    make_case(service, received_on=date(2024, 9, 2), kind=CaseKind.PALS)
    db.session.add(
        Compliment(received_on=date(2024, 7, 1), service_id=service.id, source="card", summary="x")
    )
    db.session.commit()
    return service


def test_ko41a_matches_the_hand_counted_fixture(app):
    _fixture()
    rows = {(part, item): count for part, item, count in ko41a_rows(2024)}
    assert rows[("Summary", "Brought forward")] == 1
    assert rows[("Summary", "New")] == 3
    assert rows[("Summary", "Resolved")] == 3
    assert rows[("Summary", "Resolved: upheld")] == 1
    assert rows[("Summary", "Resolved: partially upheld")] == 1
    assert rows[("Summary", "Resolved: not upheld")] == 1
    assert rows[("Summary", "Carried forward")] == 1
    assert rows[("Age band", "18 to 64")] == 1 and rows[("Age band", "65 to 74")] == 1
    assert rows[("Age band", "Age unknown")] == 1 and rows[("Age band", "85 and over")] == 0
    assert rows[("Complainant status", "Patient")] == 2
    assert rows[("Complainant status", "Someone on behalf of the patient")] == 1
    # A complaint with two subjects counts once against each.
    assert rows[("Subject", "Communications")] == 1 and rows[("Subject", "Patient care")] == 1
    assert rows[("Subject", "Waiting times")] == 1 and rows[("Subject", "Appointments")] == 0
    assert rows[("Subject", "Not yet coded (case still open)")] == 1
    # The return's own checks: each single list sums to New; multi lists to at least New.
    by_part: dict[str, int] = {}
    for (part, _item), count in rows.items():
        by_part[part] = by_part.get(part, 0) + count
    assert by_part["Age band"] == by_part["Complainant status"] == 3
    assert by_part["Subject"] >= 3 and by_part["Service area"] >= 3 and by_part["Profession"] >= 3
    resolved = sum(
        rows[("Summary", f"Resolved: {o}")] for o in ("upheld", "partially upheld", "not upheld")
    )
    assert resolved == rows[("Summary", "Resolved")]


def test_figures_for_a_year_and_a_quarter(app):
    service = _fixture()
    year = compute_complaint_figures(financial_year(2024), TRUST)[0]
    assert year.received == 3 and year.pals_received == 1
    assert year.acknowledged_in_time == 2  # B and C; D is not yet acknowledged
    assert year.responded == 3 and year.responded_on_time == 1  # B; A and C were late
    assert year.percent_on_time == 33
    assert year.clinical == 1 and year.compliments == 1
    assert year.outcomes == {Outcome.UPHELD: 1, Outcome.PARTLY_UPHELD: 1, Outcome.NOT_UPHELD: 1}
    assert year.median_working_days is not None
    by_directorate = compute_complaint_figures(financial_year(2024), DIRECTORATE)
    assert by_directorate[service.directorate_id].received == 3
    q1 = compute_complaint_figures(quarter_period(2024, 1), TRUST)[0]
    assert q1.received == 2 and q1.responded == 2  # A (30 April) and B (5 June)
    empty = compute_complaint_figures(financial_year(2030), TRUST)[0]
    assert empty.received == 0 and empty.percent_on_time is None


def test_percent_rounds_halves_up_from_exact_integers():
    assert percent(5, 8) == 63  # 62.5
    assert percent(23, 40) == 58  # 57.5, which float division gets wrong
    assert percent(0, 0) is None


def test_the_figures_page_and_the_ko41a_download(app, client):
    from tests.factories import sign_in

    _fixture()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/complaints/figures/?year=2024").get_data(as_text=True)
    assert "33% (1 of 3 responses)" in page and "Complaints received" in page
    csv_text = client.get("/complaints/figures/ko41a.csv?year=2024").get_data(as_text=True)
    assert csv_text.startswith("financial_year,part,item,count")
    assert "2024/25,Summary,New,3" in csv_text
