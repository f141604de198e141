"""Published local questionnaires, every version's definition text, refused files, and the
codes that link the two halves of a pre/post pair."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, enum_column, utc_now


class SurveyKind(StrEnum):
    TEAM_SURVEY = "team_survey"  # open between two dates
    EVENT_EVALUATION = "event_evaluation"
    PRE_POST = "pre_post"  # the same questions before and after, linked by a code


KIND_LABELS = {
    SurveyKind.TEAM_SURVEY: "Team survey",
    SurveyKind.EVENT_EVALUATION: "Event evaluation",
    SurveyKind.PRE_POST: "Before and after pair",
}


class Stage(StrEnum):
    BEFORE = "before"
    AFTER = "after"


class LocalQuestionnaire(Base):
    """One local questionnaire, whatever its version."""

    __tablename__ = "local_questionnaire"

    # The file's id; a pre/post pair's two halves run as "<id>-before" and "<id>-after".
    id: Mapped[str] = mapped_column(String(30), primary_key=True)
    kind: Mapped[SurveyKind] = mapped_column(enum_column(SurveyKind))
    # Where it was first published from: "upload", or "folder:<name>" in instance/questionnaires.
    origin: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    versions: Mapped[list[LocalQuestionnaireVersion]] = relationship(
        back_populates="questionnaire", order_by="LocalQuestionnaireVersion.version"
    )

    @property
    def current(self) -> LocalQuestionnaireVersion:
        return self.versions[-1]


class LocalQuestionnaireVersion(Base):
    """A version's definition and translations exactly as published: the wording its answers
    were given under, kept for as long as the answers are."""

    __tablename__ = "local_questionnaire_version"
    __table_args__ = (UniqueConstraint("questionnaire_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    questionnaire_id: Mapped[str] = mapped_column(ForeignKey("local_questionnaire.id"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))  # English, for staff lists
    definition: Mapped[str] = mapped_column(Text)
    # Language code -> that translation file's text.
    translations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # A digest of what people read (questions, options, wording, translations), not of the
    # dates or comments: a change of wording must come with a new version number.
    wording_digest: Mapped[str] = mapped_column(String(64))
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    published_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    # None when it came from the instance folder.
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id"))

    questionnaire: Mapped[LocalQuestionnaire] = relationship(back_populates="versions")


class RefusedDefinition(Base):
    """A folder in instance/questionnaires whose files could not be published, and why."""

    __tablename__ = "refused_definition"

    id: Mapped[int] = mapped_column(primary_key=True)
    folder: Mapped[str] = mapped_column(String(80), unique=True)
    message: Mapped[str] = mapped_column(Text)
    refused_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


class PairCode(Base):
    """The code a person keeps between the two halves of a pre/post pair. It is random and
    says nothing about who they are; the same code on an "after" response links the two."""

    __tablename__ = "pair_code"
    # Not unique: two people may type the same code after (a mistake, or one person twice),
    # and an answer is never refused for it. "Before" codes are made unique when drawn.
    __table_args__ = (Index("ix_pair_code_lookup", "questionnaire_id", "stage", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[int] = mapped_column(
        ForeignKey("response.id", ondelete="CASCADE"), unique=True
    )
    questionnaire_id: Mapped[str] = mapped_column(ForeignKey("local_questionnaire.id"))
    stage: Mapped[Stage] = mapped_column(enum_column(Stage))
    code: Mapped[str] = mapped_column(String(12))
    # For an "after" response: the "before" response with the same code, when there was one.
    before_response_id: Mapped[int | None] = mapped_column(ForeignKey("response.id"))
