"""Each admin and px team member's own second factor: set up (QR code, the key in groups of
four, a code to confirm, recovery codes once), new recovery codes, turning it off; the trust
setting that makes it compulsory; and an administrator's reset for a lost phone."""

from __future__ import annotations

import re
import time

import pyotp
import pytest

from feedback.auth import second_factor
from feedback.auth.models import Role, User
from feedback.auth.second_factor import grouped
from feedback.extensions import db
from tests.auth.second_factor_helpers import enter_code, enter_password, turn_on, wrong_code
from tests.factories import make_user, sign_in

SECURITY = "/auth/account/security/"
CODES = re.compile(r"<code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})</code>")


def _set_up(client, user: User) -> tuple[pyotp.TOTP, str]:  # type: ignore[no-untyped-def]
    """Through the pages: start, read the secret; the app and the set-up page's HTML."""
    assert client.post(f"{SECURITY}start").headers["Location"] == f"{SECURITY}set-up"
    page = client.get(f"{SECURITY}set-up").get_data(as_text=True)
    secret = db.session.get(User, user.id).totp_secret
    return pyotp.TOTP(secret), page


def test_setting_up_shows_the_qr_code_and_key_and_confirms_with_a_code(app, client):
    user = make_user(Role.PX_TEAM)
    sign_in(client, user)
    overview = client.get(SECURITY).get_data(as_text=True)
    assert "Set up two-step sign-in" in overview and "Off" in overview
    totp, page = _set_up(client, user)
    assert "<svg" in page and 'aria-label="QR code for your authenticator app"' in page
    assert grouped(totp.secret) in page and "Setup key" in page
    assert "<img" not in page  # inline, so the CSP needs no data: images

    wrong = client.post(f"{SECURITY}set-up", data={"code": wrong_code(totp)})
    assert wrong.status_code == 400
    assert "nhsuk-error-summary" in wrong.get_data(as_text=True)
    assert not db.session.get(User, user.id).has_second_factor

    typed_at = time.time()
    done = client.post(f"{SECURITY}set-up", data={"code": totp.at(typed_at)})
    assert done.status_code == 200
    codes = CODES.findall(done.get_data(as_text=True))
    assert len(codes) == 10 and "only time these codes are shown" in done.get_data(as_text=True)
    stored = db.session.get(User, user.id)
    # The step of the code typed is spent (the request may land in the next one).
    assert stored.has_second_factor and stored.totp_last_step == totp.timecode(typed_at)
    overview = client.get(SECURITY).get_data(as_text=True)
    assert "On since" in overview and "10 of 10" in overview
    assert not CODES.findall(overview)  # shown once only
    # Setting up again is refused while it is on: the secret stays the one in the app.
    client.post(f"{SECURITY}start")
    assert db.session.get(User, user.id).totp_secret == totp.secret


def test_set_up_page_without_starting_goes_back_to_the_overview(app, client):
    sign_in(client, make_user(Role.ADMIN))
    assert client.get(f"{SECURITY}set-up").headers["Location"] == SECURITY


@pytest.mark.parametrize("role", sorted(set(Role) - second_factor.ROLES_THAT_MAY_USE_IT))
def test_other_roles_do_not_get_the_option(app, client, role):
    sign_in(client, make_user(role))
    assert client.get(SECURITY).status_code == 403
    assert client.post(f"{SECURITY}start").status_code == 403


def test_new_recovery_codes_need_a_current_code_and_replace_the_old(app, client):
    user = make_user(Role.PX_TEAM)
    totp, old = turn_on(user)
    sign_in_code = totp.now()
    enter_password(client, user)
    enter_code(client, sign_in_code)
    refused = client.post(f"{SECURITY}recovery-codes", data={"code": wrong_code(totp)})
    assert refused.status_code == 400
    fresh = client.post(f"{SECURITY}recovery-codes", data={"code": old[0]})
    new = CODES.findall(fresh.get_data(as_text=True))
    assert len(new) == 10 and not set(new) & set(old)
    client.post("/auth/sign-out")
    enter_password(client, user)
    assert enter_code(client, old[1]).status_code == 400
    assert enter_code(client, new[0]).status_code == 302


