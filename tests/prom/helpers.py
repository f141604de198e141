"""Making PROM offers and walking a PROM through the test client, as a person would."""

from __future__ import annotations

from datetime import date

from flask.testing import FlaskClient

from feedback.auth.models import User
from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.models import Location
from feedback.prom.models import DeclineReason, PromOffer, PromVersion
from feedback.prom.services import OfferInput, record_offer

ALL_YES = {
    "planned_talk": "yes",
    "helped_write": "yes",
    "people_involved": "yes",
    "has_copy": "yes",
    "understands": "yes",
    "says_what_matters": "yes",
}


def make_offer(
    location: Location,
    by: User,
    *,
    accepted: bool = True,
    version: PromVersion = PromVersion.PATIENT,
    offered_on: date | None = None,
    reason: DeclineReason | None = None,
) -> PromOffer:
    offer = record_offer(
        OfferInput(
            location=location,
            offered_on=offered_on or trust_today(),
            version=version,
            accepted=accepted,
            decline_reason=None if accepted else (reason or DeclineReason.NOT_WANTED),
        ),
        by,
        today=max(trust_today(), offered_on or trust_today()),
    )
    db.session.commit()
    return offer


def answer_prom(client: FlaskClient, start_url: str, answers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """From the start page (which takes the invite), every question; returns the last POST."""
    answers = answers or ALL_YES
    page = client.get(start_url)
    assert page.status_code == 200, page.get_data(as_text=True)[:500]
    base = start_url.split("?")[0].rstrip("/")
    last = None
    for question, value in answers.items():
        last = client.post(f"{base}/{question}", data={"answer": value})
        assert last.status_code == 302, (question, last.get_data(as_text=True)[:500])
    return last


def prom_route_world(location, other, px, peer) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """An accepted PROM offer on {loc} and one on {other}; the peer interviewer on {loc}."""
    from feedback.extensions import db
    from feedback.prom.services import set_peer
    from feedback.prom.summary import summarise_prom

    mine, theirs = make_offer(location, px), make_offer(other, px)
    set_peer(peer, "PI-01", [location])
    summarise_prom()
    db.session.commit()
    return {
        "prom_offer": mine.id,
        "other_prom_offer": theirs.id,
        "prom_code": mine.home_code,
        "peer_user": peer.id,
    }
