"""Building feedback in given months and running the jobs that fill the summary tables, so the
dashboard tests read what a real trust's pages would."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from feedback.complaints.summary import summarise_complaints
from feedback.dashboard.warning_job import compute_early_warnings
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.compute import recompute_everything
from feedback.metrics.models import EligibleCount
from feedback.organisation.models import Location
from feedback.targets.evaluate import evaluate_all_targets
from feedback.themes.summary import summarise_themes
from feedback.themes.tagging import collect_and_tag
from tests.factories import make_response


def in_month(month: date, day: int = 10) -> datetime:
    """Noon on a day of the month, well away from midnight in London."""
    return datetime.combine(month.replace(day=day), datetime.min.time()) + timedelta(hours=12)


def responses(location: Location, month: date, ratings: Iterable[int], comment: str = "") -> None:
    for rating in ratings:
        make_response(location, rating=rating, submitted_at=in_month(month), comment=comment)


def eligible(location: Location, month: date, count: int) -> None:
    db.session.add(
        EligibleCount(location_id=location.id, month=month, eligible=count, source="test")
    )
    db.session.commit()


def refresh(today: date | None = None) -> None:
    """Every job a dashboard reads from, as the scheduler runs them."""
    today = today or trust_today()
    collect_and_tag()
    recompute_everything(today)
    summarise_complaints()
    summarise_themes()
    evaluate_all_targets()
    compute_early_warnings(today)
    db.session.commit()


def done_action(location: Location, said: str, did: str, on: date, **wording: str):  # type: ignore[no-untyped-def]
    """A done "you said, we did" action at a ward, recorded by a px_team member."""
    from feedback.actions.models import ActionStatus
    from feedback.actions.services import ActionInput, create_action
    from feedback.auth.models import Role
    from tests.factories import make_user

    action = create_action(
        ActionInput(
            said=said,
            did=did,
            by_whom="Ward manager",
            status=ActionStatus.DONE,
            action_on=on,
            location_id=location.id,
            **wording,
        ),
        by=make_user(Role.PX_TEAM),
        today=trust_today(),
    )
    db.session.commit()
    return action
