"""Summary tables: what the scheduled jobs compute, so that no page counts raw responses.

`fft_day` holds one row per location per day; `fft_summary` rolls those rows up to service,
directorate and trust by week, month, quarter and financial year. Counts only: percentages are
worked out when shown, from exact integers.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Base, utc_now

RATING_COLUMNS = ("very_good", "good", "neither", "poor", "very_poor", "dont_know")
MODE_COLUMNS = (
    "mode_sms",
    "mode_electronic_discharge",
    "mode_electronic_home",
    "mode_paper_discharge",
    "mode_paper_home",
    "mode_telephone",
    "mode_online",
    "mode_other",
)
RESPONDENT_COLUMNS = (
    "respondent_patient",
    "respondent_carer",
    "respondent_family_or_friend",
    "respondent_staff_helping",
    "respondent_not_given",
)
# The platform's languages as columns (a new language adds one with a migration; until then
# it counts under "other"): one wide row per location and day is far cheaper to fill and roll
# up than a row per language.
LANGUAGES = ("en", "ur", "gu", "pa", "pl")
LANGUAGE_COLUMNS = (*(f"language_{code}" for code in LANGUAGES), "language_other")
# Every count a day row holds and a summary row sums. Modes, respondents and easy read count
# rated responses only, as the national return does; `no_rating` keeps the rest in view.
COUNT_COLUMNS = (
    *RATING_COLUMNS,
    "no_rating",
    *MODE_COLUMNS,
    *RESPONDENT_COLUMNS,
    "easy_read",
    *LANGUAGE_COLUMNS,
)
# Monthly figures, held on the day row of the month's first day so that they roll up with the
# rest: discharges or contacts (the response rate's denominator) and old-question responses.
MONTHLY_COLUMNS = ("eligible", "legacy_responses")

PERIODS = ("week", "month", "quarter", "year")
LEVELS = ("location", "service", "directorate", "trust")


def _count() -> Mapped[int]:
    return mapped_column(Integer, default=0, nullable=False)


class FftCounts:
    very_good: Mapped[int] = _count()
    good: Mapped[int] = _count()
    neither: Mapped[int] = _count()
    poor: Mapped[int] = _count()
    very_poor: Mapped[int] = _count()
    dont_know: Mapped[int] = _count()
    no_rating: Mapped[int] = _count()
    mode_sms: Mapped[int] = _count()
    mode_electronic_discharge: Mapped[int] = _count()
    mode_electronic_home: Mapped[int] = _count()
    mode_paper_discharge: Mapped[int] = _count()
    mode_paper_home: Mapped[int] = _count()
    mode_telephone: Mapped[int] = _count()
    mode_online: Mapped[int] = _count()
    mode_other: Mapped[int] = _count()
    respondent_patient: Mapped[int] = _count()
    respondent_carer: Mapped[int] = _count()
    respondent_family_or_friend: Mapped[int] = _count()
    respondent_staff_helping: Mapped[int] = _count()
    respondent_not_given: Mapped[int] = _count()
    easy_read: Mapped[int] = _count()
    language_en: Mapped[int] = _count()
    language_ur: Mapped[int] = _count()
    language_gu: Mapped[int] = _count()
    language_pa: Mapped[int] = _count()
    language_pl: Mapped[int] = _count()
    language_other: Mapped[int] = _count()
    # None: no count was given (no rate), which is not the same as 0 (no rate either).
    eligible: Mapped[int | None] = mapped_column(Integer)
    legacy_responses: Mapped[int | None] = mapped_column(Integer)


class CalendarDay(Base):
    """The trust's calendar, so that every database groups days into the same weeks, months,
    quarters and financial years without date functions of its own."""

    __tablename__ = "calendar_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    week_start: Mapped[date] = mapped_column(Date, index=True)  # Monday
    month_start: Mapped[date] = mapped_column(Date, index=True)
    quarter_start: Mapped[date] = mapped_column(Date, index=True)  # financial quarters
    year_start: Mapped[date] = mapped_column(Date, index=True)  # 1 April


class FftDay(FftCounts, Base):
    __tablename__ = "fft_day"

    # No foreign key: the table is rebuilt from `response`, which holds the constraint, and a
    # check per inserted row was a tenth of the full recompute.
    location_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True, index=True)


class FftSummary(FftCounts, Base):
    __tablename__ = "fft_summary"
    __table_args__ = (Index("ix_fft_summary_period", "period", "period_start", "level"),)

    level: Mapped[str] = mapped_column(String(12), primary_key=True)
    unit_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    period_start: Mapped[date] = mapped_column(Date, primary_key=True)
    total: Mapped[int] = _count()


class EligibleCount(Base):
    """Discharges or contacts at a location in a month: the response rate's denominator."""

    __tablename__ = "eligible_count"
    __table_args__ = (UniqueConstraint("location_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    month: Mapped[date] = mapped_column(Date, index=True)
    eligible: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(200))  # who or which system sent it
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utc_now, onupdate=utc_now
    )


LEGACY_COLUMNS = (
    "extremely_likely",
    "likely",
    "neither_likely_nor_unlikely",
    "unlikely",
    "extremely_unlikely",
    "dont_know",
)


class LegacyFftMonth(Base):
    """Results on the old question ("how likely are you to recommend..."), before April 2020.
    A separate series: their counts give response-rate baselines, their scores never mix
    with the 2020 question's."""

    __tablename__ = "legacy_fft_month"
    __table_args__ = (UniqueConstraint("location_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("location.id"))
    month: Mapped[date] = mapped_column(Date, index=True)
    extremely_likely: Mapped[int] = _count()
    likely: Mapped[int] = _count()
    neither_likely_nor_unlikely: Mapped[int] = _count()
    unlikely: Mapped[int] = _count()
    extremely_unlikely: Mapped[int] = _count()
    dont_know: Mapped[int] = _count()
    imported_by: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)

    @property
    def responses(self) -> int:
        return sum(getattr(self, column) for column in LEGACY_COLUMNS)


class FftReturnSent(Base):
    """A copy of each monthly return as it was sent: NHS England cannot correct a published
    return, so the team must be able to see what went and when."""

    __tablename__ = "fft_return_sent"
    __table_args__ = (UniqueConstraint("month", "setting"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    month: Mapped[date] = mapped_column(Date)
    setting: Mapped[str] = mapped_column(String(20))
    sent_by: Mapped[str] = mapped_column(String(254))
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    csv_text: Mapped[str] = mapped_column(Text)
