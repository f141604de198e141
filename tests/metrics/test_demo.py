"""`flask seed-demo` opens on two years of FFT history, computed into the summary tables."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.auth.api_clients import ApiClient
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.demo import dip_months
from feedback.metrics.models import EligibleCount, FftSummary, LegacyFftMonth
from feedback.organisation.models import Location
from feedback.scheduler.models import JobRun, RunStatus
from feedback.surveys.models import Response
from feedback.surveys.scoring import percent_half_up
from feedback.targets.models import Rag, TargetStatus


def test_the_demo_has_history_variety_and_problems_to_find(app, runner) -> None:
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    assert "Demo FFT history loaded" in result.output
    months = db.session.scalar(select(func.count(func.distinct(Response.submitted_month))))
    assert months >= 24
    assert db.session.scalar(select(func.count(func.distinct(Response.mode)))) == 8
    assert db.session.scalar(select(func.count(func.distinct(Response.language)))) == 5
    assert db.session.scalar(select(func.count()).where(Response.easy_read.is_(True))) > 50
    # Eligible counts for every location and finished month, and the 2019/20 legacy series.
    locations = db.session.scalar(select(func.count(Location.id)))
    assert db.session.scalar(select(func.count(EligibleCount.id))) >= locations * (24 + 12)
    assert db.session.scalar(select(func.count(LegacyFftMonth.id))) == locations * 12
    # They arrive through the API: one key replaced, two in use, all of them used.
    keys = db.session.scalars(select(ApiClient)).all()
    assert sorted(k.is_revoked for k in keys) == [False, False, True]
    assert all(k.last_used_at is not None for k in keys)
    # The summaries are computed, and the runs are on record.
    jobs = set(
        db.session.scalars(select(JobRun.job_id).where(JobRun.status == RunStatus.SUCCEEDED))
    )
    assert {"fft-summaries", "complaint-summaries", "targets", "early-warnings"} <= jobs
    # The dashboards open on problems to find: Belvoir Ward's dip is an early warning, and the
    # People's Council summary has quotes the team approved.
    from feedback.dashboard.council import CouncilQuote
    from feedback.dashboard.warnings import EarlyWarning

    belvoir_id = db.session.scalar(select(Location.id).where(Location.code == "BRAD-BEL"))
    warned = db.session.scalars(
        select(EarlyWarning.measure).where(
            EarlyWarning.level == "location", EarlyWarning.unit_id == belvoir_id
        )
    ).all()
    assert "fft_percent_positive" in warned
    assert db.session.scalar(select(func.count()).select_from(CouncilQuote)) == 3
    belvoir = db.session.scalar(select(Location.id).where(Location.code == "BRAD-BEL"))
    dip = dip_months(trust_today())
    before = [date(m.year - 1, m.month, 1) for m in dip]
    assert _percent_positive(belvoir, dip) + 15 < _percent_positive(belvoir, before)
    # Not 100% everywhere: some targets are off track, some on.
    rags = set(db.session.scalars(select(TargetStatus.rag)))
    assert {Rag.GREEN, Rag.RED} <= rags
    over = db.session.scalar(
        select(func.count()).where(
            FftSummary.level == "location",
            FftSummary.period == "month",
            FftSummary.total > FftSummary.eligible,
        )
    )
    assert over >= 1  # a response rate over 100%, for the data warning


def _percent_positive(location_id: int, months: list[date]) -> int:
    positive, total = db.session.execute(
        select(func.sum(FftSummary.very_good + FftSummary.good), func.sum(FftSummary.total)).where(
            FftSummary.level == "location",
            FftSummary.unit_id == location_id,
            FftSummary.period == "month",
            FftSummary.period_start.in_(months),
        )
    ).one()
    return percent_half_up(positive, total)
