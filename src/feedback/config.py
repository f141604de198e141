"""Settings: safe production defaults, then instance/config.py, then FEEDBACK_* environment
variables, then the overrides a caller (a test) passes to create_app."""

from __future__ import annotations

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.security import generate_password_hash

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class ConfigError(RuntimeError):
    """Raised at start-up when the settings cannot run safely."""


DEFAULTS: dict[str, Any] = {
    "SECRET_KEY": None,
    "DATABASE_URL": None,  # None: SQLite file in the instance folder
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "SESSION_COOKIE_SECURE": True,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_SECURE": True,
    "REMEMBER_COOKIE_HTTPONLY": True,
    "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
    # A staff sign-in ends after this long without a request, and this long after signing in.
    "SESSION_IDLE_MINUTES": 30,
    "SESSION_ABSOLUTE_HOURS": 12,
    # Wrong passwords in a row before an account is locked, and for how long (NCSC: allow
    # about 10, so people are not locked out by honest mistakes).
    "SIGN_IN_MOST_FAILURES": 10,
    "SIGN_IN_LOCK_MINUTES": 15,
    # Werkzeug's scrypt (N=32768, r=8, p=1: about 0.1 s of one core). The parameters are kept
    # in each hash, so changing this re-costs new passwords only; tests lower it, since a
    # tenth of a second per account and per sign-in added minutes to each CI lane.
    "PASSWORD_HASH_METHOD": "scrypt",
    # Roles whose people must use a second factor (a code from an authenticator app after the
    # password): they are sent to set it up straight after signing in and can open nothing
    # else until they have. Empty: optional for everyone who may use it. Only "admin" and
    # "px_team" may be listed (the app refuses to start otherwise). A list in
    # instance/config.py, or names separated by commas in FEEDBACK_REQUIRE_SECOND_FACTOR_ROLES.
    "REQUIRE_SECOND_FACTOR_ROLES": (),
    "WTF_CSRF_TIME_LIMIT": 3600 * 12,
    # One counter per process with memory://; production with several workers needs Redis.
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_HEADERS_ENABLED": False,
    "SIGN_IN_RATE_LIMIT": "10 per minute",
    "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
    "BABEL_DEFAULT_TIMEZONE": "Europe/London",
    "TRUST_TIMEZONE": "Europe/London",
    "ASSETS_FOLDER": str(PROJECT_ROOT / "vendor" / "nhsuk-frontend" / "dist" / "nhsuk"),
    "NHSUK_FRONTEND_VERSION": "10.6.1",
    # Where the content-hashed, compressed copies of the static files are written at start-up
    # (docs/adr/0011-static-files.md); None: static-cache in the instance folder.
    "STATIC_CACHE_FOLDER": None,
    # A ward tablet clears an untouched journey after a warning (WCAG 2.2.1: can be extended).
    "KIOSK_IDLE_SECONDS": 120,
    "KIOSK_WARNING_SECONDS": 30,
    "KIOSK_THANK_YOU_SECONDS": 15,
    # An unfinished journey older than this cannot be resumed (answers are dropped).
    "JOURNEY_MAX_AGE": timedelta(hours=2),
    "FREE_TEXT_MAX_CHARACTERS": 5000,
    "INVITATION_MAX_AGE": timedelta(days=7),
    "TRUST_NAME": "Leicestershire Partnership NHS Trust",
    "PUBLIC_BASE_URL": None,  # for QR posters; None: the address the request came in on
    # Reverse proxies in front that set X-Forwarded-For/-Proto/-Host (0: trust none), so
    # HTTPS is seen as HTTPS (HSTS, secure cookies) and rate limits count the real address.
    "PROXY_HOPS": 0,
    # Complaints: the trust's local response target (the Regulations set no number of days).
    "COMPLAINT_RESPONSE_WORKING_DAYS": 25,
    # Email: "outbox" keeps messages in the database for staff to read; "notify" sends them.
    "EMAIL_PROVIDER": "outbox",
    "NOTIFY_API_KEY": None,
    "NOTIFY_EMAIL_TEMPLATE_ID": None,
    "NOTIFY_BASE_URL": "https://api.notifications.service.gov.uk",
    # Texts: "outbox" keeps them for the staff outbox and test phone; "notify" sends them
    # through one Notify SMS template whose content is ((body)).
    "SMS_PROVIDER": "outbox",
    "NOTIFY_SMS_TEMPLATE_ID": None,
    # The bearer token configured on Notify's inbound and delivery-receipt callbacks.
    "SMS_CALLBACK_TOKEN": None,
    # The key behind number hashes (opt-outs outlive the numbers); None: derived from
    # SECRET_KEY. Changing it forgets every opt-out, so set it once.
    "SMS_NUMBER_KEY": None,
    "SMS_SEND_FROM": "10:00",  # invites go out only in this daytime window, Europe/London
    "SMS_SEND_UNTIL": "19:00",
    "SMS_DAYS_BETWEEN_INVITES": 30,  # at most one invite per number in this many days
    "SMS_CONVERSATION_DAYS": 7,  # replies after this get no answer
    "SMS_KEEP_NUMBERS_DAYS": 7,  # the plain number is deleted this long after it closes
    # Finished journeys are kept this long so a retried submit still finds its record.
    "JOURNEY_KEEP_FINISHED": timedelta(days=2),
    # Themes: a model needs this many coded comments; the job retrains after this many new
    # codings by the team.
    "THEMES_MINIMUM_TRAINING_COMMENTS": 200,
    "THEMES_RETRAIN_AFTER_CODINGS": 50,
    # The labelled CSV the demo trains its first model on; None: the shared data beside the
    # project, if it is there; "": no model (the lexicon tags the demo).
    "THEMES_DEMO_LABELLED": None,
    # Eligible-count and legacy FFT files, and API bodies.
    "IMPORT_MAX_BYTES": 2_000_000,
    # The largest request read at all (413 and a page saying so above it), so a 1 GB upload
    # is refused before it is spooled to disk. The largest honest body is an import's confirm
    # form: a 2 MB file sent back percent-encoded, up to three bytes for each of its bytes.
    "MAX_CONTENT_LENGTH": 8_000_000,
    # NHS England's monthly FFT return is due on this working day of the following month.
    "FFT_RETURN_DUE_WORKING_DAY": 10,
    # A care-plan PROM code on a slip (or a tablet start) works for this many days after the
    # offer, and once: long enough to answer at home after discharge, not for ever.
    "PROM_CODE_DAYS": 28,
    # Retention: personal details are removed this long after a case closes or an email is
    # written. The nightly job only reports what it would remove until RETENTION_APPLY is on
    # (an admin can apply the rules after reading a dry run at /admin/retention/).
    "RETENTION_COMPLAINT_YEARS": 10,
    "RETENTION_EMAIL_DAYS": 730,
    "RETENTION_APPLY": False,
}


