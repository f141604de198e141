"""The journey-draft sweep: unfinished answers are not kept longer than they can be resumed."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import and_, delete, or_

from feedback.db import utc_now
from feedback.extensions import db
from feedback.surveys.models import Journey


def sweep_journeys() -> int:
    """Delete drafts older than the resume limit, and finished journeys once a retried submit
    can no longer arrive; returns how many went."""
    now = utc_now()
    abandoned_before = now - current_app.config["JOURNEY_MAX_AGE"]
    finished_before = now - current_app.config["JOURNEY_KEEP_FINISHED"]
    unfinished = and_(Journey.submitted_at.is_(None), Journey.response_id.is_(None))
    result = db.session.execute(
        delete(Journey)
        .where(
            or_(
                and_(unfinished, Journey.updated_at < abandoned_before),
                and_(~unfinished, Journey.updated_at < finished_before),
            )
        )
        .execution_options(synchronize_session=False)
    )
    return max(result.rowcount or 0, 0)
