"""The People's Council's quarterly summary: what people told us, how complaints were handled,
what the trust did about it, and quotes the patient experience team approved.

Anything published here follows the small-number rules: a count under 5 is hidden, and where a
total is shown beside its parts one more part is hidden so nothing can be worked out by
subtraction. Only trust and directorate figures appear, for whole quarters, so no two pages
overlap in a way that would give a smaller group away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.actions.models import ActionStatus
from feedback.actions.services import actions_for_units
from feedback.actions.wording import poster_wording
from feedback.auth.models import User
from feedback.complaints.summary import ComplaintTotals, complaint_totals
from feedback.dashboard.periods import Span, add_months
from feedback.db import Base, utc_now
from feedback.extensions import db
from feedback.metrics.summaries import fft_totals
from feedback.metrics.suppression import MINIMUM_SHOWN, ShownScore, suppress_one, suppress_parts
from feedback.organisation.services import get_trust, list_directorates
from feedback.surveys.scoring import FftScore
from feedback.themes.models import Comment
from feedback.themes.services import (
    CommentFilter,
    list_comments,
    list_themes,
    shareable_text,
)
from feedback.themes.summary import theme_totals

MAIN_THEMES = 5
LONGEST_QUOTE = 400
CANDIDATES = 12
COMPLAINT_TARGET = 90
GROUP_PICTURES = {
    "General": "theme-general",
    "Staff": "theme-staff",
    "Communication & involvement": "theme-communication",
    "Access to medical care & support": "theme-access",
    "Patient journey & service coordination": "theme-journey",
    "Care & treatment": "theme-care",
    "Environment, facilities & transport": "theme-environment",
    "Daily life on a ward": "theme-daily-life",
    "Safety, rights & inclusion": "theme-safety",
}


class CouncilQuote(Base):
    """A comment's redacted words, approved by the patient experience team for one quarter's
    summary. The approved text is what is shown: it is redacted again when saved."""

    __tablename__ = "council_quote"
    __table_args__ = (UniqueConstraint("quarter_start", "comment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quarter_start: Mapped[date] = mapped_column(Date, index=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    approved_by_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    approved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    approved_by: Mapped[User] = relationship()


class QuoteError(ValueError):
    """A quote that cannot be approved; the message is for the person."""


@dataclass(frozen=True)
class ThemePoint:
    name: str
    picture: str
    comments: int
    mostly: str  # "good", "not good" or "mixed"


@dataclass(frozen=True)
class ComplaintPoint:
    received: int | None  # None: fewer than 5, hidden
    answered: int | None
    percent_on_time: int | None
    met_target: bool | None


@dataclass(frozen=True)
class ActionPoint:
    said: str
    did: str
    easy: tuple[str, str] | None  # None: no wording short enough for easy read
    is_done: bool
    status: ActionStatus
    on: date


@dataclass
class CouncilSummary:
    quarter: Span
    trust: ShownScore
    directorates: list[tuple[str, ShownScore]]
    themes: list[ThemePoint]
    complaints: ComplaintPoint
    actions: list[ActionPoint]
    quotes: Sequence[CouncilQuote]
    previous: ShownScore


def _fft(quarter: Span) -> tuple[ShownScore, list[tuple[str, ShownScore]]]:
    trust = get_trust()
    if trust is None:
        return suppress_one(FftScore()), []
    totals = fft_totals("trust", [trust.id], quarter.first, quarter.last)
    directorates = list_directorates()
    found = fft_totals("directorate", [d.id for d in directorates], quarter.first, quarter.last)
    parts = {d.id: (found[d.id].score if d.id in found else FftScore()) for d in directorates}
    shown = suppress_parts(parts, total_is_shown=True)
    trust_score = totals[trust.id].score if trust.id in totals else FftScore()
    return suppress_one(trust_score), [(d.name, shown[d.id]) for d in directorates]


def _themes(quarter: Span) -> list[ThemePoint]:
    trust = get_trust()
    if trust is None:
        return []
    counts = theme_totals("trust", trust.id, quarter.first, quarter.last)
    themes = {t.id: t for t in list_themes(active_only=False)}
    points = []
    for theme_id, c in sorted(counts.items(), key=lambda item: -item[1]["comments"]):
        theme = themes.get(theme_id)
        if theme is None or theme.group == "No theme" or c["comments"] < MINIMUM_SHOWN:
            continue
        if c["positive"] > 2 * c["negative"]:
            mostly = "good"
        elif c["negative"] > 2 * c["positive"]:
            mostly = "not good"
        else:
            mostly = "mixed"
        points.append(
            ThemePoint(
                theme.name, GROUP_PICTURES.get(theme.group, "theme-other"), c["comments"], mostly
            )
        )
        if len(points) == MAIN_THEMES:
            break
    return points


def _complaints(quarter: Span) -> ComplaintPoint:
    trust = get_trust()
    totals = (
        complaint_totals("trust", [trust.id], quarter.first, quarter.last).get(trust.id)
        if trust
        else None
    ) or ComplaintTotals()
    received = totals.complaints_received
    answered = totals.responded
    shown_answered = answered if answered >= MINIMUM_SHOWN else None
    percent = totals.percent_on_time if shown_answered else None
    return ComplaintPoint(
        received if received >= MINIMUM_SHOWN else None,
        shown_answered,
        percent,
        None if percent is None else percent >= COMPLAINT_TARGET,
    )


def council_summary(quarter: Span) -> CouncilSummary:
    trust, directorates = _fft(quarter)
    previous, _ = _fft(quarter.shifted(-3))
    actions = [
        ActionPoint(
            a.said, a.did, poster_wording(a), a.status == ActionStatus.DONE, a.status, a.action_on
        )
        for a in actions_for_units(None, since=add_months(quarter.first, -9), limit=40)
        if a.status in (ActionStatus.DONE, ActionStatus.IN_PROGRESS)
    ][:6]
    return CouncilSummary(
        quarter=quarter,
        trust=trust,
        directorates=directorates,
        themes=_themes(quarter),
        complaints=_complaints(quarter),
        actions=actions,
        quotes=approved_quotes(quarter),
        previous=previous,
    )


def approved_quotes(quarter: Span) -> Sequence[CouncilQuote]:
    return db.session.scalars(
        select(CouncilQuote)
        .where(CouncilQuote.quarter_start == quarter.first)
        .order_by(CouncilQuote.position, CouncilQuote.id)
    ).all()


def quote_candidates(quarter: Span) -> list[tuple[Comment, str]]:
    """Recent comments from the quarter, good and not good, with their redacted text: the
    team chooses among these. Urgent comments are never offered."""
    chosen = {q.comment_id for q in approved_quotes(quarter)}
    found: list[tuple[Comment, str]] = []
    for sentiment in ("positive", "negative"):
        comments, _total = list_comments(
            CommentFilter(
                sentiment=sentiment,  # type: ignore[arg-type]
                month_from=quarter.first,
                month_to=quarter.last,
                urgent=False,
                source="fft",
            ),
            page_size=CANDIDATES * 3,
        )
        picked = [c for c in comments if c.id not in chosen and 30 <= len(c.text) <= LONGEST_QUOTE][
            : CANDIDATES // 2
        ]
        found += [(c, shareable_text(c.text)) for c in picked]
    return found


def approve_quote(quarter: Span, comment: Comment, text: str, by: User) -> CouncilQuote:
    """Save the team's wording; it is redacted once more, so a name typed back in is caught."""
    if comment.is_urgent:
        raise QuoteError("Urgent comments cannot be quoted")
    text = shareable_text((text or "").strip())
    if not text:
        raise QuoteError("Enter the words to quote")
    if len(text) > LONGEST_QUOTE:
        raise QuoteError(f"Keep the quote to {LONGEST_QUOTE} characters or fewer")
    quote = db.session.scalar(
        select(CouncilQuote).where(
            CouncilQuote.quarter_start == quarter.first, CouncilQuote.comment_id == comment.id
        )
    )
    approver_id = by.id  # read first: loading it must not flush a half-made quote
    if quote is None:
        quote = CouncilQuote(
            quarter_start=quarter.first,
            comment_id=comment.id,
            text=text,
            approved_by_id=approver_id,
        )
        db.session.add(quote)
    quote.text = text
    quote.approved_by_id = approver_id
    quote.approved_at = utc_now()
    db.session.flush()
    return quote


def get_quote(quote_id: int) -> CouncilQuote | None:
    return db.session.get(CouncilQuote, quote_id)


def remove_quote(quote: CouncilQuote) -> None:
    db.session.delete(quote)
