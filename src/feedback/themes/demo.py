"""Demo themes: every demo comment tagged, a model trained where the labelled data is at hand,
some of the team's codings and reviews, and urgent alerts, some closed with a note."""

from __future__ import annotations

import random
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from feedback.auth.models import Role, User
from feedback.config import PROJECT_ROOT
from feedback.extensions import db
from feedback.themes import services
from feedback.themes.models import Comment, Sentiment, Theme, UrgentAlert
from feedback.themes.tagging import collect_comments, retag_everything
from feedback.themes.training import import_labelled, train_new_version

SHARED_LABELLED = PROJECT_ROOT.parent / "shared/data/themes/labelled_comments_v6.csv"
CLOSING_NOTES = [
    "Passed to the ward manager and the safeguarding lead the same day; the patient was "
    "seen by the duty doctor.",
    "Raised as a safeguarding concern (reference in Datix). Family contacted.",
]


def demo_labelled_file() -> Path | None:
    configured = current_app.config.get("THEMES_DEMO_LABELLED")
    if configured == "":
        return None
    path = Path(configured) if configured else SHARED_LABELLED
    return path if path.exists() else None


def seed_themes_demo() -> str:
    """Tag the demo's comments once; returns what was done, or "" if already there."""
    if db.session.scalar(select(func.count()).select_from(Comment)):
        return ""
    done = []
    labelled = demo_labelled_file()
    if labelled is not None:
        import_labelled(labelled, batch="NHS England labelled FFT comments (v6)")
        version, evaluation = train_new_version("seed-demo", always_activate=True)
        db.session.commit()
        done.append(
            f"theme model {version.id} trained (held-back macro-F1 {evaluation.macro_f1:.2f})"
        )
    collect_comments()
    db.session.commit()
    tagged = retag_everything()
    done.append(f"{tagged} comments tagged")
    _team_work()
    return "; ".join(done)


def _team_work() -> None:
    rng = random.Random(13)
    px = db.session.scalar(select(User).where(User.role == Role.PX_TEAM).order_by(User.id))
    if px is None:
        return
    queue = services.review_queue(services.CommentFilter(), limit=60)
    staffing = db.session.scalar(
        select(Theme.id).where(Theme.name == "Staffing levels & responsiveness")
    )
    for number, comment in enumerate(queue):
        if number % 3 == 0:
            services.mark_reviewed(comment, px)
        elif number % 3 == 1:
            themes = [ct.theme_id for ct in comment.themes]
            if staffing is not None and "staff" in comment.text.lower() and staffing not in themes:
                themes.append(staffing)
            services.code_comment(comment, themes, comment.sentiment or Sentiment.NEUTRAL, px)
    alerts = db.session.scalars(select(UrgentAlert).order_by(UrgentAlert.raised_at)).all()
    for alert in alerts[: len(alerts) // 2]:
        services.close_alert(alert, rng.choice(CLOSING_NOTES), px)
    db.session.commit()
