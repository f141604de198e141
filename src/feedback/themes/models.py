"""Themes, the comments they are found in, the models that find them and the team's codings."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin, enum_column, utc_now


class Sentiment(StrEnum):
    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


SENTIMENT_LABELS = {
    Sentiment.POSITIVE: "Positive",
    Sentiment.NEUTRAL: "Neutral or mixed",
    Sentiment.NEGATIVE: "Negative",
}


class Origin(StrEnum):
    """Who put a theme on a comment: the team's word outranks any model's."""

    MODEL = "model"
    LEXICON = "lexicon"
    TEAM = "team"


class Theme(Base, TimestampMixin):
    __tablename__ = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    group: Mapped[str] = mapped_column(String(120))
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Local themes are the trust's own additions to the national framework.
    is_local: Mapped[bool] = mapped_column(Boolean, default=False)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str | None] = mapped_column(Text)
    target_id: Mapped[int | None] = mapped_column(ForeignKey("target.id"))

    keywords: Mapped[list[ThemeKeyword]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", order_by="ThemeKeyword.phrase"
    )


class ThemeKeyword(Base):
    """One phrase of the lexicon that gives first themes before any model is trained."""

    __tablename__ = "theme_keyword"
    __table_args__ = (UniqueConstraint("theme_id", "phrase"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id", ondelete="CASCADE"))
    phrase: Mapped[str] = mapped_column(String(120))

    theme: Mapped[Theme] = relationship(back_populates="keywords")


class ModelVersion(Base):
    """A trained classifier, kept with its held-back evaluation whether or not it is used."""

    __tablename__ = "theme_model_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    trigger: Mapped[str] = mapped_column(String(40))  # cli, job, admin
    training_comments: Mapped[int] = mapped_column(Integer)
    team_codings: Mapped[int] = mapped_column(Integer, default=0)
    evaluation: Mapped[dict] = mapped_column(JSON)
    macro_f1: Mapped[float] = mapped_column(Float)
    micro_f1: Mapped[float] = mapped_column(Float)
    sentiment_accuracy: Mapped[float] = mapped_column(Float)
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    decision: Mapped[str] = mapped_column(Text)  # why it was or was not activated
    payload: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    size_bytes: Mapped[int] = mapped_column(Integer)


class TrainingComment(Base):
    """A comment coded outside the app (a labelled CSV an admin imported)."""

    __tablename__ = "theme_training_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    question: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)
    themes: Mapped[list] = mapped_column(JSON)
    sentiment_scale: Mapped[int | None] = mapped_column(Integer)
    respondent: Mapped[str | None] = mapped_column(String(120))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class Comment(Base):
    """One piece of free text, from any source, as the themes engine reads it.

    The text is copied from its source so that analysis never touches the tables patients
    write to, and a source's own record is never changed by tagging.
    """

    __tablename__ = "comment"
    __table_args__ = (
        UniqueConstraint("source", "source_id"),
        Index("ix_comment_untagged", "tagged_at"),
        Index("ix_comment_month", "received_month", "source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(30))  # fft, complaint, ...
    source_id: Mapped[int] = mapped_column(Integer)
    source_ref: Mapped[str] = mapped_column(String(60))  # what staff know it by
    text: Mapped[str] = mapped_column(Text)
    question: Mapped[str | None] = mapped_column(Text)
    rating: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(10), default="en")
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"), index=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    received_month: Mapped[date] = mapped_column(Date)
    collected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    tagged_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    tagged_by: Mapped[str | None] = mapped_column(String(40))  # "model 3", "lexicon"
    sentiment: Mapped[Sentiment | None] = mapped_column(enum_column(Sentiment))
    sentiment_scale: Mapped[int | None] = mapped_column(Integer)
    learning_value: Mapped[float | None] = mapped_column(Float)
    # Set when a person coded the comment: its themes are then training data and no model
    # may change them.
    coded_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    coded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    is_urgent: Mapped[bool] = mapped_column(Boolean, default=False)

    themes: Mapped[list[CommentTheme]] = relationship(
        back_populates="comment", cascade="all, delete-orphan"
    )


class CommentTheme(Base):
    __tablename__ = "comment_theme"
    __table_args__ = (Index("ix_comment_theme_theme", "theme_id", "comment_id"),)

    comment_id: Mapped[int] = mapped_column(
        ForeignKey("comment.id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[int] = mapped_column(ForeignKey("theme.id"), primary_key=True)
    origin: Mapped[Origin] = mapped_column(enum_column(Origin))
    score: Mapped[float | None] = mapped_column(Float)

    comment: Mapped[Comment] = relationship(back_populates="themes")
    theme: Mapped[Theme] = relationship()


class UrgentAlert(Base):
    """An urgent comment waiting for a person: it stays open until someone closes it."""

    __tablename__ = "urgent_alert"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id"), unique=True)
    concerns: Mapped[list] = mapped_column(JSON)  # e.g. ["self-harm"]
    phrases: Mapped[list] = mapped_column(JSON)  # what raised it
    raised_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))
    close_note: Mapped[str | None] = mapped_column(Text)

    comment: Mapped[Comment] = relationship()
    closed_by = relationship("User")


class ThemeSummary(Base):
    """Comments per theme, month and organisation level, for the dashboards."""

    __tablename__ = "theme_summary"

    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[date] = mapped_column(Date, primary_key=True)
    source: Mapped[str] = mapped_column(String(30), primary_key=True)
    theme_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    comments: Mapped[int] = mapped_column(Integer, default=0)
    positive: Mapped[int] = mapped_column(Integer, default=0)
    neutral: Mapped[int] = mapped_column(Integer, default=0)
    negative: Mapped[int] = mapped_column(Integer, default=0)
    urgent: Mapped[int] = mapped_column(Integer, default=0)


class TrainingRequest(Base):
    """An admin asked for a new model; the retrain job trains it (it takes tens of seconds,
    too long for a web request)."""

    __tablename__ = "theme_training_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    requested_by: Mapped[str] = mapped_column(String(254))
    handled_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    model_version_id: Mapped[int | None] = mapped_column(ForeignKey("theme_model_version.id"))
    outcome: Mapped[str | None] = mapped_column(Text)
