"""Accounts: creating, inviting, signing in, disabling. Functions flush; callers commit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select, update
from werkzeug.security import check_password_hash, generate_password_hash

from feedback.auth.models import Role, User, new_session_token
from feedback.auth.passwords import password_problem
from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Service

# Compared against when the email is unknown, so a wrong email costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not-a-real-password", method="scrypt")


class AccountError(ValueError):
    """A request about an account that cannot be carried out; the message is for the user."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def get_user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalise_email(email)))


def get_user_by_session_token(token: str) -> User | None:
    return db.session.scalar(select(User).where(User.session_token == token))


def list_users() -> Sequence[User]:
    return db.session.scalars(select(User).order_by(func.lower(User.name))).all()


def create_user(
    *,
    email: str,
    name: str,
    role: Role,
    password: str | None = None,
    services: Sequence[Service] = (),
) -> User:
    """Add an account; without a password it waits for its invitation to be accepted."""
    if get_user_by_email(email) is not None:
        raise AccountError("An account with this email address already exists")
    user = User(email=normalise_email(email), name=name.strip(), role=role)
    user.services = list(services) if role == Role.SERVICE_MANAGER else []
    if password is not None:
        set_password(user, password)
    db.session.add(user)
    db.session.flush()
    return user


def set_password(user: User, password: str) -> None:
    problem = password_problem(password, (user.email or "", user.name or ""))
    if problem:
        raise AccountError(problem)
    method = current_app.config.get("PASSWORD_HASH_METHOD", "scrypt")
    user.password_hash = generate_password_hash(password, method=method)
    # A new password ends every other signed-in session and spends the invitation.
    user.session_token = new_session_token()


def authenticate(
    email: str, password: str, most_failures: int = 10, lock_minutes: int = 15
) -> User | None:
    """The enabled user with these credentials, or None (never says which part was wrong,
    nor that the account is locked). After `most_failures` wrong passwords in a row the
    account is locked for `lock_minutes`: the right password is refused meanwhile. The caller
    commits either way, so failures are counted. For an account with a second factor a right
    password is only the first step: the sign-in is recorded once the code is right too."""
    user = get_user_by_email(email)
    if user is None or user.password_hash is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    right = check_password_hash(user.password_hash, password)
    now = utc_now()
    if is_locked(user, now):
        return None
    if not right:
        record_failed_sign_in(user, now, most_failures, lock_minutes)
        return None
    if not user.is_enabled:
        return None
    # With a second factor the count goes on until the code is right too: otherwise the
    # password alone would reset it, and codes could be guessed without end.
    if not user.has_second_factor:
        record_sign_in(user, now)
    return user


def record_failed_sign_in(user: User, now: datetime, most_failures: int, lock_minutes: int) -> None:
    """Count a wrong password or code; the last one allowed locks the account."""
    # In SQL, so two workers counting at once both count.
    db.session.execute(
        update(User).where(User.id == user.id).values(failed_sign_ins=User.failed_sign_ins + 1)
    )
    db.session.refresh(user)
    if user.failed_sign_ins >= most_failures:
        user.locked_until = now + timedelta(minutes=lock_minutes)
        user.failed_sign_ins = 0


def record_sign_in(user: User, now: datetime) -> None:
    """Every check passed: the count of failures starts again."""
    user.failed_sign_ins = 0
    user.locked_until = None
    user.last_signed_in_at = now


def is_locked(user: User, now: datetime | None = None) -> bool:
    if user.locked_until is None:
        return False
    until = user.locked_until
    until = until if until.tzinfo else until.replace(tzinfo=UTC)  # SQLite returns it naive
    return until > (now or utc_now())


def unlock(user: User) -> None:
    user.failed_sign_ins = 0
    user.locked_until = None


def sign_out_everywhere(user: User) -> None:
    user.session_token = new_session_token()


def set_enabled(user: User, enabled: bool) -> None:
    user.is_enabled = enabled
    if not enabled:
        sign_out_everywhere(user)


def _invitation_serializer(secret_key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(secret_key, salt="invitation")


def make_invitation_token(user: User, secret_key: str) -> str:
    # Carrying the session token makes the link single-use: choosing a password rotates it.
    return _invitation_serializer(secret_key).dumps([user.id, user.session_token])


def get_invited_user(token: str, secret_key: str, max_age_seconds: int) -> User:
    try:
        user_id, session_token = _invitation_serializer(secret_key).loads(
            token, max_age=max_age_seconds
        )
    except SignatureExpired as error:
        raise AccountError(
            "This invitation has expired. Ask an administrator for a new one"
        ) from error
    except (BadSignature, ValueError, TypeError) as error:
        raise AccountError("This invitation link is not valid") from error
    user = db.session.get(User, user_id)
    if user is None or user.session_token != session_token or not user.is_enabled:
        raise AccountError("This invitation link has already been used or is no longer valid")
    return user
