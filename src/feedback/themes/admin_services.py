"""What the admin pages change: local themes, keywords, target links; model lists."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.themes.framework import GROUPS
from feedback.themes.lexicon import parse_phrases
from feedback.themes.models import ModelVersion, Theme, ThemeKeyword, TrainingRequest


def themes_by_group_all() -> dict[str, list[Theme]]:
    grouped: dict[str, list[Theme]] = {}
    for theme in db.session.scalars(select(Theme).order_by(Theme.position, Theme.name)):
        grouped.setdefault(theme.group, []).append(theme)
    return grouped


def group_names() -> list[str]:
    local = db.session.scalars(select(Theme.group).distinct()).all()
    return (
        list(GROUPS)
        + sorted(set(local) - set(GROUPS))
        + ["Local themes"] * ("Local themes" not in local)
    )


def keyword_counts() -> dict[int, int]:
    return dict(
        db.session.execute(
            select(ThemeKeyword.theme_id, func.count()).group_by(ThemeKeyword.theme_id)
        ).all()
    )


def add_local_theme(name: str, group: str, description: str | None) -> Theme:
    clean = " ".join(name.split())
    taken = db.session.scalar(select(Theme.id).where(func.lower(Theme.name) == clean.lower()))
    if taken is not None:
        raise ValueError("A theme with this name already exists")
    position = (db.session.scalar(select(func.max(Theme.position))) or 0) + 1
    theme = Theme(
        name=clean, group=group, is_local=True, description=description, position=position
    )
    db.session.add(theme)
    db.session.flush()
    return theme


def update_theme(
    theme: Theme,
    *,
    keywords: str,
    target_id: int | None,
    description: str | None,
    is_active: bool,
) -> None:
    wanted = parse_phrases(keywords)
    have = {k.phrase: k for k in theme.keywords}
    for phrase, keyword in have.items():
        if phrase not in wanted:
            theme.keywords.remove(keyword)
    for phrase in wanted:
        if phrase not in have:
            theme.keywords.append(ThemeKeyword(phrase=phrase[:120]))
    theme.target_id = target_id
    theme.description = description
    theme.is_active = is_active


def model_versions() -> Sequence[ModelVersion]:
    return db.session.scalars(select(ModelVersion).order_by(ModelVersion.id.desc())).all()


def recent_requests(limit: int = 10) -> Sequence[TrainingRequest]:
    return db.session.scalars(
        select(TrainingRequest).order_by(TrainingRequest.id.desc()).limit(limit)
    ).all()