def test_turning_off_needs_a_code_or_a_recovery_code(app, client):
    user = make_user(Role.ADMIN)
    totp, codes = turn_on(user)
    enter_password(client, user)
    enter_code(client, totp.now())
    assert client.get(f"{SECURITY}turn-off").status_code == 200
    refused = client.post(f"{SECURITY}turn-off", data={"code": wrong_code(totp)})
    assert refused.status_code == 400 and "nhsuk-error-summary" in refused.get_data(as_text=True)
    assert db.session.get(User, user.id).has_second_factor
    assert client.post(f"{SECURITY}turn-off", data={"code": codes[0]}).status_code == 302
    assert not db.session.get(User, user.id).has_second_factor
    client.post("/auth/sign-out")
    assert enter_password(client, user) == "/staff/"  # the password alone again


def test_a_required_role_is_sent_to_set_up_and_reaches_nothing_else(make_app):
    app = make_app(REQUIRE_SECOND_FACTOR_ROLES=["px_team"])
    with app.app_context():
        user = make_user(Role.PX_TEAM)
        client = app.test_client()
        sign_in(client, user)
        for url in ("/staff/", "/responses/", "/themes/", "/kiosks/"):
            assert client.get(url).headers.get("Location") == SECURITY, url
        assert client.post("/themes/comments/1").headers["Location"] == SECURITY
        page = client.get(SECURITY).get_data(as_text=True)
        assert "Your role needs two-step sign-in" in page
        totp, _ = _set_up(client, user)
        client.post(f"{SECURITY}set-up", data={"code": totp.now()})
        assert client.get("/staff/").status_code == 200
        # It cannot be turned off while the role needs it.
        assert "Turn off" not in client.get(SECURITY).get_data(as_text=True)
        assert client.get(f"{SECURITY}turn-off").headers["Location"] == SECURITY
        # Other roles are not asked.
        admin = app.test_client()
        sign_in(admin, make_user(Role.ADMIN))
        assert admin.get("/staff/").status_code == 200
        # Signing out still works before set-up.
        forced = app.test_client()
        sign_in(forced, make_user(Role.PX_TEAM))
        assert forced.post("/auth/sign-out").headers["Location"] == "/auth/sign-in"


def test_an_admin_resets_a_lost_phone_and_the_person_sets_it_up_again(make_app):
    app = make_app(REQUIRE_SECOND_FACTOR_ROLES="px_team")
    with app.app_context():
        user = make_user(Role.PX_TEAM, name="Priya Lostphone")
        turn_on(user)
        admin = app.test_client()
        admin_user = make_user(Role.ADMIN)
        sign_in(admin, admin_user)
        page = admin.get(f"/admin/users/{user.id}").get_data(as_text=True)
        assert "On since" in page and "Reset Priya Lostphone" in page
        confirm = admin.get(f"/admin/users/{user.id}/second-factor/reset").get_data(as_text=True)
        assert "they are asked straight away" in confirm
        answer = admin.post(f"/admin/users/{user.id}/second-factor/reset")
        assert answer.headers["Location"] == f"/admin/users/{user.id}"
        assert "two-step sign-in is reset" in admin.get(answer.headers["Location"]).get_data(
            as_text=True
        )
        stored = db.session.get(User, user.id)
        assert not stored.has_second_factor and stored.totp_secret is None
        # The person signs in with the password alone, and is sent to set it up again.
        client = app.test_client()
        assert enter_password(client, user) == "/staff/"
        assert client.get("/staff/").headers["Location"] == SECURITY
        # An admin does not reset their own here (their page asks for a code first).
        turn_on(admin_user)
        admin.post(f"/admin/users/{admin_user.id}/second-factor/reset")
        assert db.session.get(User, admin_user.id).has_second_factor


def test_the_user_page_says_whether_it_is_on_only_for_roles_that_may_use_it(app, client):
    sign_in(client, make_user(Role.ADMIN))
    manager = make_user(Role.SERVICE_MANAGER)
    px = make_user(Role.PX_TEAM)
    assert "Two-step sign-in" not in client.get(f"/admin/users/{manager.id}").get_data(as_text=True)
    page = client.get(f"/admin/users/{px.id}").get_data(as_text=True)
    assert "Two-step sign-in" in page and "Reset" not in page  # nothing to reset
