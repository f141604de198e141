from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from feedback.themes.models import SENTIMENT_LABELS, Sentiment
from feedback.themes.services import CommentFilter
from feedback.web import parse_month
from feedback.web.forms import BaseForm


class CodingForm(BaseForm):
    themes = SelectMultipleField("Themes", coerce=int, choices=[], validate_choice=True)
    sentiment = RadioField(
        "Sentiment",
        choices=[SelectChoice(s.value, SENTIMENT_LABELS[s]) for s in Sentiment],
        validators=[Optional()],
    )


class CloseAlertForm(BaseForm):
    note = TextAreaField(
        "What was done",
        description="For example: passed to the ward's safeguarding lead, who called the "
        "person back the same day.",
        validators=[
            DataRequired("Enter what was done before closing the alert"),
            Length(max=4000, message="Keep the note under 4,000 characters"),
        ],
    )


class ThemeForm(BaseForm):
    name = StringField("Name", validators=[DataRequired("Enter the theme's name"), Length(max=120)])
    group = SelectField("Group", choices=[], validators=[DataRequired("Choose a group")])
    description = TextAreaField("What it covers", validators=[Optional(), Length(max=2000)])


class ThemeSettingsForm(BaseForm):
    keywords = TextAreaField(
        "Keywords",
        description="One word or phrase a line. They give first themes before a model is "
        "trained. End a word with * to match its beginning (complain* matches complained).",
        validators=[Optional(), Length(max=20000)],
    )
    target_id = SelectField("Priority target", coerce=str, choices=[])
    description = TextAreaField("What it covers", validators=[Optional(), Length(max=2000)])
    is_active = BooleanField("In use")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _flag(value: str | None) -> bool | None:
    return {"yes": True, "no": False}.get(value or "")


def filter_from_args(args: Mapping[str, str]) -> CommentFilter:
    """The comment filters from a page's query string; anything unreadable is ignored."""
    sentiment = args.get("sentiment")
    month_from: date | None = parse_month(args.get("from"))
    month_to: date | None = parse_month(args.get("to"))
    return CommentFilter(
        theme_id=_int(args.get("theme")),
        sentiment=Sentiment(sentiment) if sentiment in set(Sentiment) else None,
        service_id=_int(args.get("service")),
        directorate_id=_int(args.get("directorate")),
        location_id=_int(args.get("location")),
        source=(args.get("source") or None),
        month_from=month_from,
        month_to=month_to,
        reviewed=_flag(args.get("reviewed")),
        urgent=_flag(args.get("urgent")),
        text=(args.get("q") or "").strip()[:200] or None,
    )
