"""How a staff sign-in starts, and how long it lasts. It starts in one place,
`finish_sign_in`, after the password (and the second factor, where the person has one).
It ends after a spell without any request (idle), and a
fixed time after signing in however busy the person is (absolute), so a ward office computer
left signed in does not stay open to the next person. Times are kept in the signed session
cookie; ending a session everywhere is `services.sign_out_everywhere` (a new session token).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import current_app, flash, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from feedback.auth.models import Role, User

SIGNED_IN_AT = "signed_in_at"
SEEN_AT = "seen_at"
# Rewriting the cookie on every request would cost a Set-Cookie each time: once a minute is
# precise enough for limits counted in minutes and hours.
SEEN_RESOLUTION_SECONDS = 60
UNLIMITED_ENDPOINTS = frozenset({"static", "assets", "auth.sign_in", "auth.sign_out"})


def safe_next(target: str | None, user: User) -> str:
    """Where to go after signing in: the page asked for if it is on this site, else home."""
    # Only paths on this site, so a crafted link cannot send a person elsewhere after sign-in.
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and not urlsplit(target).netloc
    ):
        return target
    return home_for(user)


def home_for(user: User) -> str:
    """Where a person lands after signing in: peer interviewers have a page of their own."""
    if user.role == Role.PEER_INTERVIEWER:
        return url_for("peer.home")
    return url_for("staff.home")


def finish_sign_in(user: User, next_target: str | None) -> Response:
    """Sign the person in on a fresh session and send them on: every check has passed."""
    next_url = safe_next(next_target, user)
    session.clear()  # a fresh session at sign-in, so nothing set before it survives
    login_user(user)
    start_session()
    return redirect(next_url)


def start_session() -> None:
    """Call right after `login_user`: the clocks start now."""
    now = int(time.time())
    session[SIGNED_IN_AT] = now
    session[SEEN_AT] = now


def enforce_session_limits() -> ResponseReturnValue | None:
    """Before every request: sign out a session that has been idle or open too long."""
    if request.endpoint in UNLIMITED_ENDPOINTS or not current_user.is_authenticated:
        return None
    now = int(time.time())
    idle = int(current_app.config["SESSION_IDLE_MINUTES"]) * 60
    absolute = int(current_app.config["SESSION_ABSOLUTE_HOURS"]) * 3600
    signed_in_at = session.get(SIGNED_IN_AT)
    seen_at = session.get(SEEN_AT)
    if not isinstance(signed_in_at, int) or not isinstance(seen_at, int):
        expired = True  # a session from before these limits, or one tampered with
    else:
        expired = now - seen_at > idle or now - signed_in_at > absolute
    if expired:
        logout_user()
        session.clear()
        flash("You were signed out because the session had timed out. Sign in again")
        target = request.full_path if request.method == "GET" else None
        return redirect(url_for("auth.sign_in", next=target.rstrip("?") if target else None))
    if now - seen_at >= SEEN_RESOLUTION_SECONDS:  # type: ignore[operator]
        session[SEEN_AT] = now
    return None
