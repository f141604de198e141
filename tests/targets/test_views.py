"""The register in a browser: px_team read it, admins change targets and baselines."""

from __future__ import annotations

from datetime import date

from feedback.auth.models import Role
from feedback.complaints.summary import ComplaintSummary
from feedback.db import trust_today
from feedback.extensions import db
from feedback.targets.evaluate import evaluate_all_targets
from feedback.targets.services import get_target
from tests.factories import make_service, make_user, sign_in


def test_the_register_shows_statuses_in_words(app, client) -> None:
    trust_id = make_service().directorate.trust_id
    month = trust_today().replace(day=1)
    db.session.add(
        ComplaintSummary(
            level="trust", unit_id=trust_id, month=month, responded=10, responded_on_time=6
        )
    )
    db.session.commit()
    evaluate_all_targets()
    db.session.commit()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/targets/")
    assert page.status_code == 200
    assert "Complaints responded to within 25 working days" in page.text
    assert "Off target" in page.text  # not colour alone
    detail = client.get("/targets/complaints-on-time")
    assert "60% (6 of 10)" in detail.text and "Head of Patient Experience" in detail.text
    assert "Change this target" not in detail.text  # px_team read only
    assert client.get("/targets/complaints-on-time/edit").status_code == 403


def test_admins_change_a_target_and_its_open_periods_are_judged_again(app, client) -> None:
    trust_id = make_service().directorate.trust_id
    month = trust_today().replace(day=1)
    db.session.add(
        ComplaintSummary(
            level="trust", unit_id=trust_id, month=month, responded=10, responded_on_time=8
        )
    )
    db.session.commit()
    sign_in(client, make_user(Role.ADMIN))
    form = client.get("/targets/complaints-on-time/edit")
    assert form.status_code == 200
    data = {
        "name": "Complaints responded to within 25 working days",
        "owner": "Chief Nurse",
        "level": "trust",
        "period": "month",
        "direction": "at_least",
        "goal_percent": "80",
        "amber_points": "5",
        "minimum_count": "5",
        "baseline_year": "",
        "trajectory_start": "",
        "goal_by": "",
        "notes": "",
        "is_active": "yes",
    }
    saved = client.post("/targets/complaints-on-time/edit", data=data, follow_redirects=True)
    assert saved.status_code == 200 and "On target" in saved.text and "Chief Nurse" in saved.text
    bad = client.post(
        "/targets/complaints-on-time/edit",
        data={**data, "goal_percent": "ninety", "trajectory_start": "2026-01-01"},
    )
    assert "Enter the goal as a whole number" in bad.text or "Not a valid integer" in bad.text
    assert "Enter both trajectory dates, or neither" in bad.text


def test_admins_enter_a_baseline(app, client) -> None:
    service = make_service("Community nursing")
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/targets/fft-response-rate/baselines")
    assert "Community nursing" in page.text
    saved = client.post(
        "/targets/fft-response-rate/baselines",
        data={"unit_id": str(service.id), "percent": "7"},
        follow_redirects=True,
    )
    assert "Baseline saved for Community nursing" in saved.text
    target = get_target("fft-response-rate")
    assert [b.percent for b in target.baselines] == [7]
    refused = client.post(
        "/targets/fft-response-rate/baselines", data={"unit_id": str(service.id), "percent": "150"}
    )
    assert "between 0 and 100" in refused.text


def test_a_response_rate_over_100_percent_is_shown_as_computed_with_a_warning(app, client) -> None:
    from feedback.metrics.models import FftSummary

    service = make_service("Stewart House")
    month = trust_today().replace(day=1)
    db.session.add(
        FftSummary(
            level="service",
            unit_id=service.id,
            period="month",
            period_start=month,
            very_good=30,
            total=30,
            eligible=24,
        )
    )
    db.session.commit()
    evaluate_all_targets()
    db.session.commit()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/targets/fft-response-rate")
    assert "125% (30 of 24)" in page.text
    assert "Over 100%: check the eligible count" in page.text


def test_clinical_complaints_above_the_baseline_carry_no_data_warning(app, client) -> None:
    trust_id = make_service().directorate.trust_id
    db.session.add_all(
        [
            ComplaintSummary(level="trust", unit_id=trust_id, month=m, clinical_received=n)
            for m, n in ((date(2019, 4, 1), 8), (date(2026, 4, 1), 12))
        ]
    )
    db.session.commit()
    evaluate_all_targets()
    db.session.commit()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/targets/clinical-complaints")
    assert "150% (12 of 8)" in page.text and "Off target" in page.text
    assert "check the eligible count" not in page.text
