"""The demo trust opens with a year of actions: every status, posters to print, links to a
complaint and a target."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from feedback.actions import services
from feedback.actions.demo import DEMO_ACTIONS, seed_actions_demo
from feedback.actions.models import Action, ActionStatus
from feedback.db import trust_today
from feedback.demo import seed_demo
from feedback.extensions import db
from feedback.organisation.services import get_location, get_service_by_code
from tests.complaints.test_case_work import make_case


def test_the_demo_records_a_year_of_actions_once(app) -> None:
    assert seed_actions_demo() == 0  # no demo trust yet
    seed_demo()
    case = make_case(get_service_by_code("CHS-HOSP"))
    today = trust_today()
    assert seed_actions_demo(today) == len(DEMO_ACTIONS) >= 12
    db.session.commit()
    actions = db.session.scalars(select(Action).order_by(Action.id)).all()
    statuses = Counter(a.status for a in actions)
    assert set(statuses) == set(ActionStatus) and statuses[ActionStatus.DONE] >= 6
    assert all(abs((a.action_on - today).days) <= 365 for a in actions)
    assert sum(a.service_id is None for a in actions) >= 2  # trust-wide ones
    assert [a.complaint_id for a in actions if a.complaint_id] == [case.id]
    assert sum(a.target_id is not None for a in actions) == 1
    assert all(a.themes for a in actions)
    assert all(
        services.poster_wording(a) is not None
        for a in actions
        if a.status in (ActionStatus.DONE, ActionStatus.IN_PROGRESS)
    )
    assert all(a.created_at.date() <= today for a in actions)
    poster = services.actions_for_poster(get_location("BRAD-ASH"), today)
    assert poster[0].said == "The food was cold. There was not much halal food."
    assert seed_actions_demo(today) == 0
