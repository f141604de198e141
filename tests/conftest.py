"""Fixtures every test shares: its own app and database, built by the real migrations.

SQLite (the default): the migrations run once into a template file that each test copies.
PostgreSQL (FEEDBACK_TEST_DATABASE_URL set, as in CI): each test gets a fresh schema and the
migrations run into it.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade

from feedback import create_app
from feedback.extensions import db
from tests.page_checks import CheckedClient

POSTGRES_URL = os.environ.get("FEEDBACK_TEST_DATABASE_URL")


def _settings(database_url: str, engine_options: dict | None = None) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "DATABASE_URL": database_url,
        "SQLALCHEMY_ENGINE_OPTIONS": engine_options or {},
        "SESSION_COOKIE_SECURE": False,
        "WTF_CSRF_ENABLED": False,
        "SERVER_NAME": "feedback.test",
        # The demo trains its theme model from the shared data; tests of the demo need not.
        "THEMES_DEMO_LABELLED": "",
    }


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.sqlite3"
    app = create_app(_settings(f"sqlite:///{path}"), instance_path=str(folder))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return path


@pytest.fixture
def database(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, dict, bool]]:
    """(url, engine options, needs migrating) for this test's own database."""
    if POSTGRES_URL:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        engine = sa.create_engine(POSTGRES_URL)
        with engine.begin() as connection:
            connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
        options = {"connect_args": {"options": f"-csearch_path={schema}"}, "pool_pre_ping": True}
        yield POSTGRES_URL, options, True
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()
    else:
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}", {}, False


@pytest.fixture
def make_app(database: tuple[str, dict, bool], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build an app on this test's database, with extra settings where a test needs them."""
    url, engine_options, needs_migrating = database
    built: list[Flask] = []

    def build(**overrides: object) -> Flask:
        app = create_app(
            {**_settings(url, engine_options), **overrides}, instance_path=str(tmp_path)
        )
        app.test_client_class = CheckedClient
        if needs_migrating and not built:
            with app.app_context():
                upgrade()
        built.append(app)
        return app

    yield build
    for app in built:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


@pytest.fixture
def app(make_app) -> Iterator[Flask]:  # type: ignore[no-untyped-def]
    app = make_app()
    with app.app_context():
        yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask):  # type: ignore[no-untyped-def]
    return app.test_cli_runner()
