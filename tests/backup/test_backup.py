"""A backup restored into an empty database holds every response, case and account, on
SQLite and (CI's second lane) PostgreSQL; a restore never touches a database with tables."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from feedback.auth.models import Role, User
from feedback.complaints.models import Complaint
from feedback.extensions import db
from feedback.surveys.models import Response
from tests import conftest
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_response, make_user


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[tuple[str, dict]]:
    if not conftest.POSTGRES_URL:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}", {}
        return
    name = f"r_{uuid.uuid4().hex[:12]}"
    admin = conftest._postgres_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield conftest._postgres_url(name), dict(conftest.POSTGRES_OPTIONS)
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _contents() -> dict[str, object]:
    counts = {
        table.name: db.session.scalar(sa.select(sa.func.count()).select_from(table))
        for table in db.metadata.sorted_tables
    }
    return {
        "counts": counts,
        "responses": sorted(db.session.scalars(sa.select(Response.idempotency_key))),
        "cases": sorted(db.session.scalars(sa.select(Complaint.reference))),
        "accounts": sorted(db.session.scalars(sa.select(User.email))),
        "migration": db.session.scalar(sa.text("SELECT version_num FROM alembic_version")),
    }


def test_a_backup_restored_into_an_empty_database_has_everything(
    app, make_app, empty_database, tmp_path
):
    ward = make_location()
    for rating in (1, 2, 5):
        make_response(ward, rating=rating, comment=f"Rated {rating}")
    make_case(ward.service)
    make_case(ward.service, what_happened="Nobody called back")
    make_user(Role.SERVICE_MANAGER, services=[ward.service])
    db.session.commit()
    before = _contents()
    assert before["counts"]["response"] == 3 and len(before["cases"]) == 2

    backup = tmp_path / "feedback.backup"
    created = app.test_cli_runner().invoke(args=["backup", "create", str(backup)])
    assert created.exit_code == 0, created.output
    assert backup.stat().st_size > 0
    again = app.test_cli_runner().invoke(args=["backup", "create", str(backup)])
    assert again.exit_code != 0 and "exists" in again.output

    url, options = empty_database
    restored = make_app(DATABASE_URL=url, SQLALCHEMY_ENGINE_OPTIONS=options)
    with restored.app_context():
        result = restored.test_cli_runner().invoke(args=["backup", "restore", str(backup)])
        assert result.exit_code == 0, result.output
        assert _contents() == before
        # A second restore would overwrite what is now there: refused.
        refused = restored.test_cli_runner().invoke(args=["backup", "restore", str(backup)])
        assert refused.exit_code != 0 and "already has tables" in refused.output
        db.session.remove()


def test_a_file_that_is_not_a_backup_is_refused_with_a_message(make_app, empty_database, tmp_path):
    url, options = empty_database
    app = make_app(DATABASE_URL=url, SQLALCHEMY_ENGINE_OPTIONS=options)
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("not a backup at all\n" * 100)
    with app.app_context():
        result = app.test_cli_runner().invoke(args=["backup", "restore", str(not_a_backup)])
        assert result.exit_code != 0
        assert "not an SQLite backup" in result.output or "pg_restore failed" in result.output
        missing = app.test_cli_runner().invoke(args=["backup", "restore", str(tmp_path / "x")])
        assert missing.exit_code != 0 and "No backup file" in missing.output
