"""Recording offers, opening the questionnaire for them, and peer interviewers' wards.

Functions flush; the caller commits.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from feedback.auth.models import Role, User
from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.organisation.services import visible_service_ids
from feedback.prom.models import (
    CompletionMode,
    DeclineReason,
    PeerInterviewer,
    PromInvite,
    PromOffer,
    PromResponse,
    PromVersion,
)

# No 0/O, 1/I/L or 5/S: the code is read off a slip and typed on a phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"
CODE_LENGTH = 8
PEER_CODE = re.compile(r"^PI-\d{2,3}$")
# An offer recorded later than this is a typing mistake, not a late entry.
OLDEST_OFFER = timedelta(days=92)


class OfferError(ValueError):
    """An offer or code that cannot be used; the message is for the person."""


class CodeProblem(StrEnum):
    """Why a home code cannot be used: the public page says each kindly, in their language."""

    UNKNOWN = "unknown"
    USED = "used"
    EXPIRED = "expired"


class CodeError(ValueError):
    def __init__(self, problem: CodeProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class OfferInput:
    location: Location
    offered_on: date
    version: PromVersion
    accepted: bool
    decline_reason: DeclineReason | None


def check_offer(data: OfferInput, today: date) -> None:
    if data.offered_on > today:
        raise OfferError("The date of the offer must be today or in the past")
    if data.offered_on < today - OLDEST_OFFER:
        raise OfferError("The date of the offer must be within the last 3 months")
    if data.accepted == (data.decline_reason is not None):
        raise OfferError("Choose why they said no, only when they said no")


def _new_home_code() -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.session.scalar(select(PromOffer.id).where(PromOffer.home_code == code)) is None:
            return code


def record_offer(data: OfferInput, by: User, today: date | None = None) -> PromOffer:
    """An offer as staff or a peer interviewer made it; an accepted one gets a home code."""
    check_offer(data, today or trust_today())
    offer = PromOffer(
        location_id=data.location.id,
        offered_on=data.offered_on,
        offered_month=data.offered_on.replace(day=1),
        version=data.version,
        accepted=data.accepted,
        decline_reason=data.decline_reason,
        recorded_by_id=by.id,
        home_code=None,
    )
    db.session.add(offer)
    db.session.flush()
    if data.accepted:
        offer.home_code = _new_home_code()
        db.session.add(
            PromInvite(
                token=offer.home_code, offer_id=offer.id, mode=CompletionMode.ALONE, at_home=True
            )
        )
        db.session.flush()
    return offer


def start_here(offer: PromOffer, mode: CompletionMode, peer_code: str | None = None) -> str:
    """A fresh link to answer on this device now, with the help chosen; returns its token."""
    if not offer.accepted or offer_is_answered(offer):
        raise OfferError("This offer has already been answered")
    if (mode == CompletionMode.PEER) != (peer_code is not None):
        raise OfferError("Only a peer interviewer starts a peer interview")
    token = secrets.token_urlsafe(24)
    db.session.add(PromInvite(token=token, offer_id=offer.id, mode=mode, peer_code=peer_code))
    db.session.flush()
    return token


def offer_is_answered(offer: PromOffer) -> bool:
    return (
        db.session.scalar(select(PromResponse.id).where(PromResponse.offer_id == offer.id))
        is not None
    )


def normalise_code(typed: str) -> str:
    """What a person typed from the slip, as stored: capitals, no spaces or dashes."""
    # Control characters too: none is on a slip, and PostgreSQL refuses a NUL in a query.
    return re.sub(r"[\s\-\x00-\x1f\x7f]", "", typed or "").upper()


def open_invite(token: str, max_age: timedelta, today: date | None = None) -> PromInvite | None:
    """The invite behind a token, while its offer is unanswered and not too old."""
    if not token or len(token) > 64:
        return None
    invite = db.session.scalar(
        select(PromInvite).options(selectinload(PromInvite.offer)).where(PromInvite.token == token)
    )
    if invite is None or not invite.offer.accepted:
        return None
    if invite.offer.offered_on < (today or trust_today()) - max_age:
        return None
    return None if offer_is_answered(invite.offer) else invite


def find_home_code(typed: str, max_age: timedelta) -> PromOffer:
    """The offer a slip's code belongs to, or CodeError saying why it cannot be used."""
    code = normalise_code(typed)
    offer = (
        db.session.scalar(select(PromOffer).where(PromOffer.home_code == code)) if code else None
    )
    if offer is None:
        raise CodeError(CodeProblem.UNKNOWN)
    if offer_is_answered(offer):
        raise CodeError(CodeProblem.USED)
    if offer.offered_on < trust_today() - max_age:
        raise CodeError(CodeProblem.EXPIRED)
    return offer


def get_offer_for(user: User, offer_id: int) -> PromOffer | None:
    """An offer the user may see: any for the team, their own services' for a manager."""
    offer = db.session.get(PromOffer, offer_id)
    if offer is None:
        return None
    allowed = visible_service_ids(user)
    return offer if allowed is None or offer.location.service_id in allowed else None


def list_offers(user: User, limit: int = 50) -> Sequence[PromOffer]:
    query = (
        select(PromOffer)
        .join(PromOffer.location)
        .options(selectinload(PromOffer.location), selectinload(PromOffer.response))
        .order_by(PromOffer.offered_on.desc(), PromOffer.id.desc())
        .limit(limit)
    )
    if (allowed := visible_service_ids(user)) is not None:
        query = query.where(Location.service_id.in_(allowed))
    return db.session.scalars(query).all()


# --- Peer interviewers -----------------------------------------------------------------------


def get_peer(user: User) -> PeerInterviewer | None:
    if user.role != Role.PEER_INTERVIEWER:
        return None
    return db.session.get(PeerInterviewer, user.id)


def list_peers() -> Sequence[tuple[User, PeerInterviewer | None]]:
    users = db.session.scalars(
        select(User).where(User.role == Role.PEER_INTERVIEWER).order_by(func.lower(User.name))
    ).all()
    peers = {
        p.user_id: p
        for p in db.session.scalars(
            select(PeerInterviewer).options(selectinload(PeerInterviewer.locations))
        )
    }
    return [(user, peers.get(user.id)) for user in users]


def next_peer_code() -> str:
    """The next free code, "PI-01" upwards."""
    taken = set(db.session.scalars(select(PeerInterviewer.code)))
    number = 1
    while f"PI-{number:02d}" in taken:
        number += 1
    return f"PI-{number:02d}"


def set_peer(user: User, code: str, locations: Sequence[Location]) -> PeerInterviewer:
    """Give a peer interviewer their code and the wards they may interview on."""
    if user.role != Role.PEER_INTERVIEWER:
        raise OfferError("Only a peer interviewer's account has a peer code and wards")
    code = code.strip().upper()
    if not PEER_CODE.match(code):
        raise OfferError("Enter a code like PI-07")
    holder = db.session.scalar(select(PeerInterviewer).where(PeerInterviewer.code == code))
    if holder is not None and holder.user_id != user.id:
        raise OfferError(f"The code {code} belongs to another peer interviewer")
    peer = db.session.get(PeerInterviewer, user.id) or PeerInterviewer(user_id=user.id)
    peer.code = code
    peer.locations = list(locations)
    db.session.add(peer)
    db.session.flush()
    return peer


def peer_location(peer: PeerInterviewer | None, location_id: int) -> Location | None:
    """One of the peer's own open wards, or None (which the page shows as not found)."""
    if peer is None:
        return None
    return next(
        (
            loc
            for loc in peer.locations
            if loc.id == location_id and not loc.is_retired and not loc.service.is_retired
        ),
        None,
    )
