"""Local survey comments reach the themes engine, filed under the wording they answered."""

from __future__ import annotations

from sqlalchemy import select

from feedback.extensions import db
from feedback.themes.models import Comment
from feedback.themes.tagging import collect_comments
from tests.factories import make_location
from tests.local_surveys.helpers import publish_example, walk


def test_comments_of_each_version_are_collected_with_their_own_wording(client):
    location = make_location()
    base = f"/forms/ward-environment/at/{location.code}"
    publish_example()
    walk(client, base, [("sleep", "always"), ("clean", None), ("improve", None)])
    client.post(f"{base}/comment", data={"answer": "The nurses are kind"})
    publish_example(**{"version = 1": "version = 2", "anything else you would": "more you would"})
    walk(client, base, [("sleep", "never"), ("clean", None), ("improve", None)])
    client.post(f"{base}/comment", data={"answer": "Too noisy at night"})
    collect_comments()
    db.session.commit()
    # Collected in no particular order (PostgreSQL and SQLite differ): read them by text.
    comments = {c.text: c for c in db.session.scalars(select(Comment))}
    assert set(comments) == {"The nurses are kind", "Too noisy at night"}
    assert {c.source for c in comments.values()} == {"ward-environment"}
    assert "anything else you would" in comments["The nurses are kind"].question
    assert "more you would" in comments["Too noisy at night"].question
    assert comments["The nurses are kind"].location_id == location.id
