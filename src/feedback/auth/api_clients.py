"""Keys for other systems (the patient record system) that send data to the platform.

Only a hash of each key is stored; the key is shown once, when it is made. Revoked keys stop
working at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import DateTime, Index, String, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from feedback.db import Base, TimestampMixin, utc_now
from feedback.extensions import db

KEY_PREFIX_LENGTH = 8
NAME_TAKEN = "A system with this name already has a key"


class ApiClient(Base, TimestampMixin):
    __tablename__ = "api_client"
    # One key in use per system, but a system whose key was revoked (lost, or leaked) gets a
    # new one under the same name, so the patient record system's entry reads the same.
    __table_args__ = (
        Index(
            "uq_api_client_name_in_use",
            "name",
            unique=True,
            sqlite_where=text("revoked_at IS NULL"),
            postgresql_where=text("revoked_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    key_prefix: Mapped[str] = mapped_column(String(KEY_PREFIX_LENGTH))  # shown to admins
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(254))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class ApiClientError(ValueError):
    """A change to API clients that cannot be made; the message is for the admin."""


def _hash(key: str) -> str:
    # The key is 32 random bytes, so a fast hash is enough: there is nothing to guess.
    return hashlib.sha256(key.encode()).hexdigest()


def create_api_client(name: str, created_by: str) -> tuple[ApiClient, str]:
    """A new client and its key, which is never shown again."""
    name = name.strip()
    if not name:
        raise ApiClientError("Enter the name of the system that will use this key")
    in_use = select(ApiClient).where(ApiClient.name == name, ApiClient.revoked_at.is_(None))
    if db.session.scalar(in_use) is not None:
        raise ApiClientError(NAME_TAKEN)
    key = secrets.token_urlsafe(32)
    client = ApiClient(
        name=name, key_prefix=key[:KEY_PREFIX_LENGTH], key_hash=_hash(key), created_by=created_by
    )
    try:
        with db.session.begin_nested():  # a double click on Create: the second one is refused
            db.session.add(client)
    except IntegrityError:
        raise ApiClientError(NAME_TAKEN) from None
    return client, key


def revoke_api_client(client: ApiClient) -> None:
    if client.revoked_at is None:
        client.revoked_at = utc_now()


def list_api_clients() -> Sequence[ApiClient]:
    # A system's replaced keys before its key in use.
    return db.session.scalars(select(ApiClient).order_by(ApiClient.name, ApiClient.id)).all()


def get_api_client(client_id: int) -> ApiClient | None:
    return db.session.get(ApiClient, client_id)


def client_for_key(key: str | None) -> ApiClient | None:
    """The active client whose key this is, or None."""
    if not key:
        return None
    digest = _hash(key)
    client = db.session.scalar(select(ApiClient).where(ApiClient.key_hash == digest))
    if client is None or client.is_revoked or not hmac.compare_digest(client.key_hash, digest):
        return None
    client.last_used_at = utc_now()
    return client
