"""The px_team's comment pages and the admins' framework and model pages, through the app."""

from __future__ import annotations

import io

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.targets.models import Target
from feedback.themes.models import (
    Comment,
    ModelVersion,
    Origin,
    Sentiment,
    Theme,
    ThemeKeyword,
    TrainingRequest,
    UrgentAlert,
)
from feedback.themes.services import PAGE_SIZE
from feedback.themes.tagging import collect_and_tag
from feedback.themes.training import train_new_version
from tests.factories import make_location, make_response, make_user, sign_in
from tests.themes.helpers import synthetic_comments, write_v6_csv


def _comments(*texts: str, rating: int = 4):  # type: ignore[no-untyped-def]
    location = make_location()
    for text in texts:
        make_response(location, rating=rating, comment=text)
    collect_and_tag()
    db.session.commit()
    return location, db.session.scalars(select(Comment).order_by(Comment.id)).all()


def _theme(name: str) -> Theme:
    return db.session.scalar(select(Theme).where(Theme.name == name))


def test_px_team_filters_comments_by_theme_sentiment_and_words(client):
    _comments("The food was cold", "The car park was full", "Staff were lovely")
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/themes/").get_data(as_text=True)
    assert "3 comments" in page
    food = _theme("Food & drink provision & facilities")
    page = client.get(f"/themes/?theme={food.id}").get_data(as_text=True)
    assert "1 comment" in page and "The food was cold" in page and "car park" not in page
    page = client.get("/themes/?q=car+park").get_data(as_text=True)
    assert "1 comment" in page and "The car park was full" in page
    page = client.get("/themes/?sentiment=negative&from=2000-01&to=2099-12").get_data(as_text=True)
    assert "The food was cold" in page
    # Nonsense in the query string is ignored, never an error.
    assert client.get("/themes/?theme=x&from=13-2024&page=-4&urgent=maybe").status_code == 200


def test_coding_a_comment_replaces_the_machines_themes(client):
    _location, (comment,) = _comments("The food was cold")
    px = make_user(Role.PX_TEAM)
    sign_in(client, px)
    assert "Save coding" in client.get(f"/themes/comments/{comment.id}").get_data(as_text=True)
    parking, staff = _theme("Parking"), _theme("Staff manner & personal attributes")
    response = client.post(
        f"/themes/comments/{comment.id}",
        data={"themes": [str(parking.id), str(staff.id)], "sentiment": "neutral"},
    )
    assert response.status_code == 302
    db.session.refresh(comment)
    assert {ct.theme.name for ct in comment.themes} == {parking.name, staff.name}
    assert {ct.origin for ct in comment.themes} == {Origin.TEAM}
    assert comment.sentiment == Sentiment.NEUTRAL
    assert comment.coded_by_id == px.id and comment.reviewed_at is not None
    # A theme id that is not a theme is refused, not stored.
    bad = client.post(f"/themes/comments/{comment.id}", data={"themes": ["99999"]})
    assert bad.status_code == 200 and "There is a problem" in bad.get_data(as_text=True)


def test_the_review_queue_puts_what_the_model_learns_most_from_first(client):
    _location, comments = _comments("The food was cold", "Something odd about the chaplain")
    comments[0].learning_value, comments[1].learning_value = 0.1, 0.9
    db.session.commit()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/themes/review").get_data(as_text=True)
    assert page.index("chaplain") < page.index("The food was cold")
    response = client.post(f"/themes/comments/{comments[1].id}/reviewed", data={"next": "queue"})
    assert response.headers["Location"].endswith("/themes/review")
    assert "chaplain" not in client.get("/themes/review").get_data(as_text=True)


def test_urgent_comments_stay_open_until_closed_with_a_note(client):
    _comments("I keep thinking about ending my life", "Nice garden")
    sign_in(client, make_user(Role.PX_TEAM))
    alert = db.session.scalar(select(UrgentAlert))
    assert alert is not None
    page = client.get("/themes/urgent/").get_data(as_text=True)
    assert "Open (1)" in page and "ending my life" in page
    refused = client.post(f"/themes/urgent/{alert.id}", data={"note": " "})
    assert "Enter what was done" in refused.get_data(as_text=True)
    client.post(f"/themes/urgent/{alert.id}", data={"note": "Called the ward manager"})
    db.session.refresh(alert)
    assert alert.closed_at is not None and alert.close_note == "Called the ward manager"
    assert "Open (0)" in client.get("/themes/urgent/").get_data(as_text=True)


