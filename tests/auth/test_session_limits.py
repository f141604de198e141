"""A staff sign-in ends after 30 idle minutes, and 12 hours after signing in however busy."""

from __future__ import annotations

import time

from feedback.auth.sessions import SEEN_AT, SIGNED_IN_AT
from tests.factories import make_user, sign_in


def _age(client, **seconds_ago: int) -> None:  # type: ignore[no-untyped-def]
    with client.session_transaction() as session:
        for key, ago in seconds_ago.items():
            session[key] = int(time.time()) - ago


def test_an_idle_session_is_signed_out_and_sent_back_to_where_it_was(app, client):
    sign_in(client, make_user())
    assert client.get("/staff/").status_code == 200
    _age(client, seen_at=29 * 60)
    assert client.get("/staff/").status_code == 200  # 29 minutes: still signed in
    _age(client, seen_at=31 * 60)
    answer = client.get("/responses/")
    assert answer.status_code == 302
    assert answer.headers["Location"].startswith("/auth/sign-in?next=/responses/")
    assert client.get("/staff/").status_code == 302  # and it stays signed out
    page = client.get("/auth/sign-in").get_data(as_text=True)
    assert "the session had timed out" in page


def test_a_busy_session_still_ends_12_hours_after_signing_in(app, client):
    sign_in(client, make_user())
    _age(client, signed_in_at=11 * 3600, seen_at=0)
    assert client.get("/staff/").status_code == 200
    _age(client, signed_in_at=12 * 3600 + 60, seen_at=0)
    assert client.get("/staff/").status_code == 302


def test_using_the_site_keeps_the_idle_clock_fresh(app, client):
    sign_in(client, make_user())
    _age(client, seen_at=20 * 60)
    client.get("/staff/")
    with client.session_transaction() as session:
        assert int(time.time()) - session[SEEN_AT] < 5
        assert SIGNED_IN_AT in session


def test_limits_follow_the_settings_and_a_session_without_clocks_is_ended(make_app):
    app = make_app(SESSION_IDLE_MINUTES=5)
    with app.app_context():
        client = app.test_client()
        sign_in(client, make_user())
        _age(client, seen_at=6 * 60)
        assert client.get("/staff/").status_code == 302
        sign_in(client, make_user())
        with client.session_transaction() as session:
            del session[SIGNED_IN_AT]
        assert client.get("/staff/").status_code == 302
