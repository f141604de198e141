"""Migration 0007 builds exactly the tables the action models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from feedback.extensions import db

OURS = {"action", "action_theme"}


def _ours(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
    return table in OURS


def test_the_migration_matches_the_models(app) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": _ours}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []
    assert set(db.metadata.tables) >= OURS
