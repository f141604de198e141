"""The demo has local surveys that look real: two versions, a closed one, an event, a pair."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.db import trust_today
from feedback.demo import seed_demo
from feedback.extensions import db
from feedback.local_surveys.demo import seed_local_surveys_demo
from feedback.local_surveys.models import LocalQuestionnaire, PairCode, Stage
from feedback.surveys.models import Response
from feedback.surveys.schema import load_questionnaire


def test_the_demo_publishes_four_local_questionnaires_with_responses(app, client):
    seed_demo()
    assert seed_local_surveys_demo(trust_today()) == 14 + 16 + 11 + 15 + 23
    db.session.commit()
    assert seed_local_surveys_demo(trust_today()) == 0  # once only
    ids = set(db.session.scalars(select(LocalQuestionnaire.id)))
    assert ids == {
        "ward-environment",
        "ward-environment-autumn",
        "carers-event",
        "camhs-transition",
    }
    assert load_questionnaire("ward-environment").version == 2
    closed = load_questionnaire("ward-environment-autumn")
    assert closed.not_open_on(trust_today()) == "closed"
    linked = db.session.scalar(
        select(func.count(PairCode.id)).where(
            PairCode.stage == Stage.AFTER, PairCode.before_response_id.is_not(None)
        )
    )
    assert linked == 7
    fft = db.session.scalar(select(func.count()).where(Response.questionnaire == "fft"))
    assert fft == 0  # the demo's FFT history is loaded by its own step