def test_staff_can_raise_a_comment_the_detector_missed(client):
    _location, (comment,) = _comments("Dad has gone quiet since the new carer started")
    sign_in(client, make_user(Role.PX_TEAM))
    assert not comment.is_urgent
    response = client.post(f"/themes/comments/{comment.id}/urgent")
    assert response.status_code == 302
    assert db.session.scalar(select(UrgentAlert.comment_id)) == comment.id


def test_service_managers_and_the_peoples_council_cannot_read_comments(client):
    _comments("The food was cold")
    for role in (Role.SERVICE_MANAGER, Role.PEOPLES_COUNCIL):
        client.post("/auth/sign-out")
        sign_in(client, make_user(role))
        assert client.get("/themes/").status_code == 403


def test_admin_adds_a_local_theme_with_keywords_and_a_target(client):
    sign_in(client, make_user(Role.ADMIN))
    response = client.post(
        "/admin/themes/new",
        data={"name": "Chaplaincy", "group": "Local themes", "description": "Faith support"},
    )
    assert response.status_code == 302
    theme = _theme("Chaplaincy")
    assert theme.is_local
    duplicate = client.post("/admin/themes/new", data={"name": "chaplaincy", "group": "General"})
    assert "already exists" in duplicate.get_data(as_text=True)
    target = db.session.scalar(select(Target).where(Target.code == "complaints-on-time"))
    client.post(
        f"/admin/themes/{theme.id}",
        data={
            "keywords": "chaplain\nPrayer room\n\nchaplain",
            "target_id": str(target.id),
            "is_active": "y",
        },
    )
    db.session.refresh(theme)
    assert sorted(k.phrase for k in theme.keywords) == ["chaplain", "prayer room"]
    assert theme.target_id == target.id
    page = client.get("/admin/themes/").get_data(as_text=True)
    assert "Chaplaincy" in page and target.name in page
    # The new keyword tags the next comment.
    make_response(make_location(), comment="The chaplain was a comfort")
    collect_and_tag()
    comment = db.session.scalar(select(Comment))
    assert "Chaplaincy" in {ct.theme.name for ct in comment.themes}
    assert db.session.scalar(select(ThemeKeyword.id).where(ThemeKeyword.phrase == "chaplain"))


def test_admin_sees_models_with_their_evaluation_and_can_choose_one(client):
    first, _ = train_new_version("test", comments=synthetic_comments())
    second, _ = train_new_version("test", comments=synthetic_comments(seed=3))
    db.session.commit()
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/admin/themes/models").get_data(as_text=True)
    assert f"Version {first.id}" in page and "In use" in page
    detail = client.get(f"/admin/themes/models/{first.id}").get_data(as_text=True)
    assert "Macro-F1" in detail and "Parking" in detail
    client.post(f"/admin/themes/models/{first.id}/activate")
    db.session.refresh(first)
    db.session.refresh(second)
    assert first.is_active and not second.is_active


def test_admin_imports_a_labelled_file_and_asks_for_training(client, tmp_path):
    sign_in(client, make_user(Role.ADMIN))
    path = write_v6_csv(tmp_path / "coded.csv", synthetic_comments(250))
    response = client.post(
        "/admin/themes/training",
        data={"labelled": (io.BytesIO(path.read_bytes()), "coded.csv")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert db.session.scalar(select(TrainingRequest.requested_by)) is not None
    page = client.get("/admin/themes/models").get_data(as_text=True)
    assert "coded.csv: 250 comments" in page
    bad = client.post(
        "/admin/themes/training",
        data={"labelled": (io.BytesIO(b"\xff\xfe\x00bad"), "bad.csv")},
        content_type="multipart/form-data",
    )
    assert "must be a CSV file" in bad.get_data(as_text=True)
    empty = client.post("/admin/themes/training", data={}, content_type="multipart/form-data")
    assert "Choose a labelled CSV" in empty.get_data(as_text=True)
    assert db.session.scalar(select(ModelVersion.id)) is None


def test_comments_come_a_page_at_a_time_and_a_page_past_the_end_opens_the_last(client):
    _comments(*(f"Comment number {n} about the ward" for n in range(PAGE_SIZE + 2)))
    sign_in(client, make_user(Role.PX_TEAM))
    first = client.get("/themes/?q=ward").get_data(as_text=True)
    assert f"{PAGE_SIZE + 2} comments, page 1 of 2" in first
    assert "/themes/?page=2&amp;q=ward" in first
    second = client.get("/themes/?page=2&q=ward").get_data(as_text=True)
    assert "page 2 of 2" in second and second.count('class="nhsuk-card app-comment"') == 2
    past = client.get("/themes/?page=7&q=ward")
    assert past.status_code == 302 and past.headers["Location"].endswith("/themes/?page=2&q=ward")
