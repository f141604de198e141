"""The feedback platform: create_app wires configuration, extensions and features together."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask

from feedback.config import PROJECT_ROOT, load_config


def create_app(overrides: dict[str, Any] | None = None, instance_path: str | None = None) -> Flask:
    """Build an app; tests pass overrides and their own instance folder instead of the repo's."""
    instance_path = instance_path or os.environ.get(
        "FEEDBACK_INSTANCE_PATH", str(PROJECT_ROOT / "instance")
    )
    app = Flask(__name__, instance_path=instance_path, instance_relative_config=True)
    load_config(app, overrides)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    _init_web(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_submit_handlers(app)
    _register_cli(app)
    return app


def _init_web(app: Flask) -> None:
    from feedback.web import init_web

    init_web(app)  # first: it sets Jinja options before any extension builds the environment


def _init_extensions(app: Flask) -> None:
    from feedback.auth.services import get_user_by_session_token
    from feedback.auth.sessions import enforce_session_limits
    from feedback.extensions import babel, csrf, db, limiter, login_manager, migrate
    from feedback.i18n import select_locale

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"), render_as_batch=True)
    babel.init_app(app, locale_selector=select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "auth.sign_in"
    login_manager.login_message = "Sign in to see this page"
    login_manager.session_protection = "strong"
    login_manager.user_loader(get_user_by_session_token)
    app.before_request(enforce_session_limits)
    import feedback.models  # noqa: F401 - every table, for Alembic and queries


def _register_blueprints(app: Flask) -> None:
    from feedback.actions.views import bp as actions_bp
    from feedback.audit.views import bp as audit_bp
    from feedback.auth.api_client_views import bp as api_clients_bp
    from feedback.auth.views import bp as auth_bp
    from feedback.auth.views import users_bp
    from feedback.complaints.admin_views import bp as complaints_admin_bp
    from feedback.complaints.compliment_views import bp as compliments_bp
    from feedback.complaints.figure_views import bp as complaint_figures_bp
    from feedback.complaints.review_views import packs_bp, reviewers_bp
    from feedback.complaints.views import bp as complaints_bp
    from feedback.dashboard.council_views import bp as council_bp
    from feedback.dashboard.unit_views import bp as dashboard_bp
    from feedback.dashboard.views import bp as staff_bp
    from feedback.dashboard.warning_views import bp as dashboard_warnings_bp
    from feedback.interop.views import api_bp as fhir_api_bp
    from feedback.interop.views import exports_bp as fhir_exports_bp
    from feedback.kiosks.views import bp as kiosks_bp
    from feedback.local_surveys.result_views import bp as local_results_bp
    from feedback.local_surveys.views import bp as local_surveys_bp
    from feedback.metrics.api import api_bp
    from feedback.metrics.import_views import bp as imports_bp
    from feedback.metrics.return_views import bp as fft_return_bp
    from feedback.notifications.views import bp as outbox_bp
    from feedback.organisation.views import admin_bp as organisation_admin_bp
    from feedback.organisation.views import locations_bp
    from feedback.organisation.views import public_bp as organisation_public_bp
    from feedback.prom.figure_views import bp as prom_figures_bp
    from feedback.prom.offer_views import bp as prom_offers_bp
    from feedback.prom.peer_admin_views import bp as prom_peers_bp
    from feedback.prom.peer_views import bp as peer_bp
    from feedback.prom.public_views import bp as prom_public_bp
    from feedback.retention.views import bp as retention_bp
    from feedback.scheduler.views import bp as jobs_bp
    from feedback.sms.api import api_bp as sms_api_bp
    from feedback.sms.chat import bp as sms_chat_bp
    from feedback.sms.test_phone_views import bp as sms_test_phone_bp
    from feedback.sms.views import bp as sms_bp
    from feedback.sms.webhooks import bp as sms_callbacks_bp
    from feedback.staff_survey.views import admin_bp as staff_survey_admin_bp
    from feedback.staff_survey.views import public_bp as staff_survey_bp
    from feedback.staff_survey.views import results_bp as staff_survey_results_bp
    from feedback.surveys.staff_views import bp as responses_bp
    from feedback.surveys.views import bp as journey_bp
    from feedback.targets.views import bp as targets_bp
    from feedback.themes.admin_views import bp as themes_admin_bp
    from feedback.themes.views import bp as themes_bp

    for blueprint in (
        auth_bp,
        users_bp,
        audit_bp,
        retention_bp,
        staff_bp,
        kiosks_bp,
        organisation_admin_bp,
        organisation_public_bp,
        locations_bp,
        responses_bp,
        complaints_bp,
        complaint_figures_bp,
        compliments_bp,
        packs_bp,
        reviewers_bp,
        complaints_admin_bp,
        outbox_bp,
        imports_bp,
        themes_bp,
        themes_admin_bp,
        api_bp,
        api_clients_bp,
        fft_return_bp,
        targets_bp,
        jobs_bp,
        actions_bp,
        dashboard_bp,
        dashboard_warnings_bp,
        council_bp,
        sms_callbacks_bp,
        sms_bp,
        sms_test_phone_bp,
        sms_api_bp,
        sms_chat_bp,
        local_surveys_bp,
        local_results_bp,
        fhir_api_bp,
        fhir_exports_bp,
        prom_public_bp,
        prom_offers_bp,
        prom_figures_bp,
        prom_peers_bp,
        peer_bp,
        staff_survey_bp,
        staff_survey_results_bp,
        staff_survey_admin_bp,
    ):
        app.register_blueprint(blueprint)
    app.register_blueprint(journey_bp, name="feedback", url_prefix="/feedback/<location_code>")
    app.register_blueprint(journey_bp, name="kiosk", url_prefix="/kiosk/<token>")
    app.register_blueprint(journey_bp, name="forms", url_prefix="/forms/<questionnaire_id>")
    app.register_blueprint(
        journey_bp, name="survey", url_prefix="/forms/<questionnaire_id>/at/<location_code>"
    )


def _register_submit_handlers(app: Flask) -> None:
    """What each questionnaire's answers become: the engine looks them up by name."""
    from feedback.surveys.services import FFT_RESPONSE
    from feedback.surveys.submission import register_submit_handler

    register_submit_handler(app, "fft_response", FFT_RESPONSE)
    from feedback.complaints import intake, satisfaction
    from feedback.prom import submission as prom_submission

    intake.register(app)
    satisfaction.register(app)
    from feedback.local_surveys import pairs

    pairs.register(app)
    prom_submission.register(app)
    from feedback.staff_survey import submission as staff_survey

    staff_survey.register(app)
    from feedback.complaints import retention as complaint_retention
    from feedback.notifications import retention as email_retention

    complaint_retention.register(app)
    email_retention.register(app)


def _register_cli(app: Flask) -> None:
    from feedback.cli import register_commands

    register_commands(app)
