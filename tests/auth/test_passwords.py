"""Password rules from the NCSC's guidance: long enough, not common or easily guessed, and no
composition rules (a long lower-case phrase is fine)."""

from __future__ import annotations

import pytest

from feedback.auth.models import Role
from feedback.auth.passwords import password_problem
from feedback.auth.services import (
    AccountError,
    authenticate,
    create_user,
    make_invitation_token,
    set_password,
)
from feedback.config import DEFAULTS
from feedback.extensions import db
from tests.factories import make_user


@pytest.mark.parametrize(
    "password",
    [
        "passwordpassword",  # a repeat
        "123456789012",  # a sequence
        "qwertyuiopasdf",  # a keyboard walk
        "iloveyou1234",  # common, with digits on the end
        "aaaaaaaaaaaaaaaa",
    ],
)
def test_common_and_guessable_passwords_are_refused_with_a_reason(password):
    problem = password_problem(password)
    assert problem and problem.startswith("Choose a password that is harder to guess")


def test_short_ones_are_refused_and_no_composition_rules_apply():
    assert password_problem("Sh0rt!pw") == "Password must be at least 12 characters"
    assert password_problem("correct horse battery") is None  # no capitals, digits, symbols
    assert password_problem("ward tablets glow softly") is None


def test_the_persons_own_name_and_email_count_against_them(app):
    user = make_user(email="priya.chauhan@example.nhs.uk", name="Priya Chauhan")
    with pytest.raises(AccountError, match="harder to guess"):
        set_password(user, "priyachauhan12")
    with pytest.raises(AccountError, match="at least 12"):
        create_user(email="x@example.nhs.uk", name="X", role=Role.PX_TEAM, password="short")


def test_choosing_a_common_password_on_the_invitation_page_says_why(app, client):
    user = create_user(email="new@example.nhs.uk", name="New Person", role=Role.PX_TEAM)
    db.session.commit()
    token = make_invitation_token(user, app.config["SECRET_KEY"])
    page = client.post(
        f"/auth/invitation/{token}",
        data={"password": "passwordpassword", "confirm": "passwordpassword"},
    )
    assert page.status_code == 200
    assert "Choose a password that is harder to guess" in page.get_data(as_text=True)
    assert db.session.get(type(user), user.id).password_hash is None


def test_passwords_are_hashed_with_scrypt_at_production_cost_unless_the_settings_say_otherwise(
    make_app,
):
    # The tests' own settings lower the cost; the production default must not be lowered too.
    production = make_app(PASSWORD_HASH_METHOD=DEFAULTS["PASSWORD_HASH_METHOD"])
    with production.app_context():
        user = make_user(password="a long phrase of several words")
        assert user.password_hash.startswith("scrypt:32768:8:1$")
        assert authenticate(user.email, "a long phrase of several words") == user
    cheap = make_app()
    with cheap.app_context():
        user = make_user(password="a long phrase of several words")
        assert user.password_hash.startswith("scrypt:256:8:1$")
        assert authenticate(user.email, "a long phrase of several words") == user
