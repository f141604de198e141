from __future__ import annotations

import re

from feedback.auth.models import Role, User
from feedback.auth.services import get_invited_user
from feedback.extensions import db
from tests.factories import PASSWORD, make_service, make_user, sign_in


def test_a_correct_password_signs_in_and_a_wrong_one_gets_a_generic_message(client):
    user = make_user(Role.PX_TEAM, email="px@example.nhs.uk")
    wrong = client.post("/auth/sign-in", data={"email": user.email, "password": "not it at all"})
    unknown = client.post("/auth/sign-in", data={"email": "nobody@example.nhs.uk", "password": "x"})
    for page in (wrong, unknown):
        assert page.status_code == 200
        assert "Enter a correct email address and password" in page.get_data(as_text=True)
    right = client.post("/auth/sign-in", data={"email": "PX@example.nhs.uk ", "password": PASSWORD})
    assert right.status_code == 302 and right.headers["Location"].endswith("/staff/")


def test_sign_in_only_returns_to_pages_on_this_site(client):
    user = make_user()
    page = client.post(
        "/auth/sign-in?next=//evil.example/x", data={"email": user.email, "password": PASSWORD}
    )
    assert page.headers["Location"].endswith("/staff/")


def test_a_disabled_account_cannot_sign_in(client):
    user = make_user()
    user.is_enabled = False
    db.session.commit()
    page = client.post("/auth/sign-in", data={"email": user.email, "password": PASSWORD})
    assert page.status_code == 200


def test_sign_in_attempts_are_rate_limited(make_app):
    app = make_app(SIGN_IN_RATE_LIMIT="3 per minute")
    with app.app_context():
        client = app.test_client()
        codes = [
            client.post("/auth/sign-in", data={"email": "a@b.c", "password": "x"}).status_code
            for _ in range(4)
        ]
        assert codes == [200, 200, 200, 429]


def test_session_cookie_is_httponly_and_samesite(make_app):
    app = make_app(SESSION_COOKIE_SECURE=True)
    with app.app_context():
        user = make_user()
        client = app.test_client()
        response = client.post("/auth/sign-in", data={"email": user.email, "password": PASSWORD})
        cookie = response.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie


def test_sign_out_everywhere_ends_every_session(app):
    user = make_user()
    laptop, phone = app.test_client(), app.test_client()
    sign_in(laptop, user)
    sign_in(phone, user)
    assert phone.get("/staff/").status_code == 200
    laptop.post("/auth/sign-out-everywhere")
    assert phone.get("/staff/").status_code == 302


def test_sign_out_needs_a_post(client):
    user = make_user()
    sign_in(client, user)
    assert client.get("/auth/sign-out").status_code == 405
    client.post("/auth/sign-out")
    assert client.get("/staff/").status_code == 302


def test_posts_need_a_csrf_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        user = make_user()
        page = app.test_client().post(
            "/auth/sign-in", data={"email": user.email, "password": PASSWORD}
        )
        assert page.status_code == 400


def test_an_admin_invites_a_user_who_chooses_a_password_once(client, app):
    admin = make_user(Role.ADMIN)
    service = make_service(name="Community nursing")
    sign_in(client, admin)
    created = client.post(
        "/admin/users/invite",
        data={
            "name": "Sam Manager",
            "email": "sam@example.nhs.uk",
            "role": "service_manager",
            "services": [str(service.id)],
        },
    )
    assert created.status_code == 302
    invited = db.session.query(User).filter_by(email="sam@example.nhs.uk").one()
    assert invited.services == [service] and invited.password_hash is None
    # The token carries the second it was signed, so read the link the page shows rather than
    # signing a second token that may fall in the next second.
    shown = client.get(created.headers["Location"]).get_data(as_text=True)
    token = re.search(r"/auth/invitation/([\w.-]+)", shown).group(1)
    assert get_invited_user(token, app.config["SECRET_KEY"], 60) == invited

    visitor = app.test_client()
    chosen = visitor.post(
        f"/auth/invitation/{token}",
        data={"password": "a long new password", "confirm": "a long new password"},
    )
    assert chosen.status_code == 302
    assert visitor.get(f"/auth/invitation/{token}").status_code == 404  # used once
    assert (
        visitor.post(
            "/auth/sign-in", data={"email": "sam@example.nhs.uk", "password": "a long new password"}
        ).status_code
        == 302
    )


def test_a_service_manager_must_be_given_services(client):
    sign_in(client, make_user(Role.ADMIN))
    page = client.post(
        "/admin/users/invite",
        data={"name": "X", "email": "x@example.nhs.uk", "role": "service_manager"},
    )
    assert "Choose at least one service for a service manager" in page.get_data(as_text=True)


def test_an_admin_disables_an_account_and_it_is_signed_out(app):
    admin, px = make_user(Role.ADMIN), make_user(Role.PX_TEAM)
    admin_client, px_client = app.test_client(), app.test_client()
    sign_in(admin_client, admin)
    sign_in(px_client, px)
    admin_client.post(f"/admin/users/{px.id}/enabled", data={"enabled": "no"})
    assert px_client.get("/staff/").status_code == 302


def test_create_user_command(runner):
    result = runner.invoke(
        args=[
            "create-user",
            "--email",
            "new@example.nhs.uk",
            "--name",
            "New Person",
            "--role",
            "px_team",
        ],
        input="a long enough password\na long enough password\n",
    )
    assert result.exit_code == 0, result.output
    assert db.session.query(User).filter_by(email="new@example.nhs.uk").one().role == Role.PX_TEAM
