"""Shared presentation: the Jinja set-up for the NHS.UK macros, assets, headers, error pages."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from flask import Flask, Response, current_app, g, request, session
from flask_babel import format_date, format_datetime, get_locale
from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemLoader, PackageLoader
from jinja2 import select_autoescape as jinja_select_autoescape
from werkzeug.middleware.proxy_fix import ProxyFix

from feedback.config import PROJECT_ROOT
from feedback.web.assets import init_assets
from feedback.web.compression import init_compression

if TYPE_CHECKING:
    from wtforms import Field

from werkzeug.routing import IntegerConverter

from feedback.i18n import language, supported_languages
from feedback.web import errors


class DatabaseInteger(IntegerConverter):
    """`<int:...>` in every route: no larger than a database integer, so a 30-digit id in an
    address is a 404, not an overflow in the query (found by the fuzz tests)."""

    def __init__(self, url_map, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)


def init_web(app: Flask) -> None:
    app.url_map.converters["int"] = DatabaseInteger
    hops = int(app.config["PROXY_HOPS"])
    if hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    _configure_jinja(app)
    # Static files get the same headers as pages (nosniff matters most there; an SVG opened
    # on its own is a document and so is held by the CSP too), without a script nonce.
    init_assets(app, headers={**STATIC_FILE_HEADERS, "Content-Security-Policy": _csp(None)})
    init_compression(app)  # before the other after_request hooks: it runs after them
    app.before_request(_make_csp_nonce)
    app.before_request(_remember_easy_read)
    app.after_request(_security_headers)
    app.context_processor(_page_context)
    app.jinja_env.globals["choice_items"] = choice_items
    app.jinja_env.filters.update(
        format_date=_format_date,
        format_date_time=_format_date_time,
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


LONDON = ZoneInfo("Europe/London")
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), "
    "bluetooth=(), browsing-topics=()"
)


def _make_csp_nonce() -> None:
    g.csp_nonce = secrets.token_urlsafe(16)


STATIC_FILE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    # Nothing here needs a camera, a microphone, a location or payment: say so, so that an
    # injected script could not ask either.
    "Permissions-Policy": PERMISSIONS_POLICY,
}


def _csp(nonce: str | None) -> str:
    scripts = f"'self' 'nonce-{nonce}'" if nonce else "'self'"
    return (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; "
        f"script-src {scripts}; font-src 'self' https://assets.nhs.uk; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
    )


def _security_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", _csp(getattr(g, "csp_nonce", "")))
    for name, value in STATIC_FILE_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault(
            "Strict-Transport-Security", "max-age=31536000; includeSubDomains"
        )
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


def _format_date_time(value: datetime | None) -> str:
    """In the trust's time (Europe/London), as people read it: "1 Dec 2026 at 14:05"."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return format_datetime(aware.astimezone(LONDON), "d MMM yyyy 'at' HH:mm", rebase=False)


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
