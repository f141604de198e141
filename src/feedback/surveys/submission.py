"""What a submitted questionnaire becomes, chosen by its definition's `submit` name.

Features register a handler when the app is built (complaints: a new case), so the engine
never imports them. A handler flushes and never commits: the journey's view commits once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import Flask, current_app

from feedback.surveys.models import ResponseMode
from feedback.surveys.schema import Questionnaire

EXTENSION_KEY = "feedback.submit_handlers"


@dataclass(frozen=True)
class Submission:
    """A finished journey, as a handler sees it."""

    key: str  # the journey's id: one record per key, however often it is sent
    questionnaire: Questionnaire
    answers: dict[str, Any]
    location_id: int | None
    mode: ResponseMode
    kiosk_id: int | None
    # The invitation the person followed, for questionnaires answered by invitation only.
    invite: str | None = None
    # When the journey began (a survey window counts a journey begun inside it).
    started_at: datetime | None = None


@dataclass(frozen=True)
class OpenTimes:
    """For a questionnaire answered only at set times (a survey window)."""

    # Whether a journey begun at this moment may go on now (None: one about to begin).
    is_open: Callable[[datetime | None], bool]
    # The page that says when it opens next, for anyone who arrives while it is closed.
    closed_url: Callable[[], str]


@dataclass(frozen=True)
class SubmitHandler:
    # Records the submission (flush only); returns what the thank-you page may show, or None.
    record: Callable[[Submission], str | None]
    # The same for a key already recorded (two taps raced), or None if nothing was recorded.
    find: Callable[[str], str | None]
    # Work that must wait until the record is committed (sending an email copy).
    after_commit: Callable[[], None] | None = None
    # For invitation-only questionnaires: whether an invitation token may still be used on
    # this questionnaire (token, questionnaire id), checked as the person arrives.
    check_invite: Callable[[str, str], bool] | None = None
    # For questionnaires open only at set times; None: always open.
    open_times: OpenTimes | None = None


def register_submit_handler(app: Flask, name: str, handler: SubmitHandler) -> None:
    app.extensions.setdefault(EXTENSION_KEY, {})[name] = handler


def get_submit_handler(name: str) -> SubmitHandler:
    handlers: dict[str, SubmitHandler] = current_app.extensions.get(EXTENSION_KEY, {})
    if name not in handlers:
        raise LookupError(f"No submit handler called {name!r} is registered")
    return handlers[name]


def registered_handler_names(app: Flask) -> set[str]:
    return set(app.extensions.get(EXTENSION_KEY, {}))
