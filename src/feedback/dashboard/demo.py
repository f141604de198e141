"""Demo quotes for the People's Council: a few of the last quarter's comments, approved by the
patient experience team, so the summary opens as the Council would see it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.auth.models import Role, User
from feedback.dashboard.council import CouncilQuote, approve_quote, quote_candidates
from feedback.dashboard.periods import quarter_from_args
from feedback.extensions import db
from feedback.themes.services import get_comment

DEMO_QUOTES = 3


def seed_council_quotes(today: date) -> int:
    """Approve a few quotes for the last complete quarter, once; returns how many."""
    if db.session.scalar(select(func.count()).select_from(CouncilQuote)):
        return 0
    approver = db.session.scalar(
        select(User).where(User.role == Role.PX_TEAM).order_by(User.id).limit(1)
    )
    if approver is None:
        return 0
    quarter = quarter_from_args(None, today)
    # Two good and one not, as a real summary would choose: praise and something to fix.
    chosen = [c for c in quote_candidates(quarter) if c[0].sentiment]
    good = [c for c in chosen if c[0].sentiment.value == "positive"][:2]
    poor = [c for c in chosen if c[0].sentiment.value == "negative"][:1]
    for comment, text in good + poor:
        approve_quote(quarter, get_comment(comment.id) or comment, text, approver)
    return len(good) + len(poor)
