"""The FFT summary tables: days from responses, periods and levels from days."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.metrics.compute import recompute_everything, recompute_range
from feedback.metrics.models import (
    EligibleCount,
    FftDay,
    FftSummary,
    LegacyFftMonth,
)
from feedback.organisation.services import move_service
from feedback.surveys.models import Response, ResponseMode
from tests.factories import make_directorate, make_location, make_response, make_service


def _at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def _summary(level: str, unit_id: int, period: str, start: date) -> FftSummary | None:
    return db.session.get(FftSummary, (level, unit_id, period, start))


def test_a_day_counts_ratings_modes_and_who_answered(app) -> None:
    ward = make_location()
    day = date(2026, 5, 13)
    make_response(ward, 1, ResponseMode.SMS, submitted_at=_at(day), respondent="carer")
    make_response(ward, 2, ResponseMode.SMS, submitted_at=_at(day))
    make_response(
        ward, 6, ResponseMode.PAPER_DISCHARGE, submitted_at=_at(day), respondent="patient"
    )
    make_response(ward, None, ResponseMode.SMS, submitted_at=_at(day), comment="no rating")
    make_response(ward, 4, submitted_at=_at(day + timedelta(days=1)))
    recompute_range(day, day)
    db.session.commit()

    row = db.session.get(FftDay, (ward.id, day))
    assert (row.very_good, row.good, row.dont_know, row.poor) == (1, 1, 1, 0)
    assert row.no_rating == 1
    # A response without a rating is feedback, not an FFT count: it is in no mode.
    assert row.mode_sms == 2 and row.mode_paper_discharge == 1
    assert (row.respondent_carer, row.respondent_patient, row.respondent_not_given) == (1, 1, 1)
    assert row.eligible is None
    # Only the day asked for was computed.
    assert db.session.get(FftDay, (ward.id, day + timedelta(days=1))) is None


def test_periods_and_levels_roll_up(app) -> None:
    ward_a = make_location()
    ward_b = make_location(service=ward_a.service)
    other = make_location(service=make_service(directorate=ward_a.service.directorate))
    days = [date(2026, 4, 30), date(2026, 5, 1), date(2026, 5, 4), date(2026, 6, 30)]
    for index, day in enumerate(days):
        make_response(ward_a, 1, submitted_at=_at(day))
        make_response(ward_b, 5, submitted_at=_at(day))
        make_response(other, 3 if index % 2 else 2, submitted_at=_at(day))
    recompute_range(days[0], days[-1])
    db.session.commit()
    service = ward_a.service

    may = _summary("service", service.id, "month", date(2026, 5, 1))
    assert (may.very_good, may.very_poor, may.total) == (2, 2, 4)
    week = _summary("location", ward_a.id, "week", date(2026, 4, 27))  # Monday
    assert week.total == 2  # 30 April and 1 May: one week, two months
    q1 = _summary("directorate", service.directorate_id, "quarter", date(2026, 4, 1))
    assert q1.total == 12
    year = _summary("trust", service.directorate.trust_id, "year", date(2026, 4, 1))
    assert (year.total, year.good, year.neither) == (12, 2, 2)
    assert (year.language_en, year.language_ur, year.language_other) == (12, 0, 0)


def test_recomputing_replaces_and_is_idempotent(app) -> None:
    ward = make_location()
    day = date(2026, 3, 2)
    make_response(ward, 1, submitted_at=_at(day))
    gone = make_response(ward, 2, submitted_at=_at(day))
    recompute_range(day, day)
    # One day row, then four levels by four periods: what the jobs page shows as rows written.
    assert recompute_range(day, day) == 17
    db.session.commit()
    assert _summary("location", ward.id, "month", date(2026, 3, 1)).total == 2
    db.session.delete(gone)
    db.session.commit()
    recompute_range(day, day)
    db.session.commit()
    assert _summary("location", ward.id, "month", date(2026, 3, 1)).total == 1
    assert db.session.scalar(select(func.count()).select_from(FftSummary)) == 16  # 4 x 4


def test_eligible_and_legacy_counts_are_monthly(app) -> None:
    ward = make_location()
    db.session.add(
        EligibleCount(location_id=ward.id, month=date(2020, 2, 1), eligible=40, source="t")
    )
    db.session.add(
        LegacyFftMonth(
            location_id=ward.id,
            month=date(2020, 2, 1),
            extremely_likely=7,
            likely=2,
            imported_by="t",
        )
    )
    db.session.commit()
    recompute_everything(date(2020, 3, 31))
    db.session.commit()
    month = _summary("location", ward.id, "month", date(2020, 2, 1))
    assert (month.eligible, month.legacy_responses, month.total) == (40, 9, 0)
    quarter = _summary("service", ward.service_id, "quarter", date(2020, 1, 1))
    assert quarter.eligible == 40
    # A week holds part of a month, so it carries no monthly figures.
    week = _summary("location", ward.id, "week", date(2020, 1, 27))
    assert week.eligible is None


def test_a_service_that_moved_counts_where_it_was_then(app) -> None:
    old, new = make_directorate("Adult Mental Health and LD"), make_directorate("FYPC and LD")
    ward = make_location(service=make_service(directorate=old))
    for day in (date(2026, 2, 10), date(2026, 4, 10), date(2026, 5, 10)):
        make_response(ward, 1, submitted_at=_at(day))
    move_service(ward.service, new, date(2026, 4, 1))
    db.session.commit()
    recompute_everything(date(2026, 5, 31))
    db.session.commit()
    assert _summary("directorate", old.id, "month", date(2026, 2, 1)).total == 1
    assert _summary("directorate", new.id, "month", date(2026, 2, 1)) is None
    assert _summary("directorate", new.id, "month", date(2026, 4, 1)).total == 1
    assert _summary("directorate", new.id, "year", date(2026, 4, 1)).total == 2
    assert _summary("directorate", old.id, "year", date(2025, 4, 1)).total == 1
    assert ward.service.directorate_id == new.id


def test_summaries_agree_with_counting_the_responses(app) -> None:
    rng = random.Random(12)
    wards = [make_location() for _ in range(3)]
    first = date(2025, 12, 20)
    for _ in range(150):
        day = first + timedelta(days=rng.randrange(80))
        make_response(
            rng.choice(wards),
            rng.choice([1, 2, 3, 4, 5, 6, None]),
            rng.choice(list(ResponseMode)),
            submitted_at=_at(day, rng.randrange(0, 23)),
        )
    recompute_everything(date(2026, 3, 31))
    db.session.commit()
    direct = dict(
        db.session.execute(
            select(Response.submitted_month, func.count())
            .where(Response.fft_rating.is_not(None))
            .group_by(Response.submitted_month)
        ).all()
    )
    trust_id = wards[0].service.directorate.trust_id
    stored = dict(
        db.session.execute(
            select(FftSummary.period_start, FftSummary.total).where(
                FftSummary.level == "trust", FftSummary.period == "month"
            )
        ).all()
    )
    assert stored == direct
    assert sum(direct.values()) == db.session.scalar(
        select(FftSummary.total).where(
            FftSummary.level == "trust",
            FftSummary.unit_id == trust_id,
            FftSummary.period == "year",
            FftSummary.period_start == date(2025, 4, 1),
        )
    )
