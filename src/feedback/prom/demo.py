"""Demo PROM history: 18 months of offers and answers on the demo trust's wards and teams.

The Bradgate Unit's wards take it up least (as in the 2019 audit, where 27% agreed to it);
"has a copy of their care plan" starts a little under half and improves to about two thirds;
two peer interviewers work on the Bradgate and rehabilitation wards.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from feedback.auth.models import Role, User
from feedback.auth.services import create_user, get_user_by_email
from feedback.extensions import db
from feedback.organisation.services import get_location
from feedback.prom.models import (
    CompletionMode,
    DeclineReason,
    PromInvite,
    PromOffer,
    PromResponse,
    PromVersion,
)
from feedback.prom.services import CODE_ALPHABET, CODE_LENGTH, set_peer

MONTHS = 18
P, C, Y = PromVersion.PATIENT, PromVersion.CARER, PromVersion.YOUNG_PERSON


@dataclass(frozen=True)
class DemoWard:
    code: str
    versions: tuple[PromVersion, ...]
    offers_a_month: tuple[int, int]
    accepts: float  # share of offers accepted
    easy_read: float
    copy_offset: float  # this ward's "has a copy" against the trust's


WARDS = (
    DemoWard("BRAD-ASH", (P, P, P, C), (16, 26), 0.27, 0.1, -0.08),
    DemoWard("BRAD-BEL", (P, P, P, C), (16, 26), 0.34, 0.1, -0.05),
    DemoWard("STEWART", (P, P, C), (10, 16), 0.72, 0.15, 0.06),
    DemoWard("WILLOWS", (P, P, C), (10, 16), 0.66, 0.15, 0.02),
    DemoWard("AGNES", (P, C), (8, 14), 0.6, 0.75, 0.0),
    DemoWard("HYNCA", (P, P, C), (12, 20), 0.5, 0.05, -0.02),
    DemoWard("LANGLEY", (C, C, P), (8, 14), 0.55, 0.2, 0.04),
    DemoWard("BEACON", (Y, Y, Y, C), (8, 14), 0.62, 0.3, 0.05),
)
PEERS = (
    ("peer@example.org", "Robin Okafor", "PI-07", ("BRAD-ASH", "BRAD-BEL")),
    ("peer2@example.org", "Dana Hughes", "PI-12", ("STEWART", "WILLOWS")),
)
DECLINES = (
    (DeclineReason.NOT_WANTED, 5),
    (DeclineReason.TOO_UNWELL, 3),
    (DeclineReason.ANOTHER_TIME, 2),
    (DeclineReason.NO_CARE_PLAN, 1),
    (DeclineReason.OTHER, 1),
)
LANGUAGES = (("en", 92), ("ur", 3), ("gu", 2), ("pa", 2), ("pl", 1))


def _pick(rng: random.Random, weighted: tuple[tuple[object, int | float], ...]):  # type: ignore[no-untyped-def]
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def _month(today: date, back: int) -> date:
    index = today.year * 12 + today.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _answers(rng: random.Random, progress: float, offset: float) -> dict[str, str]:
    copy = min(max(0.45 + 0.2 * progress + offset, 0.05), 0.95)
    return {
        "planned_talk": _pick(
            rng, (("yes", 0.55 + 0.1 * progress), ("no", 0.35), ("not_sure", 0.1))
        ),
        "helped_write": _pick(
            rng, (("yes", 0.45 + 0.1 * progress), ("partly", 0.25), ("no", 0.2), ("not_sure", 0.1))
        ),
        "people_involved": _pick(
            rng, (("yes", 0.5), ("partly", 0.15), ("no", 0.15), ("not_wanted", 0.2))
        ),
        "has_copy": _pick(
            rng, (("yes", copy), ("no", (1 - copy) * 0.8), ("not_sure", (1 - copy) * 0.2))
        ),
        "understands": _pick(rng, (("yes", 0.55), ("partly", 0.3), ("no", 0.15))),
        "says_what_matters": _pick(
            rng, (("yes", 0.55), ("partly", 0.25), ("no", 0.1), ("not_sure", 0.1))
        ),
    }


def _peers(password: str) -> dict[str, tuple[User, str]]:
    """The demo peer interviewers by ward code: (account, peer code)."""
    by_ward: dict[str, tuple[User, str]] = {}
    for email, name, code, wards in PEERS:
        user = get_user_by_email(email) or create_user(
            email=email, name=name, role=Role.PEER_INTERVIEWER, password=password
        )
        set_peer(user, code, [get_location(ward) for ward in wards])  # type: ignore[misc]
        for ward in wards:
            by_ward[ward] = (user, code)
    return by_ward


def _mode(rng: random.Random, has_peer: bool) -> CompletionMode:
    weights = [(CompletionMode.ALONE, 45), (CompletionMode.STAFF, 20), (CompletionMode.CARER, 10)]
    if has_peer:
        weights.append((CompletionMode.PEER, 35))
    return _pick(rng, tuple(weights))


def seed_prom_demo(today: date, password: str) -> int:
    """Offers and answers for the last 18 months, once; returns the offers made. The peer
    interviewers sign in with the other demo users' password."""
    if get_location("BRAD-ASH") is None or db.session.scalar(select(PromOffer.id).limit(1)):
        return 0
    rng = random.Random(20191)  # the same demo every time
    peers = _peers(password)
    staff = db.session.scalar(select(User).where(User.role == Role.PX_TEAM).limit(1))
    codes: set[str] = set()
    made = 0
    for ward in WARDS:
        location = get_location(ward.code)
        assert location is not None
        for back in range(MONTHS - 1, -1, -1):
            month = _month(today, back)
            progress = (MONTHS - 1 - back) / (MONTHS - 1)
            days = min((today - month).days + 1, 28) if back == 0 else 28
            # This month so far: its share of a month's offers, and at least one.
            for _ in range(-(-rng.randint(*ward.offers_a_month) * days // 28)):
                made += 1
                _one_offer(
                    rng,
                    ward,
                    location.id,
                    month + timedelta(rng.randrange(days)),
                    progress,
                    peers.get(ward.code),
                    staff,
                    codes,
                    today,
                )
    db.session.flush()
    return made


def _one_offer(  # type: ignore[no-untyped-def]
    rng, ward: DemoWard, location_id: int, day: date, progress: float, peer, staff, codes, today
) -> None:
    version = rng.choice(ward.versions)
    use_peer = peer is not None and rng.random() < 0.35
    accepted = rng.random() < min(ward.accepts + (0.25 if use_peer else 0), 0.95)
    offer = PromOffer(
        location_id=location_id,
        offered_on=day,
        offered_month=day.replace(day=1),
        version=version,
        accepted=accepted,
        decline_reason=None if accepted else _pick(rng, DECLINES),
        recorded_by_id=(peer[0] if use_peer else staff).id,
    )
    db.session.add(offer)
    if not accepted:
        return
    code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    while code in codes:
        code = "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    codes.add(code)
    offer.home_code = code
    db.session.flush()
    db.session.add(
        PromInvite(token=code, offer_id=offer.id, mode=CompletionMode.ALONE, at_home=True)
    )
    # Most accepted offers are answered; a home code is sometimes never used.
    recent = (today - day).days < 3
    if recent or rng.random() > 0.85:
        return
    mode = CompletionMode.PEER if use_peer else _mode(rng, False)
    at_home = mode == CompletionMode.ALONE and rng.random() < 0.4
    if not at_home:
        db.session.add(
            PromInvite(
                token=secrets.token_urlsafe(24),
                offer_id=offer.id,
                mode=mode,
                peer_code=peer[1] if use_peer else None,
            )
        )
    answered = min(day + timedelta(days=rng.choice((0, 0, 0, 1, 3, 7)) if at_home else 0), today)
    db.session.add(
        PromResponse(
            idempotency_key=f"demo-{secrets.token_hex(12)}",
            offer_id=offer.id,
            questionnaire=version.value,
            questionnaire_version=1,
            language=_pick(rng, LANGUAGES),
            easy_read=rng.random() < ward.easy_read,
            mode=mode,
            at_home=at_home,
            peer_code=peer[1] if use_peer else None,
            submitted_at=datetime.combine(answered, time(rng.randint(9, 19)), tzinfo=UTC),
            **_answers(rng, progress, ward.copy_offset),
        )
    )
