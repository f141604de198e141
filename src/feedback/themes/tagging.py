"""Collecting new comments from every source and tagging them: themes, sentiment, urgency.

Runs in the scheduler (the `themes-tagging` job, every 30 seconds), never in a patient's
request: collection must not wait on text analysis. Comments a person has coded keep their
themes; a model only ever replaces what a model or the lexicon put there.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flask import current_app
from sqlalchemy import delete, func, insert, select, update

from feedback.db import utc_now
from feedback.extensions import db
from feedback.themes.lexicon import CompiledLexicon, compile_lexicon
from feedback.themes.model import CommentInput, ThemeClassifier
from feedback.themes.models import (
    Comment,
    CommentTheme,
    ModelVersion,
    Origin,
    Sentiment,
    Theme,
    ThemeKeyword,
    UrgentAlert,
)
from feedback.themes.sentiment import rule_sentiment
from feedback.themes.sources import COLUMNS, load_sources
from feedback.themes.urgent import urgent_matches

log = logging.getLogger(__name__)

BATCH = 2000
TagResult = tuple[dict[str, float], Sentiment | None, int | None, float | None]
_loaded: dict[tuple, ThemeClassifier] = {}


def collect_comments() -> int:
    """Copy comments that arrived since the last run into the themes engine; returns how many."""
    seen = dict(
        db.session.execute(
            select(Comment.source, func.max(Comment.source_id)).group_by(Comment.source)
        ).all()
    )

    def seen_up_to(source: str) -> int:
        return seen.get(source) or 0

    new_rows = []
    for source in load_sources():
        for query in source(seen_up_to):
            rows = [dict(zip(COLUMNS, row, strict=True)) for row in db.session.execute(query)]
            if not rows:
                continue
            known = dict(
                db.session.execute(
                    select(Comment.source_id, Comment.text).where(
                        Comment.source == rows[0]["source"],
                        Comment.source_id >= min(r["source_id"] for r in rows),
                    )
                ).all()
            )
            new_rows.extend(r for r in rows if r["source_id"] not in known and r["text"].strip())
            _retag_changed(rows[0]["source"], rows, known)
    for row in new_rows:
        row["received_month"] = row["received_on"].replace(day=1)
        row["language"] = row["language"] or "en"
    if new_rows:
        db.session.execute(insert(Comment), new_rows)
    return len(new_rows)


def _retag_changed(source: str, rows: list[dict], known: dict[int, str]) -> None:
    """Comments whose text grew since they were collected (a later text message in the same
    conversation adds to its comment) are read again: new themes, sentiment, urgent words."""
    for row in rows:
        if row["source_id"] in known and known[row["source_id"]] != row["text"]:
            db.session.execute(
                update(Comment)
                .where(Comment.source == source, Comment.source_id == row["source_id"])
                .values(text=row["text"], tagged_at=None)
            )


@dataclass
class Tagger:
    """What tags comments now: the active model if there is one, else the team's lexicon."""

    label: str
    model: ThemeClassifier | None
    lexicon: CompiledLexicon | None
    theme_ids: dict[str, int]

    positions: dict[str, int]

    def tag(self, comments: Sequence[Comment]) -> list[TagResult]:
        return self.tag_inputs([CommentInput(c.text, c.question, c.rating) for c in comments])

    def tag_inputs(self, inputs: Sequence[CommentInput]) -> list[TagResult]:
        """(themes with scores, sentiment, 1-5 scale, learning value) for each comment."""
        if self.model is not None:
            predictions = self.model.predict(inputs)
            values = self.model.learning_value(inputs)
            return [
                (
                    {name: prediction.scores.get(name, 1.0) for name in prediction.themes},
                    Sentiment(prediction.sentiment),
                    prediction.sentiment_scale,
                    value,
                )
                for prediction, value in zip(predictions, values, strict=True)
            ]
        assert self.lexicon is not None
        results: list[TagResult] = []
        for comment in inputs:
            themes = dict.fromkeys(self.lexicon.themes(comment.text), 1.0)
            judged = rule_sentiment(comment.text, comment.rating, comment.question)
            sentiment, scale = (Sentiment(judged[0]), judged[1]) if judged else (None, None)
            # With no model every comment is worth coding, those with no theme found most.
            results.append((themes, sentiment, scale, 0.5 if themes else 1.0))
        return results

    def in_framework_order(self, themes: Iterable[str]) -> list[str]:
        return sorted(themes, key=lambda name: self.positions.get(name, 10_000))


def active_model_version() -> ModelVersion | None:
    return db.session.scalar(select(ModelVersion).where(ModelVersion.is_active.is_(True)))


