"""Red, amber and green for the seeded Quality Account targets, and the history kept."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from feedback.complaints.summary import ComplaintSummary
from feedback.extensions import db
from feedback.metrics.models import FftSummary
from feedback.targets.evaluate import (
    Figure,
    computed_baselines,
    evaluate_target,
    rag_for,
    threshold_for,
)
from feedback.targets.models import Rag, Target, TargetBaseline, TargetStatus
from feedback.targets.services import get_target, set_baseline
from tests.factories import make_service

TODAY = date(2026, 12, 1)


def _complaints(trust_id: int, month: date, **counts: int) -> None:
    db.session.add(ComplaintSummary(level="trust", unit_id=trust_id, month=month, **counts))


def _status(target: Target, unit_id: int, start: date) -> TargetStatus | None:
    return db.session.scalar(
        select(TargetStatus).where(
            TargetStatus.target_id == target.id,
            TargetStatus.unit_id == unit_id,
            TargetStatus.period_start == start,
        )
    )


def test_the_register_is_seeded_from_the_quality_account(app) -> None:
    codes = set(db.session.scalars(select(Target.code)))
    assert {
        "complaints-on-time",
        "clinical-complaints",
        "acknowledged-in-time",
        "fft-response-rate",
    } <= codes
    on_time = get_target("complaints-on-time")
    assert (on_time.goal_percent, on_time.direction.value) == (90, "at_least")
    assert get_target("clinical-complaints").baseline_year == 2019


@pytest.mark.parametrize(
    ("on_time", "responded", "rag"),
    [
        (9, 10, Rag.GREEN),
        (44, 50, Rag.AMBER),
        (8, 10, Rag.RED),
        (4, 4, Rag.TOO_LITTLE_DATA),
        (0, 0, Rag.TOO_LITTLE_DATA),
    ],
)
def test_complaints_on_time(app, on_time: int, responded: int, rag: Rag) -> None:
    trust_id = make_service().directorate.trust_id
    _complaints(trust_id, date(2026, 10, 1), responded=responded, responded_on_time=on_time)
    target = get_target("complaints-on-time")
    evaluate_target(target, TODAY)
    status = _status(target, trust_id, date(2026, 10, 1))
    assert status.rag == rag
    assert (status.numerator, status.threshold_percent) == (on_time, 90)
    assert status.owner == target.owner


def test_clinical_complaints_against_the_same_quarter_of_the_baseline_year(app) -> None:
    trust_id = make_service().directorate.trust_id
    for month, clinical in ((date(2019, 4, 1), 6), (date(2019, 5, 1), 4)):  # Q1 2019/20: 10
        _complaints(trust_id, month, clinical_received=clinical)
    _complaints(trust_id, date(2026, 4, 1), clinical_received=9)  # Q1 2026/27: 90% of baseline
    _complaints(trust_id, date(2026, 7, 1), clinical_received=3)  # Q2: no baseline quarter
    target = get_target("clinical-complaints")
    evaluate_target(target, TODAY)
    status = _status(target, trust_id, date(2026, 4, 1))
    assert (status.numerator, status.denominator, status.rag) == (9, 10, Rag.GREEN)
    assert _status(target, trust_id, date(2026, 7, 1)).rag == Rag.NO_BASELINE
    assert _status(target, trust_id, date(2019, 4, 1)) is None  # the baseline itself


def test_a_trajectory_climbs_from_the_baseline_to_the_goal(app) -> None:
    target = get_target("fft-response-rate")  # from April 2020 to 20% by March 2027
    assert threshold_for(target, 6, date(2020, 4, 1)) == 6  # first step, rounded half up
    middle = threshold_for(target, 6, date(2023, 10, 1))
    assert 6 < middle < 20
    assert threshold_for(target, 6, date(2027, 3, 1)) == 20
    assert threshold_for(target, 6, date(2028, 1, 1)) == 20
    assert threshold_for(target, None, date(2024, 1, 1)) is None


def test_baselines_come_from_stored_data_with_the_legacy_series_or_are_entered(app) -> None:
    service = make_service()
    db.session.add(
        FftSummary(
            level="service",
            unit_id=service.id,
            period="quarter",
            period_start=date(2020, 1, 1),
            very_good=3,
            good=0,
            total=3,
            eligible=200,
            legacy_responses=17,
        )
    )
    db.session.add(
        FftSummary(
            level="service",
            unit_id=service.id,
            period="month",
            period_start=date(2026, 10, 1),
            very_good=30,
            good=10,
            total=40,
            eligible=250,
            legacy_responses=None,
        )
    )
    db.session.commit()
    target = get_target("fft-response-rate")
    assert computed_baselines(target) == {service.id: 10}  # (3 + 17) / 200
    evaluate_target(target, TODAY)
    status = _status(target, service.id, date(2026, 10, 1))
    assert status.numerator == 40 and status.denominator == 250  # 16%
    assert status.rag in (Rag.AMBER, Rag.RED)
    set_baseline(target, service.id, 2, "admin@example.nhs.uk")
    db.session.flush()
    db.session.expire(target, ["baselines"])
    assert db.session.scalar(select(TargetBaseline.percent)) == 2
    evaluate_target(target, TODAY)
    assert (
        _status(target, service.id, date(2026, 10, 1)).threshold_percent
        < status.threshold_percent + 1
    )


def test_rates_over_100_percent_are_judged_as_computed(app) -> None:
    target = get_target("complaints-on-time")
    assert rag_for(target, Figure(12, 10), 90) == Rag.GREEN


def test_a_closed_period_keeps_its_status_and_owner(app) -> None:
    trust_id = make_service().directorate.trust_id
    _complaints(trust_id, date(2026, 6, 1), responded=10, responded_on_time=5)
    target = get_target("complaints-on-time")
    evaluate_target(target, date(2026, 7, 2))
    assert _status(target, trust_id, date(2026, 6, 1)).rag == Rag.RED
    target.owner = "A new owner"
    db.session.query(ComplaintSummary).update({"responded_on_time": 10})
    evaluate_target(target, TODAY)
    kept = _status(target, trust_id, date(2026, 6, 1))
    assert (kept.rag, kept.owner) == (Rag.RED, "Head of Patient Experience and Involvement")
