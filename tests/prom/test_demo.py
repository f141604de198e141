"""The demo trust opens with 18 months of PROM offers and answers that look real: low uptake
on the Bradgate wards, "has a copy" improving from under half, two peer interviewers, and the
target on it judged."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.auth.models import Role, User
from feedback.auth.services import authenticate
from feedback.db import trust_today
from feedback.demo import DEMO_PASSWORD, seed_demo
from feedback.extensions import db
from feedback.organisation.services import get_location
from feedback.prom.demo import MONTHS, seed_prom_demo
from feedback.prom.models import CompletionMode, PeerInterviewer, PromOffer, PromResponse
from feedback.prom.summary import PromSummary, summarise_prom
from feedback.targets.evaluate import evaluate_all_targets
from feedback.targets.models import Rag, Target, TargetStatus


def _percent(part: int, whole: int) -> float:
    return 100 * part / whole


def test_the_demo_has_eighteen_months_of_offers_that_look_real(app):
    today = trust_today()
    assert seed_prom_demo(today, DEMO_PASSWORD) == 0  # no demo trust yet
    seed_demo()
    made = seed_prom_demo(today, DEMO_PASSWORD)
    db.session.commit()
    assert made == db.session.scalar(select(func.count(PromOffer.id))) > 1000
    months = db.session.scalar(select(func.count(func.distinct(PromOffer.offered_month))))
    assert months == MONTHS
    assert seed_prom_demo(today, DEMO_PASSWORD) == 0  # once only

    summarise_prom()
    trust = db.session.execute(
        select(
            PromSummary.month,
            PromSummary.offered,
            PromSummary.completed,
            PromSummary.has_copy_yes,
            PromSummary.has_copy_answered,
        )
        .where(PromSummary.level == "trust")
        .order_by(PromSummary.month)
    ).all()
    first_half = trust[: len(trust) // 2]
    second_half = trust[len(trust) // 2 :]
    early = _percent(sum(r[3] for r in first_half), sum(r[4] for r in first_half))
    late = _percent(sum(r[3] for r in second_half), sum(r[4] for r in second_half))
    assert 40 <= early < late <= 70, (early, late)

    def completion(code: str) -> float:
        location = get_location(code)
        offered, completed = db.session.execute(
            select(func.sum(PromSummary.offered), func.sum(PromSummary.completed)).where(
                PromSummary.level == "location", PromSummary.unit_id == location.id
            )
        ).one()
        return _percent(completed, offered)

    assert completion("BRAD-ASH") < 40 < completion("STEWART")  # a problem to find

    peers = db.session.scalars(select(PeerInterviewer)).all()
    assert sorted(p.code for p in peers) == ["PI-07", "PI-12"]
    assert all(p.locations for p in peers)
    assert authenticate("peer@example.org", DEMO_PASSWORD).role == Role.PEER_INTERVIEWER
    assert (
        db.session.scalar(
            select(func.count(PromResponse.id)).where(PromResponse.mode == CompletionMode.PEER)
        )
        > 50
    )
    peer_codes = set(db.session.scalars(select(PromResponse.peer_code).distinct()))
    assert peer_codes == {None, "PI-07", "PI-12"}
    names = set(db.session.scalars(select(User.name).where(User.role == Role.PEER_INTERVIEWER)))
    assert not names & peer_codes

    evaluate_all_targets()
    target = db.session.scalar(select(Target).where(Target.code == "care-plan-copy"))
    rags = set(
        db.session.scalars(select(TargetStatus.rag).where(TargetStatus.target_id == target.id))
    )
    assert Rag.RED in rags and len(rags) >= 2  # never green everywhere