def load_model(version: ModelVersion) -> ThemeClassifier:
    # Keyed by more than the id: another database (a test's, a restored backup) reuses ids.
    key = (db.engine.url.render_as_string(), version.id, version.created_at, version.size_bytes)
    if key not in _loaded:
        _loaded.clear()
        _loaded[key] = ThemeClassifier.loads(version.payload)
    return _loaded[key]


def current_lexicon() -> CompiledLexicon:
    rows = db.session.execute(
        select(Theme.name, ThemeKeyword.phrase)
        .join(ThemeKeyword, ThemeKeyword.theme_id == Theme.id)
        .where(Theme.is_active.is_(True))
    ).all()
    lexicon: dict[str, list[str]] = {}
    for name, phrase in rows:
        lexicon.setdefault(name, []).append(phrase)
    return compile_lexicon(lexicon)


def current_tagger() -> Tagger:
    rows = db.session.execute(
        select(Theme.name, Theme.id, Theme.position).where(Theme.is_active.is_(True))
    ).all()
    theme_ids = {name: theme_id for name, theme_id, _ in rows}
    positions = {name: position for name, _, position in rows}
    version = active_model_version()
    if version is not None:
        return Tagger(f"model {version.id}", load_model(version), None, theme_ids, positions)
    return Tagger("lexicon", None, current_lexicon(), theme_ids, positions)


def tag_comments(comments: Sequence[Comment], tagger: Tagger) -> list[Comment]:
    """Tag the comments in place; returns those that became urgent."""
    now = utc_now()
    results = tagger.tag(comments)
    origin = Origin.MODEL if tagger.model is not None else Origin.LEXICON
    machine = [c.id for c in comments if c.coded_at is None]
    if machine:
        db.session.execute(
            delete(CommentTheme).where(
                CommentTheme.comment_id.in_(machine), CommentTheme.origin != Origin.TEAM
            )
        )
    rows = []
    became_urgent = []
    for comment, (themes, sentiment, scale, value) in zip(comments, results, strict=True):
        if comment.coded_at is None:
            rows.extend(
                {
                    "comment_id": comment.id,
                    "theme_id": tagger.theme_ids[name],
                    "origin": origin,
                    "score": round(score, 4),
                }
                for name, score in themes.items()
                if name in tagger.theme_ids
            )
        comment.sentiment = sentiment
        comment.sentiment_scale = scale
        comment.learning_value = value
        comment.tagged_at = now
        comment.tagged_by = tagger.label
        matches = urgent_matches(comment.text)
        if matches and not comment.is_urgent:
            comment.is_urgent = True
            db.session.add(
                UrgentAlert(
                    comment_id=comment.id,
                    concerns=sorted({m.concern for m in matches}),
                    phrases=[m.phrase for m in matches][:5],
                    raised_at=now,
                )
            )
            became_urgent.append(comment)
    if rows:
        db.session.execute(insert(CommentTheme), rows)
    return became_urgent


def tag_pending(limit: int = BATCH) -> tuple[int, list[Comment]]:
    comments = list(
        db.session.scalars(
            select(Comment).where(Comment.tagged_at.is_(None)).order_by(Comment.id).limit(limit)
        )
    )
    if not comments:
        return 0, []
    return len(comments), tag_comments(comments, current_tagger())


def alert_px_team(urgent: Sequence[Comment]) -> None:
    """One message to each px_team member about new urgent comments, never their text:
    email leaves the platform, and the comment may name people."""
    if not urgent:
        return
    from feedback.auth.models import Role, User
    from feedback.notifications.gateway import email_gateway

    recipients = db.session.scalars(
        select(User.email).where(User.role == Role.PX_TEAM, User.is_enabled.is_(True))
    ).all()
    link = (current_app.config.get("PUBLIC_BASE_URL") or "").rstrip("/") + "/themes/urgent/"
    gateway = email_gateway()
    for recipient in recipients:
        gateway.send_urgent_comment_alert(to=recipient, count=len(urgent), link=link)


def collect_and_tag() -> int:
    """The scheduled job: new comments in, tagged, urgent ones raised."""
    collected = collect_comments()
    db.session.flush()
    tagged, urgent = tag_pending()
    alert_px_team(urgent)
    return collected + tagged


def retag_everything(batch: int = BATCH) -> int:
    """Every comment tagged again by what tags now; each batch commits on its own."""
    db.session.execute(update(Comment).values(tagged_at=None))
    db.session.commit()
    total = 0
    while True:
        tagged, urgent = tag_pending(batch)
        if not tagged:
            return total
        alert_px_team(urgent)
        db.session.commit()
        total += tagged
