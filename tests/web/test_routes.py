"""Addresses: what every route accepts before a view sees it."""

from __future__ import annotations

from feedback.auth.models import Role
from tests.factories import make_user, sign_in


def test_an_id_larger_than_a_database_integer_is_not_found(client):
    sign_in(client, make_user(Role.ADMIN))
    assert client.get("/admin/users/999999999999999999999999999999").status_code == 404
    assert client.get("/admin/users/2147483648").status_code == 404
