"""The second factor: six-digit codes from an authenticator app (RFC 6238 TOTP), and recovery
codes for a lost phone. Plain functions with the time passed in; they flush, callers commit.

Only administrators and the patient experience team may turn it on: they see every service's
feedback and complaints. A trust can make it compulsory for those roles
(`REQUIRE_SECOND_FACTOR_ROLES`). Why the secret is stored as it is: docs/adr/0010.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

import pyotp
import segno
from sqlalchemy import delete, func, or_, select, update

from feedback.auth.models import RecoveryCode, Role, User
from feedback.auth.services import is_locked, record_failed_sign_in
from feedback.config import ConfigError
from feedback.extensions import db

ROLES_THAT_MAY_USE_IT = frozenset({Role.ADMIN, Role.PX_TEAM})
# The app's code for the step before and after now is accepted too: phone clocks drift,
# and a code typed as it changes arrives in the next step.
VALID_WINDOW = 1
RECOVERY_CODE_COUNT = 10
# No 0/O, 1/I/L, U or V: nothing to misread when typing a code from paper. 12 characters from
# these 29 are 58 bits, too many to guess even from a stolen hash.
RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
RECOVERY_CODE_LENGTH = 12
PENDING_SECONDS = 5 * 60  # from the right password to the code


class CodeCheck(StrEnum):
    APP_CODE = "app_code"
    RECOVERY_CODE = "recovery_code"
    WRONG = "wrong"
    LOCKED = "locked"


def may_use(user: User) -> bool:
    return user.role in ROLES_THAT_MAY_USE_IT


def required_roles(setting: object) -> frozenset[Role]:
    """The roles in REQUIRE_SECOND_FACTOR_ROLES: a list, or names separated by commas (as an
    environment variable gives them). Refuses a role that cannot set a second factor up,
    because its people would be sent to a page they may not open."""
    names: Iterable[object]
    if setting is None or setting == "":
        names = ()
    elif isinstance(setting, str):
        names = (name.strip() for name in setting.split(",") if name.strip())
    elif isinstance(setting, list | tuple | set | frozenset):
        names = setting
    else:
        raise ConfigError("REQUIRE_SECOND_FACTOR_ROLES must be a list of role names")
    roles = set()
    for name in names:
        try:
            roles.add(Role(str(name)))
        except ValueError as error:
            raise ConfigError(f"REQUIRE_SECOND_FACTOR_ROLES: {name!r} is not a role") from error
    unusable = roles - ROLES_THAT_MAY_USE_IT
    if unusable:
        raise ConfigError(
            "REQUIRE_SECOND_FACTOR_ROLES may list only admin and px_team, not "
            + ", ".join(sorted(unusable))
        )
    return frozenset(roles)


def is_required(user: User, roles: frozenset[Role]) -> bool:
    return user.role in roles


def must_set_up(user: User, roles: frozenset[Role]) -> bool:
    """Signed in with a role that needs a second factor, and has not set one up yet."""
    return is_required(user, roles) and not user.has_second_factor


# --- Setting up --------------------------------------------------------------------------


def start_set_up(user: User) -> None:
    """A new secret for the app, which counts once a code from it confirms it."""
    if not may_use(user) or user.has_second_factor:
        raise ValueError("this account cannot start setting up a second factor")
    user.totp_secret = pyotp.random_base32()  # 160 bits, as RFC 4226 recommends
    user.totp_last_step = None


def is_setting_up(user: User) -> bool:
    return user.totp_secret is not None and not user.has_second_factor


def grouped(secret: str) -> str:
    """The secret in groups of four, as people copy it into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def set_up_link(user: User, issuer: str) -> str:
    """The otpauth:// link the QR code carries: the app shows the issuer and email."""
    return pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.email, issuer_name=issuer)


def qr_svg(link: str) -> str:
    """An inline <svg> QR code: nothing to fetch, so the page's strict CSP is untouched."""
    return segno.make(link, error="m").svg_inline(scale=5, title=None)


def confirm_set_up(user: User, code: str, at: datetime) -> list[str] | None:
    """Turn the second factor on if the code is the app's; the recovery codes, shown once."""
    if not is_setting_up(user):
        return None
    step = _matching_step(user.totp_secret or "", code, at)
    if step is None:
        return None
    user.second_factor_on_at = at
    user.totp_last_step = step
    return new_recovery_codes(user, at)


