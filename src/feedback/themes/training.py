"""Training theme models from imported labelled comments and the team's own codings.

Every trained model is stored with its evaluation on a held-back part of its data. A model
trained by the scheduled job is activated only if its held-back macro-F1 is at least the active
model's; an admin's `themes train` always activates (it is an explicit choice).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TextIO

from flask import current_app
from sqlalchemy import delete, func, select, update

from feedback.db import utc_now
from feedback.extensions import db
from feedback.themes.model import Evaluation, LabelledComment, read_labelled_csv, train_and_evaluate
from feedback.themes.models import (
    Comment,
    CommentTheme,
    ModelVersion,
    Sentiment,
    Theme,
    TrainingComment,
    TrainingRequest,
)

# The team codes sentiment in three words; the model learns the labellers' five points.
TEAM_SENTIMENT_SCALE = {Sentiment.POSITIVE: 2, Sentiment.NEUTRAL: 3, Sentiment.NEGATIVE: 4}


def import_labelled(source: str | Path | TextIO, batch: str) -> int:
    """Store a labelled CSV (v6 or v7 columns) as training data, replacing an earlier import
    of the same name; raises ValueError with a message for a file that is not one."""
    comments = read_labelled_csv(source)
    if not comments:
        raise ValueError("The file has no coded comments in it.")
    db.session.execute(delete(TrainingComment).where(TrainingComment.batch == batch))
    db.session.add_all(
        TrainingComment(
            batch=batch,
            text=c.text,
            question=c.question,
            rating=c.rating,
            themes=sorted(c.themes),
            sentiment_scale=c.sentiment,
            respondent=c.respondent,
        )
        for c in comments
    )
    return len(comments)


def imported_batches() -> list[tuple[str, int, datetime]]:
    return [
        tuple(row)
        for row in db.session.execute(
            select(
                TrainingComment.batch,
                func.count(),
                func.max(TrainingComment.imported_at),
            ).group_by(TrainingComment.batch)
        )
    ]


def team_codings() -> list[LabelledComment]:
    coded = db.session.execute(
        select(Comment.id, Comment.text, Comment.question, Comment.rating, Comment.sentiment)
        .where(Comment.coded_at.is_not(None))
        .order_by(Comment.id)
    ).all()
    names: dict[int, set[str]] = {}
    for comment_id, name in db.session.execute(
        select(CommentTheme.comment_id, Theme.name)
        .join(Theme, Theme.id == CommentTheme.theme_id)
        .join(Comment, Comment.id == CommentTheme.comment_id)
        .where(Comment.coded_at.is_not(None))
    ):
        names.setdefault(comment_id, set()).add(name)
    return [
        LabelledComment(
            text=text,
            question=question,
            rating=rating,
            themes=frozenset(names.get(comment_id, ())),
            sentiment=TEAM_SENTIMENT_SCALE.get(sentiment) if sentiment else None,
            respondent=f"comment-{comment_id}",
        )
        for comment_id, text, question, rating, sentiment in coded
    ]


def imported_comments() -> list[LabelledComment]:
    return [
        LabelledComment(
            text=row.text,
            question=row.question,
            rating=row.rating,
            themes=frozenset(row.themes),
            sentiment=row.sentiment_scale,
            respondent=row.respondent or f"row-{row.id}",
        )
        for row in db.session.scalars(select(TrainingComment).order_by(TrainingComment.id))
    ]


def training_data() -> tuple[list[LabelledComment], int]:
    team = team_codings()
    return imported_comments() + team, len(team)


def active_version() -> ModelVersion | None:
    return db.session.scalar(select(ModelVersion).where(ModelVersion.is_active.is_(True)))


def _activate(version: ModelVersion) -> None:
    db.session.execute(update(ModelVersion).values(is_active=False))
    db.session.flush()
    version.is_active = True


def train_new_version(
    trigger: str,
    *,
    always_activate: bool = False,
    comments: Sequence[LabelledComment] | None = None,
) -> tuple[ModelVersion, Evaluation]:
    """Train, evaluate on a held-back part, store; activate when it is no worse."""
    team = 0
    if comments is None:
        comments, team = training_data()
    minimum = current_app.config["THEMES_MINIMUM_TRAINING_COMMENTS"]
    if len(comments) < minimum:
        raise ValueError(
            f"Training needs at least {minimum} coded comments; there are {len(comments)}."
        )
    model, evaluation = train_and_evaluate(list(comments))
    payload = model.dumps()
    version = ModelVersion(
        trigger=trigger,
        training_comments=len(comments),
        team_codings=team,
        evaluation=evaluation.to_dict(),
        macro_f1=evaluation.macro_f1,
        micro_f1=evaluation.micro_f1,
        sentiment_accuracy=evaluation.sentiment_accuracy,
        payload=payload,
        size_bytes=len(payload),
        decision="",
    )
    db.session.add(version)
    db.session.flush()
    active = active_version()
    if always_activate or active is None:
        version.decision = "Activated: " + (
            "trained on an admin's command." if always_activate else "the first model."
        )
        _activate(version)
    elif evaluation.macro_f1 >= active.macro_f1:
        version.decision = (
            f"Activated: held-back macro-F1 {evaluation.macro_f1:.3f} is at least the active "
            f"model's {active.macro_f1:.3f}."
        )
        _activate(version)
    else:
        version.decision = (
            f"Kept, not activated: held-back macro-F1 {evaluation.macro_f1:.3f} is below the "
            f"active model's {active.macro_f1:.3f} (version {active.id})."
        )
    return version, evaluation


def activate_version(version: ModelVersion, by: str) -> None:
    """An admin chooses a stored model; its comments are re-tagged by the next runs."""
    _activate(version)
    version.decision += f" Activated by {by} on {utc_now():%d %B %Y}."
    db.session.execute(update(Comment).where(Comment.coded_at.is_(None)).values(tagged_at=None))


def codings_since_last_model() -> int:
    """New team codings since the last model was trained (used or not), so a model that was
    kept back is not retrained from the same codings every run."""
    latest = db.session.scalar(select(func.max(ModelVersion.created_at)))
    query = select(func.count()).select_from(Comment).where(Comment.coded_at.is_not(None))
    if latest is not None:
        query = query.where(Comment.coded_at > latest)
    return db.session.scalar(query) or 0


def pending_request() -> TrainingRequest | None:
    return db.session.scalar(
        select(TrainingRequest)
        .where(TrainingRequest.handled_at.is_(None))
        .order_by(TrainingRequest.id)
        .limit(1)
    )


def request_training(by: str) -> TrainingRequest:
    request = pending_request()
    if request is None:
        request = TrainingRequest(requested_by=by)
        db.session.add(request)
    return request


def retrain_when_enough_codings() -> int:
    """The scheduled job: a new model when an admin asked for one or enough new codings
    exist; returns the models trained."""
    asked = pending_request()
    if (
        asked is None
        and codings_since_last_model() < current_app.config["THEMES_RETRAIN_AFTER_CODINGS"]
    ):
        return 0
    comments, _team = training_data()
    minimum = current_app.config["THEMES_MINIMUM_TRAINING_COMMENTS"]
    if len(comments) < minimum:
        if asked is not None:
            asked.handled_at = utc_now()
            asked.outcome = (
                f"Not trained: a model needs at least {minimum} coded comments and there are "
                f"{len(comments)}."
            )
        return 0
    version, _evaluation = train_new_version("admin" if asked else "job")
    if asked is not None:
        asked.handled_at = utc_now()
        asked.model_version_id = version.id
        asked.outcome = version.decision
    if version.is_active:
        db.session.execute(update(Comment).where(Comment.coded_at.is_(None)).values(tagged_at=None))
    return 1
