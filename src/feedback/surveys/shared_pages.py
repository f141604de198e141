"""Which patient pages are the same for everybody, and what tells one from another.

A page is kept (see `feedback.web.page_cache`) only while it holds nothing of the person: a
question they have not answered yet, the default start and thank-you pages, and only for
built-in questionnaires (their definitions change only with a release). The key is
everything the page is rendered from: the questionnaire and its version, the language, easy
read, the endpoint and the channel (its links, and a tablet's timeout box), and what the
caller adds: where a question sits on this person's path (its caption, Back link and
button), or the ward's code and name on a start page, so a renamed ward shows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from typing import Any

from flask import current_app, g, request
from flask_babel import get_locale

from feedback.surveys.schema import Question, Questionnaire, QuestionType, is_builtin
from feedback.web.page_cache import PageCache

__all__ = ["question_pages", "render_shared", "same_for_everybody"]


def question_pages() -> PageCache:
    """This app's kept pages: one set per worker process, and per app (a page shows its
    configuration: the trust's name, a tablet's timeout)."""
    return current_app.extensions.setdefault("feedback.question_pages", PageCache())


def same_for_everybody(questionnaire: Questionnaire, asked: Question, answers: Mapping) -> bool:
    return (
        asked.id not in answers
        and is_builtin(questionnaire.id)
        and asked.options_from is None
        and asked.type != QuestionType.SERVICE
    )


def render_shared(
    template: str,
    questionnaire: Questionnaire,
    context: Callable[[], dict[str, Any]],
    *page: Hashable,
) -> str:
    """`template` as rendered from `context()`, kept for everybody on the same channel, in
    the same language and version, whose `page` (what else the page shows) is the same."""
    channel = g.channel
    key = (
        request.endpoint,  # its links: a tablet's page posts its reset to its own blueprint
        template,
        questionnaire.id,
        questionnaire.version,
        questionnaire.easy_read,
        str(get_locale()),
        request.args.get("lang"),  # kept in the links to the chat
        channel.is_kiosk,
        tuple(sorted(channel.url_values.items())),
        *page,
    )
    return question_pages().render(key, template, context)
