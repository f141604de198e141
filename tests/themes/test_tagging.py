"""Collecting comments from every source and tagging them in the scheduler."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.jobs import JOBS_BY_ID
from feedback.notifications.models import EmailMessage
from feedback.scheduler.runner import run_job
from feedback.themes.models import (
    Comment,
    CommentTheme,
    ModelVersion,
    Origin,
    Sentiment,
    Theme,
    UrgentAlert,
)
from feedback.themes.tagging import collect_and_tag, collect_comments, retag_everything
from feedback.themes.training import train_new_version
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_response, make_user
from tests.themes.helpers import synthetic_comments


def _themes(comment: Comment) -> set[str]:
    db.session.refresh(comment)
    return {ct.theme.name for ct in comment.themes}


def test_comments_arrive_from_the_fft_and_complaints_once(app):
    location = make_location()
    make_response(location, rating=4, comment="The food was cold every day")
    make_response(location, rating=1, comment="   ")
    make_response(location, rating=1)
    make_case(location.service, what_happened="Nobody called me back about my son's care")
    assert collect_comments() == 2
    db.session.commit()
    assert collect_comments() == 0
    fft = db.session.scalar(select(Comment).where(Comment.source == "fft"))
    assert fft.text == "The food was cold every day"
    assert fft.rating == 4
    assert fft.question == "Please tell us why you gave your answer"
    assert fft.location_id == location.id and fft.service_id == location.service_id
    assert fft.received_month == fft.received_on.replace(day=1)
    complaint = db.session.scalar(select(Comment).where(Comment.source == "complaint"))
    assert complaint.service_id == location.service_id and complaint.rating is None


def test_a_comment_committed_late_with_a_lower_id_is_still_collected(app):
    location = make_location()
    first = make_response(location, comment="Kind nurses")
    make_response(location, comment="Clean ward")
    collect_comments()
    db.session.commit()
    # As if the first answer's transaction had committed after the collector ran.
    db.session.execute(Comment.__table__.delete().where(Comment.source_id == first.answers[0].id))
    db.session.commit()
    assert collect_comments() == 1


def test_the_lexicon_tags_before_any_model_and_urgent_comments_alert_the_team(app):
    px = make_user(Role.PX_TEAM)
    location = make_location()
    make_response(location, rating=5, comment="The food was cold and the ward was dirty")
    make_response(location, rating=5, comment="I want to kill myself and nobody listens")
    assert collect_and_tag() == 4
    db.session.commit()
    food = db.session.scalar(select(Comment).where(Comment.text.like("The food%")))
    assert "Food & drink provision & facilities" in _themes(food)
    assert {ct.origin for ct in food.themes} == {Origin.LEXICON}
    assert food.sentiment == Sentiment.NEGATIVE
    assert food.tagged_by == "lexicon" and not food.is_urgent
    urgent = db.session.scalar(select(Comment).where(Comment.is_urgent.is_(True)))
    alert = db.session.scalar(select(UrgentAlert))
    assert alert.comment_id == urgent.id and "suicide" in alert.concerns
    message = db.session.scalar(select(EmailMessage).where(EmailMessage.to == px.email))
    assert message is not None and "kill myself" not in message.body
    # Tagging again raises no second alert.
    retag_everything()
    assert db.session.scalar(select(func.count()).select_from(UrgentAlert)) == 1


def test_the_scheduled_job_tags_new_comments(app):
    location = make_location()
    make_response(location, rating=1, comment="Staff were kind and caring")
    result = run_job(JOBS_BY_ID["themes-tagging"], triggered_by="test")
    assert result.status.value == "succeeded" and result.rows_written == 2
    assert db.session.scalar(select(Comment.tagged_at)) is not None


def test_a_trained_model_tags_and_team_codings_survive_retagging(app):
    version, evaluation = train_new_version("test", comments=synthetic_comments())
    db.session.commit()
    assert version.is_active and evaluation.micro_f1 > 0.8
    location = make_location()
    make_response(location, rating=4, comment="Really the food was cold")
    make_response(location, rating=1, comment="staff were kind")
    collect_and_tag()
    db.session.commit()
    food = db.session.scalar(select(Comment).where(Comment.text.like("%food%")))
    kind = db.session.scalar(select(Comment).where(Comment.text.like("%kind%")))
    assert _themes(food) == {"Food & drink provision & facilities"}
    assert food.tagged_by == f"model {version.id}"
    assert food.learning_value is not None
    parking = db.session.scalar(select(Theme).where(Theme.name == "Parking"))
    db.session.execute(CommentTheme.__table__.delete().where(CommentTheme.comment_id == kind.id))
    db.session.add(CommentTheme(comment_id=kind.id, theme_id=parking.id, origin=Origin.TEAM))
    kind.coded_at = kind.tagged_at
    db.session.commit()
    retag_everything()
    assert _themes(kind) == {"Parking"}
    assert _themes(food) == {"Food & drink provision & facilities"}


def test_comments_keep_their_month_and_source(app):
    location = make_location()
    case = make_case(location.service, received_on=date(2024, 3, 9), what_happened="Rude staff")
    collect_and_tag()
    comment = db.session.scalar(select(Comment))
    assert comment.received_month == date(2024, 3, 1) and comment.source_ref == case.reference
    assert comment.source == "complaint" and comment.tagged_by == "lexicon"
    assert db.session.scalar(select(func.count()).select_from(ModelVersion)) == 0