def load_config(app: Flask, overrides: dict[str, Any] | None = None) -> None:
    """Fill app.config in the documented order and refuse to start when it is unsafe."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_prefixed_env("FEEDBACK")
    app.config.from_mapping(overrides or {})

    database_url = app.config["DATABASE_URL"] or (
        f"sqlite:///{Path(app.instance_path) / 'feedback.sqlite3'}"
    )
    app.config["SQLALCHEMY_DATABASE_URI"] = database_url
    app.config["RATELIMIT_STORAGE_URI"] = app.config["RATELIMIT_STORAGE_URI"]

    if not app.config["SECRET_KEY"]:
        if app.debug or app.testing:
            app.config["SECRET_KEY"] = "development-only-not-secret"  # noqa: S105
        elif os.environ.get("FLASK_RUN_FROM_CLI") == "true" and not _serving_from_cli():
            # A command (migrate, the complaints clock) signs nothing that outlives it.
            app.config["SECRET_KEY"] = secrets.token_hex(32)
        else:
            raise ConfigError(
                "No SECRET_KEY is set. Put SECRET_KEY = '<long random string>' in "
                f"{app.instance_path}/config.py or set FEEDBACK_SECRET_KEY. "
                "`make run` writes one for local use."
            )
    _check_password_hashing(app.config["PASSWORD_HASH_METHOD"])


def _check_password_hashing(method: object) -> None:
    # A method Werkzeug cannot use would only show when someone next sets a password, as a
    # server error on the invitation page: refuse it at start-up instead.
    try:
        generate_password_hash("checking-the-setting", method=str(method))
    except (ValueError, TypeError) as error:
        raise ConfigError(
            f"PASSWORD_HASH_METHOD {method!r} cannot be used ({error}). Leave it out for "
            "Werkzeug's scrypt, or give a method Werkzeug accepts, such as 'scrypt' or "
            "'pbkdf2:sha256:600000'."
        ) from error


def _serving_from_cli() -> bool:
    return "run" in sys.argv[1:]
