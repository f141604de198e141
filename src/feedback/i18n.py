"""Languages the patient journey speaks, and how a request's language is chosen."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from babel import Locale
from flask import has_request_context, request, session


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str  # shown in the switcher in its own script, so people can find their language
    direction: str


@cache
def _language(code: str) -> Language:
    locale = Locale.parse(code)
    return Language(
        code=code,
        native_name=locale.get_display_name(locale) or code,
        direction=locale.text_direction,
    )


SUPPORTED_CODES = ("en", "ur", "gu", "pa", "pl")
DEFAULT_CODE = "en"


def supported_languages() -> list[Language]:
    return [_language(code) for code in SUPPORTED_CODES]


def language(code: str) -> Language:
    """The Language for a supported code (English for anything else)."""
    return _language(code if code in SUPPORTED_CODES else DEFAULT_CODE)


# Blueprints whose pages patients and carers read; staff pages are in English.
# (The staff survey's public link is one: staff answer it in their own language too.)
PATIENT_BLUEPRINTS = frozenset(
    {"feedback", "kiosk", "forms", "survey", "public", "sms_chat", "prom_public", "staff_survey"}
)


def select_locale() -> str:
    """Staff pages: English. Patient pages: ?lang= (remembered in the session), then the
    session, then Accept-Language, then English. Scheduled jobs (no request) write English."""
    if not has_request_context():
        return DEFAULT_CODE
    if request.endpoint is not None and request.blueprint not in PATIENT_BLUEPRINTS:
        return DEFAULT_CODE
    asked = request.args.get("lang")
    if asked in SUPPORTED_CODES:
        session["lang"] = asked
        return asked
    remembered = session.get("lang")
    if remembered in SUPPORTED_CODES:
        return remembered
    return request.accept_languages.best_match(SUPPORTED_CODES) or DEFAULT_CODE
