"""Model versions: stored with their evaluation, activated only when no worse."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import func, select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.themes import services
from feedback.themes.models import Comment, ModelVersion, Sentiment, Theme, TrainingRequest
from feedback.themes.tagging import collect_and_tag
from feedback.themes.training import (
    import_labelled,
    retrain_when_enough_codings,
    team_codings,
    train_new_version,
)
from tests.factories import make_location, make_response, make_user
from tests.themes.helpers import synthetic_comments, write_v6_csv


def test_an_imported_v6_file_becomes_training_data(app, tmp_path):
    path = write_v6_csv(tmp_path / "coded.csv", synthetic_comments(50))
    assert import_labelled(path, batch="coded.csv") == 50
    # The same file again replaces, never doubles.
    assert import_labelled(path, batch="coded.csv") == 50
    db.session.commit()
    with pytest.raises(ValueError, match="at least 200"):
        train_new_version("test")


def test_a_file_that_is_not_labelled_is_refused_with_a_message(app, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,score\nA,1\n", encoding="utf-8")
    with pytest.raises(ValueError) as error:
        import_labelled(path, batch="bad.csv")
    assert "FFT answer" in str(error.value)


def test_a_worse_model_is_kept_but_not_activated(app):
    first, _ = train_new_version("test", comments=synthetic_comments(400))
    db.session.commit()
    # Codings that contradict each other teach a model nothing: it comes out worse.
    shuffled = synthetic_comments(400, seed=2)
    labels = [c.themes for c in shuffled]
    random.Random(5).shuffle(labels)
    noisy = [replace(c, themes=t) for c, t in zip(shuffled, labels, strict=True)]
    second, _ = train_new_version("job", comments=noisy)
    db.session.commit()
    assert first.is_active and not second.is_active
    assert "Kept, not activated" in second.decision
    assert second.evaluation["per_theme"]
    assert db.session.scalar(select(func.count()).select_from(ModelVersion)) == 2


def test_the_job_retrains_after_enough_team_codings(app):
    app.config["THEMES_RETRAIN_AFTER_CODINGS"] = 3
    app.config["THEMES_MINIMUM_TRAINING_COMMENTS"] = 3
    px = make_user(Role.PX_TEAM)
    location = make_location()
    for text in ("The food was cold", "Kind staff", "Dirty toilets"):
        make_response(location, rating=4, comment=text)
    collect_and_tag()
    db.session.commit()
    assert retrain_when_enough_codings() == 0
    food = db.session.scalar(select(Theme.id).where(Theme.name.like("Food%")))
    for comment in db.session.scalars(select(Comment).order_by(Comment.id)).all()[:2]:
        services.code_comment(comment, [food], Sentiment.NEGATIVE, px)
    db.session.commit()
    assert retrain_when_enough_codings() == 0  # two codings, three needed
    comment = db.session.scalars(select(Comment).order_by(Comment.id)).all()[2]
    services.code_comment(comment, [food], None, px)
    db.session.commit()
    codings = team_codings()
    assert len(codings) == 3 and codings[0].sentiment == 4
    app.config["THEMES_MINIMUM_TRAINING_COMMENTS"] = 1000
    assert retrain_when_enough_codings() == 0  # too little data in all to train on


def test_an_admins_request_is_handled_by_the_job(app, tmp_path):
    import_labelled(write_v6_csv(tmp_path / "c.csv", synthetic_comments(300)), batch="c.csv")
    db.session.add(TrainingRequest(requested_by="admin@example.nhs.uk"))
    db.session.commit()
    assert retrain_when_enough_codings() == 1
    db.session.commit()
    request = db.session.scalar(select(TrainingRequest))
    assert request.handled_at is not None and request.model_version_id is not None
    assert "Activated" in request.outcome
    assert retrain_when_enough_codings() == 0
