"""Comments per theme, month, source and organisation level, for the dashboards: patient
feedback only (staff comments, `sources.STAFF_SOURCES`, are read on their own pages).

One grouped query per level replaces the whole table in the job's transaction; directorates
are those the service belonged to in that month, as for the FFT and complaint figures.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from sqlalchemy import case, delete, func, literal, select

from feedback.extensions import db
from feedback.organisation.models import ServiceDirectorate, Trust
from feedback.organisation.services import in_directorate_then
from feedback.themes.models import Comment, CommentTheme, Sentiment, ThemeSummary
from feedback.themes.sources import STAFF_SOURCES

COUNTED = ("comments", "positive", "neutral", "negative", "urgent")


def _counts() -> list:
    def flag(condition) -> object:  # type: ignore[no-untyped-def]
        return func.sum(case((condition, 1), else_=0))

    return [
        func.count(),
        flag(Comment.sentiment == Sentiment.POSITIVE),
        flag(Comment.sentiment == Sentiment.NEUTRAL),
        flag(Comment.sentiment == Sentiment.NEGATIVE),
        flag(Comment.is_urgent.is_(True)),
    ]


def _insert(query) -> int:  # type: ignore[no-untyped-def]
    names = ["level", "unit_id", "month", "source", "theme_id", *COUNTED]
    result = db.session.execute(
        ThemeSummary.__table__.insert()
        .from_select(names, query)
        .execution_options(preserve_rowcount=True)
    )
    return max(result.rowcount or 0, 0)


def summarise_themes() -> int:
    """Replace every month's theme counts; returns the rows written."""
    db.session.execute(delete(ThemeSummary))
    trust_id = db.session.scalar(select(Trust.id).order_by(Trust.id).limit(1))
    if trust_id is None:
        return 0
    base = (
        select(Comment.received_month, Comment.source, CommentTheme.theme_id)
        .join(CommentTheme, CommentTheme.comment_id == Comment.id)
        .where(Comment.source.not_in(STAFF_SOURCES))  # patient feedback only
    )
    keys = (Comment.received_month, Comment.source, CommentTheme.theme_id)
    written = 0
    for level, unit in (("location", Comment.location_id), ("service", Comment.service_id)):
        written += _insert(
            base.with_only_columns(literal(level), unit, *keys, *_counts())
            .where(unit.is_not(None))
            .group_by(unit, *keys)
        )
    written += _insert(
        base.with_only_columns(literal("trust"), literal(trust_id), *keys, *_counts()).group_by(
            *keys
        )
    )
    s = ThemeSummary
    history = in_directorate_then(s.unit_id, s.month)
    written += _insert(
        select(
            literal("directorate"),
            ServiceDirectorate.directorate_id,
            s.month,
            s.source,
            s.theme_id,
            *[func.sum(getattr(s, name)) for name in COUNTED],
        )
        .join(ServiceDirectorate, history)
        .where(s.level == "service")
        .group_by(ServiceDirectorate.directorate_id, s.month, s.source, s.theme_id)
    )
    return written


def theme_totals(
    level: str, unit_id: int, first: date, last: date, source: str | None = None
) -> dict[int, dict[str, int]]:
    """Each theme's comment counts for one unit over the months first..last."""
    s = ThemeSummary
    query = (
        select(s.theme_id, *[func.sum(getattr(s, name)) for name in COUNTED])
        .where(s.level == level, s.unit_id == unit_id, s.month >= first, s.month <= last)
        .group_by(s.theme_id)
    )
    if source:
        query = query.where(s.source == source)
    return {
        row[0]: dict(zip(COUNTED, (int(v or 0) for v in row[1:]), strict=True))
        for row in db.session.execute(query)
    }


def negative_mentions_by_month(
    level: str, unit_ids: Collection[int] | None, first: date, last: date
) -> dict[int, dict[date, int]]:
    """Negative theme mentions (a comment counts once per theme) per unit and month."""
    s = ThemeSummary
    query = (
        select(s.unit_id, s.month, func.sum(s.negative))
        .where(s.level == level, s.month >= first, s.month <= last)
        .group_by(s.unit_id, s.month)
        .order_by(s.unit_id, s.month)
    )
    if unit_ids is not None:
        query = query.where(s.unit_id.in_(list(unit_ids)))
    result: dict[int, dict[date, int]] = {}
    for unit, month, negative in db.session.execute(query):
        result.setdefault(unit, {})[month] = int(negative or 0)
    return result
