"""Accounts: creating, inviting, signing in, disabling. Functions flush; callers commit."""

from __future__ import annotations

from collections.abc import Sequence

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from feedback.auth.models import Role, User, new_session_token
from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import Service

MINIMUM_PASSWORD_LENGTH = 12
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
    if len(password) < MINIMUM_PASSWORD_LENGTH:
        raise AccountError(f"Password must be at least {MINIMUM_PASSWORD_LENGTH} characters")
    user.password_hash = generate_password_hash(password, method="scrypt")
    # A new password ends every other signed-in session and spends the invitation.
    user.session_token = new_session_token()


def authenticate(email: str, password: str) -> User | None:
    """The enabled user with these credentials, or None (never says which part was wrong)."""
    user = get_user_by_email(email)
    if user is None or user.password_hash is None:
        check_password_hash(_DUMMY_HASH, password)
        return None
    if not check_password_hash(user.password_hash, password) or not user.is_enabled:
        return None
    user.last_signed_in_at = utc_now()
    return user


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
