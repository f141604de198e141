"""Signing in with a second factor: the password alone signs nobody in; the code page takes
the app's code or a recovery code, once each; wrong codes lock the account as wrong passwords
do; the step between lasts five minutes."""

from __future__ import annotations

import time

from sqlalchemy import select

from feedback.auth.models import Role, User
from feedback.auth.second_factor_views import PENDING
from feedback.extensions import db
from tests.auth.second_factor_helpers import enter_code, enter_password, turn_on, wrong_code
from tests.factories import PASSWORD, make_user, sign_in

CODE_PAGE = "/auth/sign-in/code"


def test_the_password_alone_does_not_sign_in_and_the_code_does(app, client):
    user = make_user(Role.PX_TEAM)
    totp, _ = turn_on(user)
    assert enter_password(client, user) == CODE_PAGE
    with client.session_transaction() as session:
        assert set(session) == {PENDING}  # no user id for Flask-Login, nothing else
        assert session[PENDING]["user_id"] == user.id
    assert client.get("/staff/").headers["Location"].startswith("/auth/sign-in")
    page = client.get(CODE_PAGE)
    assert page.status_code == 200 and "Enter your security code" in page.get_data(as_text=True)
    signed_in = enter_code(client, totp.now())
    assert signed_in.status_code == 302 and signed_in.headers["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200
    with client.session_transaction() as session:
        assert PENDING not in session and "signed_in_at" in session  # a fresh session
    stored = db.session.get(User, user.id)
    assert stored.last_signed_in_at is not None and stored.failed_sign_ins == 0


def test_the_page_asked_for_is_kept_through_the_code(app, client):
    user = make_user(Role.ADMIN)
    totp, _ = turn_on(user)
    location = enter_password(client, user, next_url="/responses/")
    assert location == f"{CODE_PAGE}?next=/responses/"
    assert enter_code(client, totp.now(), location).headers["Location"] == "/responses/"


def test_a_wrong_code_is_refused_with_the_error_summary(app, client):
    user = make_user(Role.PX_TEAM)
    totp, _ = turn_on(user)
    enter_password(client, user)
    refused = enter_code(client, wrong_code(totp))
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert "nhsuk-error-summary" in page and "The code is not right" in page
    assert client.get("/staff/").status_code == 302
    assert db.session.get(User, user.id).failed_sign_ins == 1


def test_a_code_used_once_cannot_be_used_again(app, client):
    user = make_user(Role.PX_TEAM)
    totp, _ = turn_on(user)
    code = totp.now()
    enter_password(client, user)
    assert enter_code(client, code).status_code == 302
    client.post("/auth/sign-out")
    enter_password(client, user)
    replayed = enter_code(client, code)
    assert replayed.status_code == 400 and "The code is not right" in replayed.get_data(
        as_text=True
    )
    assert client.get("/staff/").status_code == 302


def test_a_recovery_code_signs_in_once_and_says_how_many_are_left(app, client):
    user = make_user(Role.PX_TEAM)
    _, codes = turn_on(user)
    enter_password(client, user)
    assert enter_code(client, codes[0]).status_code == 302
    home = client.get("/staff/").get_data(as_text=True)
    assert "You used a recovery code" in home and "You have 9 left" in home
    client.post("/auth/sign-out")
    enter_password(client, user)
    assert enter_code(client, codes[0]).status_code == 400
    assert enter_code(client, codes[1].lower()).status_code == 302


def test_wrong_codes_lock_the_account_and_the_password_does_not_reset_the_count(make_app):
    app = make_app(SIGN_IN_RATE_LIMIT="1000 per minute", SIGN_IN_MOST_FAILURES=3)
    with app.app_context():
        user = make_user(Role.PX_TEAM)
        totp, _ = turn_on(user)
        client = app.test_client()
        # A right password between wrong codes must not start the count again, or codes
        # could be guessed without end.
        for _ in range(2):
            enter_password(client, user)
            assert enter_code(client, wrong_code(totp)).status_code == 400
        assert db.session.get(User, user.id).failed_sign_ins == 2
        enter_password(client, user)
        locked = enter_code(client, wrong_code(totp))
        assert locked.status_code == 302 and locked.headers["Location"] == "/auth/sign-in"
        assert "Too many wrong codes" in client.get("/auth/sign-in").get_data(as_text=True)
        stored = db.session.get(User, user.id)
        assert stored.locked_until is not None
        # Locked in the database: a new browser (another worker) is refused the password too.
        other = app.test_client()
        refused = other.post("/auth/sign-in", data={"email": user.email, "password": PASSWORD})
        assert refused.status_code == 200
        assert "Enter a correct email address and password" in refused.get_data(as_text=True)


def test_the_step_between_password_and_code_lasts_five_minutes(app, client):
    user = make_user(Role.PX_TEAM)
    totp, _ = turn_on(user)
    enter_password(client, user)
    with client.session_transaction() as session:
        session[PENDING] = {**session[PENDING], "at": int(time.time()) - 4 * 60}
    assert client.get(CODE_PAGE).status_code == 200  # four minutes: still waiting
    with client.session_transaction() as session:
        session[PENDING] = {**session[PENDING], "at": int(time.time()) - 5 * 60 - 1}
    expired = enter_code(client, totp.now())
    assert expired.status_code == 302 and expired.headers["Location"].startswith("/auth/sign-in")
    assert "within 5 minutes" in client.get("/auth/sign-in").get_data(as_text=True)
    assert client.get("/staff/").status_code == 302
    with client.session_transaction() as session:
        assert PENDING not in session


def test_the_code_page_without_a_password_first_goes_to_sign_in(app, client):
    answer = client.get(CODE_PAGE)
    assert answer.status_code == 302 and answer.headers["Location"].startswith("/auth/sign-in")
    with client.session_transaction() as session:
        session[PENDING] = {"user_id": "1", "at": "now"}  # not what the app writes
    assert client.post(CODE_PAGE, data={"code": "123456"}).status_code == 302


def test_a_disabled_or_reset_account_cannot_finish_signing_in(app, client):
    user = make_user(Role.PX_TEAM)
    totp, _ = turn_on(user)
    enter_password(client, user)
    stored = db.session.get(User, user.id)
    stored.is_enabled = False
    db.session.commit()
    assert enter_code(client, totp.now()).status_code == 302
    assert client.get("/staff/").status_code == 302


def test_codes_are_rate_limited_like_passwords(make_app):
    app = make_app(SIGN_IN_RATE_LIMIT="2 per minute")
    with app.app_context():
        user = make_user(Role.PX_TEAM)
        turn_on(user)
        client = app.test_client()
        client.post("/auth/sign-in", data={"email": user.email, "password": PASSWORD})
        for _ in range(2):
            assert enter_code(client, "NOT-A-CODE").status_code == 400
        assert enter_code(client, "NOT-A-CODE").status_code == 429


def test_people_without_a_second_factor_sign_in_as_before(app, client):
    user = make_user(Role.PX_TEAM)
    sign_in(client, user)
    assert client.get("/staff/").status_code == 200
    assert db.session.scalar(select(User.failed_sign_ins).where(User.id == user.id)) == 0
