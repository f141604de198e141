"""Theme counts per month, source and organisation level, kept for the dashboards."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from feedback.extensions import db
from feedback.jobs import JOBS_BY_ID
from feedback.scheduler.runner import run_job
from feedback.themes.models import Theme, ThemeSummary
from feedback.themes.tagging import collect_and_tag
from tests.complaints.test_case_work import make_case
from tests.factories import make_directorate, make_location, make_response, make_service


def test_theme_counts_roll_up_from_locations_to_the_trust(app):
    directorate = make_directorate("Community Health Services")
    ward = make_location(service=make_service("Community hospitals", directorate))
    team = make_location(service=make_service("District nursing", directorate))
    march = datetime(2026, 3, 10, 12, tzinfo=UTC)
    make_response(ward, rating=5, comment="The food was cold", submitted_at=march)
    make_response(ward, rating=1, comment="Lovely food", submitted_at=march)
    make_response(team, rating=4, comment="The food was awful", submitted_at=march)
    make_case(team.service, received_on=date(2026, 3, 2), what_happened="Cold food again")
    collect_and_tag()
    db.session.commit()
    result = run_job(JOBS_BY_ID["themes-summaries"], triggered_by="test")
    assert result.status.value == "succeeded"
    food = db.session.scalar(select(Theme.id).where(Theme.name.like("Food%")))

    def row(level, unit, source="fft"):  # type: ignore[no-untyped-def]
        return db.session.get(ThemeSummary, (level, unit, date(2026, 3, 1), source, food))

    assert row("location", ward.id).comments == 2
    assert (row("location", ward.id).positive, row("location", ward.id).negative) == (1, 1)
    assert row("service", team.service_id).comments == 1
    assert row("service", team.service_id, "complaint").comments == 1
    assert row("directorate", directorate.id).comments == 3
    trust = db.session.scalar(
        select(ThemeSummary).where(
            ThemeSummary.level == "trust",
            ThemeSummary.source == "fft",
            ThemeSummary.theme_id == food,
        )
    )
    assert trust.comments == 3
    # The job replaces what was there: running it again changes nothing.
    run_job(JOBS_BY_ID["themes-summaries"], triggered_by="test")
    assert row("directorate", directorate.id).comments == 3
