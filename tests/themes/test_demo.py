"""The demo opens on tagged comments, some coded and reviewed, and urgent alerts to act on."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.metrics.demo import URGENT_COMMENTS
from feedback.themes.demo import seed_themes_demo
from feedback.themes.models import Comment, CommentTheme, UrgentAlert
from tests.factories import make_location, make_response, make_user


def _count(query) -> int:  # type: ignore[no-untyped-def]
    return db.session.scalar(select(func.count()).select_from(query)) or 0


def test_the_demo_tags_every_comment_and_leaves_work_to_do(app):
    make_user(Role.PX_TEAM)
    location = make_location()
    for number in range(40):
        make_response(location, rating=4, comment=f"The food was cold, day {number}")
    for text in URGENT_COMMENTS:
        make_response(location, rating=5, comment=text)
    done = seed_themes_demo()
    assert f"{40 + len(URGENT_COMMENTS)} comments tagged" in done
    assert _count(select(Comment).where(Comment.tagged_at.is_(None)).subquery()) == 0
    assert _count(select(CommentTheme).subquery()) >= 40
    assert _count(select(Comment).where(Comment.coded_at.is_not(None)).subquery()) > 0
    assert _count(select(Comment).where(Comment.reviewed_at.is_not(None)).subquery()) > 0
    alerts = db.session.scalars(select(UrgentAlert)).all()
    assert len(alerts) == len(URGENT_COMMENTS)
    assert 0 < sum(a.closed_at is not None for a in alerts) < len(alerts)
    assert seed_themes_demo() == ""
