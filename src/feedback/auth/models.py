from __future__ import annotations

import secrets
from datetime import datetime
from enum import StrEnum

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from feedback.db import Base, TimestampMixin, enum_column
from feedback.organisation.models import Service


class Role(StrEnum):
    ADMIN = "admin"
    PX_TEAM = "px_team"  # the patient experience team: everything about feedback
    SERVICE_MANAGER = "service_manager"  # only the services they are assigned
    PEOPLES_COUNCIL = "peoples_council"  # anonymised, easy-read summaries only
    # Not trust staff (service users, carers, partner agencies): they start assisted
    # care-plan PROMs on the wards they are assigned to, and see nothing else.
    PEER_INTERVIEWER = "peer_interviewer"


def new_session_token() -> str:
    return secrets.token_urlsafe(32)


user_service = Table(
    "user_service",
    Base.metadata,
    Column("user_id", ForeignKey("user_account.id", ondelete="CASCADE"), primary_key=True),
    Column("service_id", ForeignKey("service.id", ondelete="CASCADE"), primary_key=True),
)


class User(Base, TimestampMixin):
    """A person who signs in: staff, and people who are not staff (People's Council members,
    peer interviewers)."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    # None until the invited person chooses a password.
    password_hash: Mapped[str | None] = mapped_column(String(255))
    is_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    # Flask-Login keeps this, not the id, in the cookie: changing it signs out every device.
    session_token: Mapped[str] = mapped_column(String(64), unique=True, default=new_session_token)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Wrong passwords in a row, counted in the database so the lockout holds across every
    # worker and server; reset by a successful sign-in or when an admin unlocks the account.
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The second factor (RFC 6238 codes from an authenticator app; see docs/adr/0010). The
    # secret is kept from the moment set-up starts, and counts only once a code from the app
    # has confirmed it.
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    second_factor_on_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The time step of the last code accepted: a code for it or an earlier step is refused,
    # so a code seen over someone's shoulder cannot be used again.
    totp_last_step: Mapped[int | None] = mapped_column(Integer)

    services: Mapped[list[Service]] = relationship(secondary=user_service, order_by=Service.name)

    # Flask-Login's user interface.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.is_enabled and self.password_hash is not None

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return self.session_token

    @property
    def has_second_factor(self) -> bool:
        return self.second_factor_on_at is not None and self.totp_secret is not None

    @property
    def sees_every_service(self) -> bool:
        return self.role in (Role.ADMIN, Role.PX_TEAM)


class RecoveryCode(Base, TimestampMixin):
    """One of the codes shown once when the second factor is turned on, for a lost phone.
    Only a hash is kept; a used code keeps its row (with when) and never works again."""

    __tablename__ = "recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
