"""The declarative base every model shares, and the SQLite connection settings."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, Enum, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names so Alembic migrations read the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utc_now() -> datetime:
    """The current time in UTC; passed as a callable so every row gets its own time."""
    return datetime.now(UTC)


TRUST_TIMEZONE = ZoneInfo("Europe/London")


def as_utc(moment: datetime) -> datetime:
    """A stored moment as aware UTC: SQLite hands back naive datetimes for UTC values."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def trust_today() -> date:
    """Today's date at the trust, which is what every figure and deadline counts in."""
    return utc_now().astimezone(TRUST_TIMEZONE).date()


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection: object, _record: object) -> None:
    # SQLite leaves foreign keys off and uses a rollback journal unless asked.
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # A summary job rewrites its table in one transaction (seconds on a trust's history);
        # a patient's submission waits for it rather than failing after the 5 s default.
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()


def enum_column(enum_class: type[StrEnum]) -> Enum:
    """A str enum stored as its value in a plain VARCHAR, the same on SQLite and PostgreSQL."""
    return Enum(
        enum_class,
        native_enum=False,
        length=30,
        values_callable=lambda members: [member.value for member in members],
    )
