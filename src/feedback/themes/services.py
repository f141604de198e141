"""Reading and coding comments: filters, the team's corrections, the review queue, alerts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, delete, exists, func, insert, select
from sqlalchemy.orm import selectinload

from feedback.auth.models import User
from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Location, Service, ServiceDirectorate
from feedback.organisation.services import in_directorate_then
from feedback.themes.files import staff_names
from feedback.themes.model import CommentInput, suggest
from feedback.themes.models import (
    Comment,
    CommentTheme,
    Origin,
    Sentiment,
    Theme,
    UrgentAlert,
)
from feedback.themes.redaction import redact
from feedback.themes.sources import STAFF_SOURCES
from feedback.themes.tagging import active_model_version, load_model

PAGE_SIZE = 25
# The queue picks among this many of the most uncertain comments, for variety.
QUEUE_CANDIDATES = 400


@dataclass(frozen=True)
class CommentFilter:
    theme_id: int | None = None
    sentiment: Sentiment | None = None
    service_id: int | None = None
    directorate_id: int | None = None
    location_id: int | None = None
    source: str | None = None
    month_from: date | None = None
    month_to: date | None = None
    reviewed: bool | None = None
    urgent: bool | None = None
    text: str | None = None
    # Staff comments are shown redacted to anyone outside the patient experience team, so a
    # search of their unredacted words would say who they name: such searches skip them.
    text_search_reads_staff_comments: bool = True

    def apply(self, query: Select) -> Select:
        return query.where(*self._conditions())

    def _conditions(self) -> list:
        simple = [
            (self.sentiment, lambda v: Comment.sentiment == v),
            (self.service_id, lambda v: Comment.service_id == v),
            (self.location_id, lambda v: Comment.location_id == v),
            (self.source or None, lambda v: Comment.source == v),
            (self.month_from, lambda v: Comment.received_month >= v),
            (self.month_to, lambda v: Comment.received_month <= v),
            (self.urgent, lambda v: Comment.is_urgent.is_(v)),
            (
                self.reviewed,
                lambda v: Comment.reviewed_at.is_not(None) if v else Comment.reviewed_at.is_(None),
            ),
            (self.text or None, self._text_matches),
            (
                self.theme_id,
                lambda v: exists().where(
                    CommentTheme.comment_id == Comment.id, CommentTheme.theme_id == v
                ),
            ),
            (self.directorate_id, _in_directorate),
        ]
        return [condition(value) for value, condition in simple if value is not None]

    def _text_matches(self, text: str):  # type: ignore[no-untyped-def]
        matches = func.lower(Comment.text).contains(text.lower())
        if self.text_search_reads_staff_comments:
            return matches
        return and_(matches, Comment.source.not_in(sorted(STAFF_SOURCES)))


def _in_directorate(directorate_id: int):  # type: ignore[no-untyped-def]
    """The directorate the comment's service belonged to in the comment's month."""
    return exists().where(
        in_directorate_then(Comment.service_id, Comment.received_month),
        ServiceDirectorate.directorate_id == directorate_id,
    )


def list_comments(
    filters: CommentFilter, page: int = 1, page_size: int = PAGE_SIZE
) -> tuple[Sequence[Comment], int]:
    """A page of comments, newest first, and how many match in all."""
    total = db.session.scalar(filters.apply(select(func.count()).select_from(Comment))) or 0
    comments = db.session.scalars(
        filters.apply(select(Comment))
        .options(selectinload(Comment.themes).selectinload(CommentTheme.theme))
        .order_by(Comment.received_on.desc(), Comment.id.desc())
        .limit(page_size)
        .offset((max(page, 1) - 1) * page_size)
    ).all()
    return comments, total


def review_queue(filters: CommentFilter, limit: int = PAGE_SIZE) -> Sequence[Comment]:
    """Uncoded, unreviewed comments in the order the `themes suggest` command would choose
    them: the most the model would learn, less what is like what is already picked."""
    candidates = db.session.scalars(
        filters.apply(select(Comment))
        .where(Comment.coded_at.is_(None), Comment.reviewed_at.is_(None))
        .options(selectinload(Comment.themes).selectinload(CommentTheme.theme))
        .order_by(
            Comment.learning_value.is_(None),
            Comment.learning_value.desc(),
            Comment.received_on.desc(),
            Comment.id.desc(),
        )
        .limit(QUEUE_CANDIDATES)
    ).all()
    version = active_model_version()
    if version is None or not candidates:
        return candidates[:limit]
    model = load_model(version)
    inputs = [CommentInput(c.text, c.question, c.rating) for c in candidates]
    return [candidates[i] for i in suggest(model, inputs, limit)]


def get_comment(comment_id: int) -> Comment | None:
    return db.session.get(Comment, comment_id)


def themes_by_group(active_only: bool = True) -> dict[str, list[Theme]]:
    query = select(Theme).order_by(Theme.position, Theme.name)
    if active_only:
        query = query.where(Theme.is_active.is_(True))
    grouped: dict[str, list[Theme]] = {}
    for theme in db.session.scalars(query):
        grouped.setdefault(theme.group, []).append(theme)
    return grouped


def list_themes(active_only: bool = True) -> list[Theme]:
    return [theme for themes in themes_by_group(active_only).values() for theme in themes]


def code_comment(
    comment: Comment,
    theme_ids: Sequence[int],
    sentiment: Sentiment | None,
    by: User,
) -> None:
    """The team's coding replaces the machine's: these themes are now training data."""
    now = utc_now()
    db.session.execute(delete(CommentTheme).where(CommentTheme.comment_id == comment.id))
    chosen = sorted(set(theme_ids))
    if chosen:
        db.session.execute(
            insert(CommentTheme),
            [
                {"comment_id": comment.id, "theme_id": theme_id, "origin": Origin.TEAM}
                for theme_id in chosen
            ],
        )
    if sentiment is not None:
        comment.sentiment = sentiment
    comment.coded_at = comment.reviewed_at = now
    comment.coded_by_id = comment.reviewed_by_id = by.id
    db.session.expire(comment, ["themes"])


def mark_reviewed(comment: Comment, by: User) -> None:
    """Read and agreed: the machine's themes stand, and the comment leaves the queue."""
    comment.reviewed_at = utc_now()
    comment.reviewed_by_id = by.id


