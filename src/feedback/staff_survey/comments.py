"""Staff comments: to the themes engine once a window is final, and back on the results page.

The themes job collects from every source every 30 seconds. A staff comment collected that
quickly would carry, in the themes' `collected_at`, roughly the moment it was written; so this
source offers a window's comments only once its results are final (the second day after it
closes), all together, in the random order of their ids. Their `received_on` is the window's
opening day: the window is the only "when" a staff comment has.

Staff comments are not patient feedback: the themes summaries leave them out of the patient
theme counts (`feedback.themes.sources.STAFF_SOURCES`). The patient experience team reads them
whole, with their themes; everyone else reads them with personal details taken out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Select, exists, literal, null, select
from sqlalchemy.orm import selectinload

from feedback.db import trust_today
from feedback.extensions import db
from feedback.staff_survey.models import StaffPulseComment, StaffSurveyWindow
from feedback.staff_survey.submission import QUESTIONNAIRE_ID
from feedback.staff_survey.windows import RESULTS_AFTER_DAYS
from feedback.surveys.schema import load_questionnaire
from feedback.themes.files import staff_names
from feedback.themes.models import Comment, CommentTheme
from feedback.themes.redaction import redact
from feedback.themes.sources import SeenUpTo

SOURCE = "staff-pulse"  # as named in feedback.themes.sources.STAFF_SOURCES


def _question() -> str:
    return load_questionnaire(QUESTIONNAIRE_ID).question("comment").title.value  # type: ignore[union-attr]


def staff_pulse_comments(seen_up_to: SeenUpTo) -> list[Select]:
    """Comments of final windows not yet collected, as the source `staff-pulse`.

    Ids are random, so "collected up to" means nothing here: the query leaves out what the
    themes engine already holds instead."""
    final_if_closed_by = trust_today() - timedelta(days=RESULTS_AFTER_DAYS)
    collected = exists().where(Comment.source == SOURCE, Comment.source_id == StaffPulseComment.id)
    return [
        select(
            literal(SOURCE).label("source"),
            StaffPulseComment.id.label("source_id"),
            StaffSurveyWindow.name.label("source_ref"),
            StaffPulseComment.text.label("text"),
            literal(_question()).label("question"),
            null().label("rating"),
            StaffPulseComment.language.label("language"),
            null().label("location_id"),
            null().label("service_id"),
            StaffSurveyWindow.opens_on.label("received_on"),
        )
        .join(StaffSurveyWindow, StaffSurveyWindow.id == StaffPulseComment.window_id)
        .where(StaffSurveyWindow.closes_on <= final_if_closed_by, ~collected)
        .order_by(StaffPulseComment.id)
    ]


@dataclass(frozen=True)
class ShownComment:
    text: str
    themes: list[str]
    sentiment: str | None  # None: not tagged yet, or not scored (not English)
    urgent: bool


def window_comments(window: StaffSurveyWindow, *, in_full: bool) -> list[ShownComment]:
    """The window's comments: whole for the patient experience team (`in_full`), otherwise
    with every personal detail the redaction finds replaced; themes where tagged."""
    texts = db.session.execute(
        select(StaffPulseComment.id, StaffPulseComment.text)
        .where(StaffPulseComment.window_id == window.id)
        .order_by(StaffPulseComment.id)
    ).all()
    tagged = {
        comment.source_id: comment
        for comment in db.session.scalars(
            select(Comment)
            .options(selectinload(Comment.themes).selectinload(CommentTheme.theme))
            .where(
                Comment.source == SOURCE,
                Comment.source_id.in_([comment_id for comment_id, _text in texts]),
            )
        )
    }
    names = [] if in_full else staff_names()
    shown = []
    for comment_id, text in texts:
        comment = tagged.get(comment_id)
        themes = (
            [ct.theme.name for ct in sorted(comment.themes, key=lambda ct: ct.theme.position)]
            if comment
            else []
        )
        shown.append(
            ShownComment(
                text=text if in_full else redact(text, names),
                themes=themes,
                sentiment=comment.sentiment.value if comment and comment.sentiment else None,
                urgent=bool(comment and comment.is_urgent),
            )
        )
    return shown
