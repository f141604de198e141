"""The second factor's rules, with the time passed in: the ±1 step window, a spent step,
recovery codes used once, wrong codes counted towards the lockout, and the setting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest
from sqlalchemy import select

from feedback.auth import second_factor
from feedback.auth.models import RecoveryCode, Role
from feedback.auth.second_factor import CodeCheck, Limits, check_code
from feedback.config import ConfigError
from feedback.extensions import db
from tests.auth.second_factor_helpers import turn_on, wrong_code
from tests.factories import make_user

LIMITS = Limits(most_failures=10, lock_minutes=15)
# Inside a step: the step changes at whole multiples of 30 seconds.
AT = datetime(2026, 12, 2, 9, 0, 10, tzinfo=UTC)
STEP = timedelta(seconds=30)


def _user_on(app):  # type: ignore[no-untyped-def]
    user = make_user(Role.PX_TEAM)
    totp, codes = turn_on(user)
    user.totp_last_step = None  # nothing spent yet at AT (set-up happened "now")
    db.session.commit()
    return user, totp, codes


@pytest.mark.parametrize(
    ("offset", "accepted"), [(-2, False), (-1, True), (0, True), (1, True), (2, False)]
)
def test_the_code_for_one_step_either_side_is_accepted_two_steps_are_not(app, offset, accepted):
    user, totp, _ = _user_on(app)
    code = totp.at(AT + offset * STEP)
    expected = CodeCheck.APP_CODE if accepted else CodeCheck.WRONG
    assert check_code(user, code, AT, LIMITS) is expected


def test_a_code_is_accepted_once_and_earlier_steps_are_spent_with_it(app):
    user, totp, _ = _user_on(app)
    assert check_code(user, totp.at(AT), AT, LIMITS) is CodeCheck.APP_CODE
    # The same code again within its 30 seconds (or the next step's grace) is a replay.
    assert check_code(user, totp.at(AT), AT + timedelta(seconds=5), LIMITS) is CodeCheck.WRONG
    assert check_code(user, totp.at(AT), AT + STEP, LIMITS) is CodeCheck.WRONG
    # The previous step's code, still inside the window, was spent with it.
    assert check_code(user, totp.at(AT - STEP), AT, LIMITS) is CodeCheck.WRONG
    assert check_code(user, totp.at(AT + STEP), AT + STEP, LIMITS) is CodeCheck.APP_CODE
    assert user.totp_last_step == totp.timecode(AT + STEP)


def test_spaces_in_a_typed_code_do_not_matter(app):
    user, totp, _ = _user_on(app)
    code = totp.at(AT)
    assert check_code(user, f" {code[:3]} {code[3:]} ", AT, LIMITS) is CodeCheck.APP_CODE


def test_a_recovery_code_works_once_typed_any_way(app):
    user, _, codes = _user_on(app)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(len(code) == 14 and code.count("-") == 2 for code in codes)  # XXXX-XXXX-XXXX
    typed = codes[3].replace("-", " ").lower()
    assert check_code(user, typed, AT, LIMITS) is CodeCheck.RECOVERY_CODE
    assert check_code(user, codes[3], AT, LIMITS) is CodeCheck.WRONG
    assert second_factor.recovery_codes_left(user) == 9
    assert check_code(user, codes[4], AT, LIMITS) is CodeCheck.RECOVERY_CODE


def test_only_hashes_of_recovery_codes_are_stored(app):
    user, _, codes = _user_on(app)
    stored = db.session.scalars(
        select(RecoveryCode.code_hash).where(RecoveryCode.user_id == user.id)
    ).all()
    assert len(stored) == 10
    plain = {code.replace("-", "") for code in codes}
    assert not plain & set(stored) and not any(p in h for p in plain for h in stored)


def test_new_recovery_codes_replace_the_old_ones(app):
    user, _, old = _user_on(app)
    new = second_factor.new_recovery_codes(user, AT)
    assert check_code(user, old[0], AT, LIMITS) is CodeCheck.WRONG
    assert check_code(user, new[0], AT, LIMITS) is CodeCheck.RECOVERY_CODE


def test_wrong_codes_count_towards_the_lockout_and_then_even_the_right_one_is_refused(app):
    user, totp, _ = _user_on(app)
    limits = Limits(most_failures=3, lock_minutes=15)
    assert check_code(user, wrong_code(totp, AT), AT, limits) is CodeCheck.WRONG
    assert check_code(user, "NOTAREALCODE", AT, limits) is CodeCheck.WRONG
    assert user.failed_sign_ins == 2
    assert check_code(user, wrong_code(totp, AT), AT, limits) is CodeCheck.LOCKED
    assert check_code(user, totp.at(AT), AT, limits) is CodeCheck.LOCKED
    # Fifteen minutes on, the code for then works.
    later = AT + timedelta(minutes=15, seconds=30)
    assert check_code(user, totp.at(later), later, limits) is CodeCheck.APP_CODE


def test_setting_up_needs_a_code_from_the_new_secret(app):
    user = make_user(Role.ADMIN)
    second_factor.start_set_up(user)
    assert second_factor.is_setting_up(user) and not user.has_second_factor
    assert len(user.totp_secret) == 32  # 160 bits of base32
    totp = pyotp.TOTP(user.totp_secret)
    assert second_factor.confirm_set_up(user, wrong_code(totp, AT), AT) is None
    assert not user.has_second_factor
    codes = second_factor.confirm_set_up(user, totp.at(AT), AT)
    assert codes is not None and user.has_second_factor
    with pytest.raises(ValueError, match="cannot start"):
        second_factor.start_set_up(user)  # on already: it is turned off first


@pytest.mark.parametrize("role", sorted(set(Role) - second_factor.ROLES_THAT_MAY_USE_IT))
def test_other_roles_cannot_set_it_up(app, role):
    user = make_user(role)
    assert not second_factor.may_use(user)
    with pytest.raises(ValueError, match="cannot start"):
        second_factor.start_set_up(user)


def test_the_secret_is_shown_in_groups_of_four(app):
    assert second_factor.grouped("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP") == (
        "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"
    )


def test_turning_off_forgets_the_secret_and_the_codes(app):
    user, _, codes = _user_on(app)
    second_factor.turn_off(user)
    assert (user.totp_secret, user.second_factor_on_at, user.totp_last_step) == (None, None, None)
    assert second_factor.recovery_codes_left(user) == 0
    assert check_code(user, codes[0], AT, LIMITS) is CodeCheck.WRONG


@pytest.mark.parametrize(
    ("setting", "roles"),
    [
        ((), set()),
        ("", set()),
        (None, set()),
        (["px_team"], {Role.PX_TEAM}),
        ("admin, px_team", {Role.ADMIN, Role.PX_TEAM}),
    ],
)
def test_the_setting_takes_a_list_or_names_with_commas(setting, roles):
    assert second_factor.required_roles(setting) == roles


@pytest.mark.parametrize(
    ("setting", "message"),
    [("service_manager", "only admin and px_team"), (["nurse"], "not a role"), (3, "a list")],
)
def test_a_setting_its_people_could_not_follow_stops_the_app_starting(make_app, setting, message):
    with pytest.raises(ConfigError, match=message):
        make_app(REQUIRE_SECOND_FACTOR_ROLES=setting)
