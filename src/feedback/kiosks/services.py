"""Issuing, finding and revoking kiosk links. Functions flush; callers commit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from feedback.db import utc_now
from feedback.extensions import db
from feedback.kiosks.models import Kiosk
from feedback.organisation.models import Location, Service
from feedback.organisation.services import visible_service_ids

if TYPE_CHECKING:
    from feedback.auth.models import User


def _serializer(secret_key: str) -> URLSafeSerializer:
    return URLSafeSerializer(secret_key, salt="kiosk")


def kiosk_token(kiosk: Kiosk, secret_key: str) -> str:
    """The signed part of the kiosk link; the signature stops anyone guessing other kiosks."""
    return _serializer(secret_key).dumps(kiosk.id)


def get_active_kiosk(token: str, secret_key: str) -> Kiosk | None:
    """The kiosk a token names, if it is still in use and its location takes feedback."""
    try:
        kiosk_id = _serializer(secret_key).loads(token)
    except BadSignature:
        return None
    if not isinstance(kiosk_id, int):
        return None
    kiosk = db.session.scalar(
        select(Kiosk)
        .join(Kiosk.location)
        .join(Location.service)
        .options(selectinload(Kiosk.location))
        .where(
            Kiosk.id == kiosk_id,
            Kiosk.revoked_at.is_(None),
            Location.retired_at.is_(None),
            Service.retired_at.is_(None),
        )
    )
    return kiosk


def create_kiosk(*, location: Location, label: str, created_by: User) -> Kiosk:
    kiosk = Kiosk(location=location, label=label, created_by_id=created_by.id)
    db.session.add(kiosk)
    db.session.flush()
    return kiosk


def revoke_kiosk(kiosk: Kiosk, revoked_by: User) -> None:
    if kiosk.revoked_at is None:
        kiosk.revoked_at = utc_now()
        kiosk.revoked_by_id = revoked_by.id
        db.session.flush()


def list_kiosks(user: User) -> Sequence[Kiosk]:
    query = (
        select(Kiosk)
        .join(Kiosk.location)
        .options(selectinload(Kiosk.location))
        .order_by(Kiosk.revoked_at.is_not(None), Location.name, Kiosk.label)
    )
    if (allowed := visible_service_ids(user)) is not None:
        query = query.where(Location.service_id.in_(allowed))
    return db.session.scalars(query).all()


def get_kiosk_for(user: User, kiosk_id: int) -> Kiosk | None:
    kiosk = db.session.get(Kiosk, kiosk_id)
    allowed = visible_service_ids(user)
    if kiosk is None or (allowed is not None and kiosk.location.service_id not in allowed):
        return None
    return kiosk
