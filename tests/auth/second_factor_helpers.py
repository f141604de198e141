"""Turning the second factor on for a test's user, and signing in with it."""

from __future__ import annotations

import time
from datetime import datetime

import pyotp
from flask.testing import FlaskClient

from feedback.auth.models import User
from feedback.auth.second_factor import confirm_set_up, start_set_up
from feedback.db import utc_now
from feedback.extensions import db
from tests.factories import PASSWORD


def wrong_code(totp: pyotp.TOTP, at: datetime | float | None = None) -> str:
    """Six digits that are none of the codes accepted around `at` (now by default)."""
    moment = time.time() if at is None else at
    right = {totp.at(moment, counter_offset=k) for k in (-1, 0, 1, 2)}
    return next(code for code in ("000000", "123456", "999999", "555555") if code not in right)


def turn_on(user: User) -> tuple[pyotp.TOTP, list[str]]:
    """Turn it on as the set-up page does; the app (its TOTP) and the recovery codes."""
    start_set_up(user)
    app = pyotp.TOTP(user.totp_secret)
    now = utc_now()
    # Confirmed with the previous step's code, so the code the app shows now is still unused.
    codes = confirm_set_up(user, app.at(now, counter_offset=-1), now)
    assert codes is not None
    db.session.commit()
    return app, codes


def enter_password(client: FlaskClient, user: User, next_url: str = "") -> str:
    """The first step; where it sends the browser."""
    path = f"/auth/sign-in?next={next_url}" if next_url else "/auth/sign-in"
    response = client.post(path, data={"email": user.email, "password": PASSWORD})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def enter_code(client: FlaskClient, code: str, location: str = "/auth/sign-in/code"):  # type: ignore[no-untyped-def]
    return client.post(location, data={"code": code})
