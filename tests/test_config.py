import pytest

from feedback import create_app
from feedback.config import ConfigError


def test_production_without_a_secret_key_refuses_to_start(tmp_path, monkeypatch):
    monkeypatch.delenv("FEEDBACK_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app({}, instance_path=str(tmp_path))


def test_settings_come_from_instance_config_then_environment_then_overrides(tmp_path, monkeypatch):
    (tmp_path / "config.py").write_text(
        'SECRET_KEY = "from-file"\nTRUST_NAME = "File Trust"\nKIOSK_IDLE_SECONDS = 60\n'
    )
    monkeypatch.setenv("FEEDBACK_TRUST_NAME", "Environment Trust")
    app = create_app({"KIOSK_IDLE_SECONDS": 90}, instance_path=str(tmp_path))
    assert app.config["SECRET_KEY"] == "from-file"
    assert app.config["TRUST_NAME"] == "Environment Trust"
    assert app.config["KIOSK_IDLE_SECONDS"] == 90


def test_the_default_database_is_sqlite_in_the_instance_folder(tmp_path):
    app = create_app({"SECRET_KEY": "x"}, instance_path=str(tmp_path))
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/feedback.sqlite3"
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["SESSION_COOKIE_HTTPONLY"]


def test_sqlite_runs_with_foreign_keys_and_wal(app):
    from feedback.extensions import db

    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite settings")
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_the_nhsuk_frontend_version_is_the_same_everywhere():
    from pathlib import Path

    from feedback.config import DEFAULTS, PROJECT_ROOT

    version = DEFAULTS["NHSUK_FRONTEND_VERSION"]
    assert f"NHSUK_FRONTEND_VERSION := {version}" in (PROJECT_ROOT / "Makefile").read_text()
    assert (
        f"nhsuk-frontend-{version}.min.js"
        in Path(PROJECT_ROOT / "src/feedback/static/js/init.js").read_text()
    )


def test_a_request_larger_than_an_import_confirm_form_is_refused(tmp_path):
    app = create_app({"TESTING": True}, instance_path=str(tmp_path))
    # A 2 MB file, percent-encoded in the confirm form, must still fit.
    assert 3 * app.config["IMPORT_MAX_BYTES"] < app.config["MAX_CONTENT_LENGTH"] <= 10_000_000


@pytest.mark.parametrize("method", ["md5", "scrypt:lots", "pbkdf2:sha256:0", ""])
def test_a_password_hashing_method_werkzeug_cannot_use_refuses_to_start(tmp_path, method):
    with pytest.raises(ConfigError, match="PASSWORD_HASH_METHOD"):
        create_app({"SECRET_KEY": "x", "PASSWORD_HASH_METHOD": method}, instance_path=str(tmp_path))