def theme_names(comment: Comment) -> list[str]:
    return [ct.theme.name for ct in sorted(comment.themes, key=lambda ct: ct.theme.position)]


def source_names() -> list[str]:
    return list(db.session.scalars(select(Comment.source).distinct().order_by(Comment.source)))


def where_from(comment: Comment) -> str:
    """The ward or service a comment is about, in words."""
    if comment.location_id is not None:
        location = db.session.get(Location, comment.location_id)
        if location is not None:
            return f"{location.name}, {location.service.name}"
    if comment.service_id is not None:
        service = db.session.get(Service, comment.service_id)
        if service is not None:
            return service.name
    return "Not known"


# Urgent comments


def open_alerts() -> Sequence[UrgentAlert]:
    return db.session.scalars(
        select(UrgentAlert)
        .where(UrgentAlert.closed_at.is_(None))
        .options(selectinload(UrgentAlert.comment))
        .order_by(UrgentAlert.raised_at.desc())
    ).all()


def closed_alerts(limit: int = 50) -> Sequence[UrgentAlert]:
    return db.session.scalars(
        select(UrgentAlert)
        .where(UrgentAlert.closed_at.is_not(None))
        .options(selectinload(UrgentAlert.comment))
        .order_by(UrgentAlert.closed_at.desc())
        .limit(limit)
    ).all()


def alert_for(comment: Comment) -> UrgentAlert | None:
    return db.session.scalar(select(UrgentAlert).where(UrgentAlert.comment_id == comment.id))


def raise_alert(comment: Comment, by: User) -> UrgentAlert:
    """A person flags a comment the detector missed; it stays open like any other."""
    alert = alert_for(comment)
    if alert is None:
        alert = UrgentAlert(
            comment_id=comment.id,
            concerns=["raised by staff"],
            phrases=[by.name],
            raised_at=utc_now(),
        )
        db.session.add(alert)
    else:
        alert.closed_at = alert.closed_by_id = alert.close_note = None
    comment.is_urgent = True
    return alert


def close_alert(alert: UrgentAlert, note: str, by: User) -> None:
    alert.closed_at = utc_now()
    alert.closed_by_id = by.id
    alert.close_note = note


def count_open_alerts() -> int:
    return (
        db.session.scalar(
            select(func.count()).select_from(UrgentAlert).where(UrgentAlert.closed_at.is_(None))
        )
        or 0
    )


def shareable_text(text: str) -> str:
    """The text with personal details replaced, every staff name the app knows included: what
    may leave the patient experience team."""
    return redact(text, staff_names())
