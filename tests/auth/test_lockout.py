"""After 10 wrong passwords in a row an account cannot sign in for 15 minutes, counted in the
database (so every worker agrees); the message never says the account exists or is locked."""

from __future__ import annotations

from datetime import timedelta

from feedback.auth.models import Role, User
from feedback.db import utc_now
from feedback.extensions import db
from tests.factories import PASSWORD, make_user, sign_in

GENERIC = "Enter a correct email address and password"


def _try(client, email: str, password: str):  # type: ignore[no-untyped-def]
    return client.post("/auth/sign-in", data={"email": email, "password": password})


def test_ten_wrong_passwords_lock_the_account_then_the_right_one_is_refused_too(make_app):
    app = make_app(SIGN_IN_RATE_LIMIT="1000 per minute")
    with app.app_context():
        user = make_user(email="sam@example.nhs.uk")
        client = app.test_client()
        for _ in range(9):
            assert GENERIC in _try(client, user.email, "wrong password here").get_data(as_text=True)
        assert _try(client, user.email, PASSWORD).status_code == 302  # 9: still allowed
        for _ in range(10):
            _try(app.test_client(), user.email, "wrong password here")
        refused = _try(app.test_client(), user.email, PASSWORD)
        assert refused.status_code == 200 and GENERIC in refused.get_data(as_text=True)
        stored = db.session.get(User, user.id)
        db.session.refresh(stored)
        assert stored.locked_until is not None
        # Fifteen minutes on, the right password works and the count starts again.
        stored.locked_until = utc_now() - timedelta(seconds=1)
        db.session.commit()
        assert _try(app.test_client(), user.email, PASSWORD).status_code == 302
        db.session.refresh(stored)
        assert (stored.failed_sign_ins, stored.locked_until) == (0, None)


def test_an_unknown_email_looks_the_same_as_a_locked_account(make_app):
    app = make_app(SIGN_IN_RATE_LIMIT="1000 per minute", SIGN_IN_MOST_FAILURES=2)
    with app.app_context():
        user = make_user()
        for _ in range(2):
            _try(app.test_client(), user.email, "wrong password here")
        locked = _try(app.test_client(), user.email, PASSWORD).get_data(as_text=True)
        unknown = _try(app.test_client(), "nobody@example.nhs.uk", PASSWORD).get_data(as_text=True)
        assert GENERIC in locked and GENERIC in unknown
        assert "locked" not in locked.lower()


def test_an_admin_sees_the_lock_and_can_lift_it(make_app):
    app = make_app(SIGN_IN_RATE_LIMIT="1000 per minute", SIGN_IN_MOST_FAILURES=2)
    with app.app_context():
        user = make_user(name="Sam Locked")
        for _ in range(2):
            _try(app.test_client(), user.email, "wrong password here")
        admin = app.test_client()
        sign_in(admin, make_user(Role.ADMIN))
        page = admin.get(f"/admin/users/{user.id}").get_data(as_text=True)
        assert "Signing in is paused" in page and "Let them sign in now" in page
        assert admin.post(f"/admin/users/{user.id}/unlock").status_code == 302
        assert "Signing in is paused" not in admin.get(f"/admin/users/{user.id}").get_data(
            as_text=True
        )
        assert _try(app.test_client(), user.email, PASSWORD).status_code == 302
