"""Shared presentation: the Jinja set-up for the NHS.UK macros, assets, headers, error pages."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from flask import Flask, Response, current_app, g, request, send_from_directory, session
from flask_babel import format_date, get_locale
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader
from jinja2 import select_autoescape as jinja_select_autoescape

from feedback.config import PROJECT_ROOT

if TYPE_CHECKING:
    from wtforms import Field

from feedback.i18n import language, supported_languages
from feedback.web import errors


def init_web(app: Flask) -> None:
    _configure_jinja(app)
    _serve_nhsuk_assets(app)
    app.before_request(_make_csp_nonce)
    app.before_request(_remember_easy_read)
    app.after_request(_security_headers)
    app.context_processor(_page_context)
    app.jinja_env.globals["choice_items"] = choice_items
    app.jinja_env.filters.update(
        format_date=_format_date,
        format_month=_format_month,
        percent=_percent,
    )
    errors.register(app)


def _configure_jinja(app: Flask) -> None:
    # The NHS.UK macros are .jinja files, which Flask would not autoescape: a posted comment
    # would come back as live HTML. Escape them too.
    app.jinja_options = {
        **app.jinja_options,
        "autoescape": jinja_select_autoescape(("html", "htm", "xml", "xhtml", "svg", "jinja")),
        "undefined": ChainableUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
    }
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(PROJECT_ROOT / "templates")),
            PackageLoader("nhsuk_frontend_jinja"),
        ]
    )


def _serve_nhsuk_assets(app: Flask) -> None:
    # The NHS.UK CSS refers to /assets/images/... by absolute path, so the release is served
    # at /assets: its images and manifest from dist/nhsuk/assets, its CSS and JS from dist/nhsuk.
    folder = Path(app.config["ASSETS_FOLDER"])

    def assets(filename: str) -> Response:
        own_folder = folder / "assets" if (folder / "assets" / filename).is_file() else folder
        return send_from_directory(own_folder, filename, max_age=86400 * 7)

    app.add_url_rule("/assets/<path:filename>", "assets", assets)
    app.config.setdefault("PUBLIC_ENDPOINTS", set()).update({"assets", "static"})


def _make_csp_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


def _security_headers(response: Response) -> Response:
    nonce = getattr(g, "csp_nonce", "")
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        f"script-src 'self' 'nonce-{nonce}'; font-src 'self' https://assets.nhs.uk; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    )
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.endpoint not in ("assets", "static"):
        # Answers and staff pages must never be kept by a shared browser or proxy.
        response.headers["Cache-Control"] = "no-store"
    return response


def _remember_easy_read() -> None:
    asked = request.args.get("easy_read")
    if asked in ("yes", "no"):
        session["easy_read"] = asked == "yes"


def easy_read_chosen() -> bool:
    """Whether this person asked for easy read (on this request, or earlier in the session)."""
    asked = request.args.get("easy_read")
    return asked == "yes" if asked in ("yes", "no") else bool(session.get("easy_read", False))


def _page_context() -> dict[str, object]:
    current = language(str(get_locale() or "en"))
    return {
        "easy_read": easy_read_chosen(),
        "languages": supported_languages(),
        "current_language": current,
        "csp_nonce": getattr(g, "csp_nonce", ""),
        "trust_name": current_app.config["TRUST_NAME"],
    }


def choice_items(field: Field) -> list[dict[str, object]]:
    """A WTForms choice field's options in the shape the NHS.UK macros take."""
    chosen = field.data if isinstance(field.data, list | tuple | set) else [field.data]
    chosen_values = {str(value) for value in chosen if value is not None}
    return [
        {
            "value": choice.value,
            "text": choice.label,
            "selected": str(choice.value) in chosen_values,
            "checked": str(choice.value) in chosen_values,
        }
        for choice in field.iter_choices()
    ]


def _format_date(value: date | datetime | None) -> str:
    return format_date(value, "d MMM yyyy") if value else ""


def _format_month(value: date | None) -> str:
    return format_date(value, "MMMM yyyy") if value else ""


def _percent(value: int | None) -> str:
    return "No responses" if value is None else f"{value}%"


def parse_month(text: str | None) -> date | None:
    """A month given as YYYY-MM (as the month pickers send it), or None if it is not one."""
    try:
        return date.fromisoformat(f"{text}-01") if text else None
    except ValueError:
        return None