# --- Checking a code ---------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """The sign-in lockout's settings, which wrong codes count towards as passwords do."""

    most_failures: int
    lock_minutes: int

    @classmethod
    def from_config(cls, config: Mapping[str, Any]) -> Limits:
        return cls(int(config["SIGN_IN_MOST_FAILURES"]), int(config["SIGN_IN_LOCK_MINUTES"]))


def check_code(user: User, code: str, at: datetime, limits: Limits) -> CodeCheck:
    """Check a code from the app or a recovery code. A wrong one counts towards the sign-in
    lockout, in the database so every worker agrees; while locked nothing is accepted. An app
    code is accepted once: that step, and every one before it, is then spent."""
    if not user.has_second_factor:
        return CodeCheck.WRONG
    if is_locked(user, at):
        return CodeCheck.LOCKED
    if _looks_like_app_code(code):
        step = _matching_step(user.totp_secret or "", code, at)
        if step is not None and _spend_step(user, step):
            return CodeCheck.APP_CODE
    elif _spend_recovery_code(user, code, at):
        return CodeCheck.RECOVERY_CODE
    record_failed_sign_in(user, at, limits.most_failures, limits.lock_minutes)
    return CodeCheck.LOCKED if is_locked(user, at) else CodeCheck.WRONG


def _normal(code: str) -> str:
    return re.sub(r"[\s-]+", "", code).upper()


def _looks_like_app_code(code: str) -> bool:
    return bool(re.fullmatch(r"\d{6}", _normal(code)))


def _matching_step(secret: str, code: str, at: datetime) -> int | None:
    """The time step whose code this is, within one step of `at`; None if none matches."""
    code = _normal(code)
    if not secret or not re.fullmatch(r"\d{6}", code):
        return None
    totp = pyotp.TOTP(secret)
    now_step = totp.timecode(at)
    for offset in range(-VALID_WINDOW, VALID_WINDOW + 1):
        if hmac.compare_digest(totp.at(at, counter_offset=offset), code):
            return now_step + offset
    return None


def _spend_step(user: User, step: int) -> bool:
    """Record the step as used unless it, or a later one, already was (a replayed code)."""
    # A conditional UPDATE, so two workers given the same code at once accept it only once.
    result = db.session.execute(
        update(User)
        .where(User.id == user.id)
        .where(or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(user)
    return result.rowcount == 1  # type: ignore[attr-defined]


# --- Recovery codes ----------------------------------------------------------------------


def _hash(code: str) -> str:
    # 58 random bits: a fast hash is enough, as for API keys (nothing to guess from it).
    return hashlib.sha256(_normal(code).encode()).hexdigest()


def _shown(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def new_recovery_codes(user: User, at: datetime) -> list[str]:
    """Replace the person's recovery codes with new ones, returned once to be shown."""
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    codes = [
        "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_CODE_LENGTH))
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    db.session.add_all(
        RecoveryCode(user_id=user.id, code_hash=_hash(code), created_at=at) for code in codes
    )
    db.session.flush()
    return [_shown(code) for code in codes]


def recovery_codes_left(user: User) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(RecoveryCode)
        .where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
    )


def _spend_recovery_code(user: User, code: str, at: datetime) -> bool:
    if len(_normal(code)) != RECOVERY_CODE_LENGTH:
        return False
    # Conditional, as for app codes: a code typed on two computers at once works once.
    result = db.session.execute(
        update(RecoveryCode)
        .where(
            RecoveryCode.user_id == user.id,
            RecoveryCode.code_hash == _hash(code),
            RecoveryCode.used_at.is_(None),
        )
        .values(used_at=at)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


# --- Turning it off ----------------------------------------------------------------------


def turn_off(user: User) -> None:
    """Forget the secret and the recovery codes: the person sets it up again from the start.
    Also what an administrator does for someone who has lost their phone."""
    user.totp_secret = None
    user.second_factor_on_at = None
    user.totp_last_step = None
    db.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user.id))
    db.session.flush()
