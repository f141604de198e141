"""Fixtures every test shares: its own app and database, built by the real migrations.

The migrations run once per test process into a template that each test copies: a file on
SQLite (the default), a template database on PostgreSQL (FEEDBACK_TEST_DATABASE_URL set, as in
CI), where `CREATE DATABASE ... TEMPLATE` takes about 0.1 s against 3 s for the migrations.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from jinja2.bccache import Bucket, BytecodeCache
from werkzeug.routing.rules import Rule

from feedback import create_app
from feedback.extensions import db
from tests.page_checks import CheckedClient

POSTGRES_URL = os.environ.get("FEEDBACK_TEST_DATABASE_URL")

_compile_builder = Rule._compile_builder
_builders: dict[tuple[object, ...], Any] = {}


def _reused_builder(self: Rule, append_unknown: bool = True) -> Any:
    """Werkzeug's URL builder for the rule, compiled once per test process, not once per app.

    Every test builds its own app, and Werkzeug compiles two Python functions for each of its
    ~900 URL rules (most of create_app's quarter second: minutes of each CI lane). The function
    depends only on the rule's text, its parts, its defaults and append_unknown; it reads the
    converters from the rule it is bound to when it runs, so one compiled function serves every
    app's copy of the rule."""
    defaults = self.defaults or {}
    key = (
        self.rule,
        tuple(self._trace),
        tuple(
            (name, type(self._converters.get(name)), repr(value))
            for name, value in defaults.items()
        ),
        append_unknown,
    )
    if key not in _builders:
        _builders[key] = _compile_builder(self, append_unknown)
    return _builders[key]


Rule._compile_builder = _reused_builder  # type: ignore[method-assign]


class _SharedTemplateCode(BytecodeCache):
    """Templates compiled once per test process, not once per app.

    Each test's app has its own Jinja environment, which parsed and compiled every template
    it rendered again: a fifth of the time of the tests that show pages. Jinja keys each
    entry by the template's name and checks its source's checksum, so an edited template is
    compiled afresh."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = _SharedTemplateCode()


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
        # A hundredth of production's cost: most tests make accounts and sign in to them.
        "PASSWORD_HASH_METHOD": "scrypt:256:8:1",
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


def _postgres_admin() -> sa.Engine:
    # CREATE and DROP DATABASE cannot run inside a transaction.
    return sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")  # type: ignore[arg-type]


def _postgres_url(database_name: str) -> str:
    url = sa.engine.make_url(POSTGRES_URL)  # type: ignore[arg-type]
    return url.set(database=database_name).render_as_string(hide_password=False)


# The children that the scheduler tests start take PGOPTIONS from this, as they did when each
# test had its own schema.
POSTGRES_OPTIONS = {"connect_args": {"options": "-csearch_path=public"}, "pool_pre_ping": True}


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str]:
    """A database migrated once for this test process, copied by each test."""
    name = f"tpl_{uuid.uuid4().hex[:12]}"
    admin = _postgres_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / name
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app(_settings(_postgres_url(name), POSTGRES_OPTIONS), instance_path=str(folder))
    with app.app_context():
        upgrade()
        db.session.remove()
        db.engine.dispose()
    shutil.rmtree(folder, ignore_errors=True)
    yield name
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


class _PostgresCopies:
    """Each test's database, copied from the template one test ahead and dropped after it, in
    a thread of their own: the copy and the drop (40 ms a test, a minute of each PostgreSQL
    lane) happen while a test runs, not between tests."""

    def __init__(self, template: str) -> None:
        self.template = template
        self.admin = _postgres_admin()
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="test-databases")
        self.drops: list[Future[None]] = []
        self.next = self.thread.submit(self._copy)

    def _copy(self) -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"'))
        return name

    def _drop(self, name: str) -> None:
        with self.admin.connect() as connection:
            # FORCE: a child process a test started may still hold a connection.
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def take(self) -> str:
        name = self.next.result()
        self.next = self.thread.submit(self._copy)
        return name

    def drop(self, name: str) -> None:
        self.drops.append(self.thread.submit(self._drop, name))

    def close(self) -> None:
        self.drop(self.next.result())
        self.thread.shutdown(wait=True)
        self.admin.dispose()
        for dropped in self.drops:
            dropped.result()  # a drop that failed fails the session's teardown, loudly


@pytest.fixture(scope="session")
def postgres_copies(postgres_template: str) -> Iterator[_PostgresCopies]:
    copies = _PostgresCopies(postgres_template)
    yield copies
    copies.close()


@pytest.fixture
def database(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[str, dict]]:
    """(url, engine options) for this test's own database, already migrated."""
    if POSTGRES_URL:
        copies: _PostgresCopies = request.getfixturevalue("postgres_copies")
        name = copies.take()
        yield _postgres_url(name), dict(POSTGRES_OPTIONS)
        copies.drop(name)
    else:
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "test.sqlite3"
        shutil.copyfile(template, path)
        yield f"sqlite:///{path}", {}


@pytest.fixture
def make_app(database: tuple[str, dict], tmp_path: Path):  # type: ignore[no-untyped-def]
    """Build an app on this test's database, with extra settings where a test needs them."""
    url, engine_options = database
    built: list[Flask] = []

    def build(**overrides: object) -> Flask:
        app = create_app(
            {**_settings(url, engine_options), **overrides}, instance_path=str(tmp_path)
        )
        app.test_client_class = CheckedClient
        app.jinja_env.bytecode_cache = _TEMPLATE_CODE
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
