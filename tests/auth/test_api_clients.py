"""Administrators give systems API keys, see them once, and revoke them."""

from __future__ import annotations

import hashlib
import re

import pytest
from sqlalchemy import select

from feedback.auth.api_clients import ApiClient
from feedback.auth.models import Role
from feedback.extensions import db
from tests.factories import make_location, make_user, sign_in

API_URL = "/api/v1/eligible-counts"


@pytest.fixture
def admin_client(client):  # type: ignore[no-untyped-def]
    sign_in(client, make_user(Role.ADMIN))
    return client


def _add(client, name: str = "Patient record system"):  # type: ignore[no-untyped-def]
    return client.post("/admin/api-clients/new", data={"name": name})


def _key_on(page: str) -> str:
    found = re.search(r'<p class="app-copyable"><code>([^<]+)</code>', page)
    assert found, "the key is not on the page"
    return found[1]


def test_a_key_is_shown_once_and_stored_only_as_a_hash(admin_client):
    added = _add(admin_client)
    assert added.status_code == 200  # the page answers the POST: the key is in no URL
    page = added.get_data(as_text=True)
    assert "Copy the key now" in page
    key = _key_on(page)

    stored = db.session.scalars(select(ApiClient)).one()
    assert stored.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in {stored.key_hash, stored.name, stored.key_prefix, stored.created_by}
    assert key.startswith(stored.key_prefix) and len(stored.key_prefix) < len(key)
    listing = admin_client.get("/admin/api-clients/").get_data(as_text=True)
    assert "Patient record system" in listing and stored.key_prefix in listing
    assert key not in listing and "Never" in listing


def test_the_key_works_until_it_is_revoked(admin_client):
    make_location("BRAD-ASH")
    key = _key_on(_add(admin_client).get_data(as_text=True))
    body = {"counts": [{"location": "BRAD-ASH", "month": "2025-01", "eligible": 4}]}
    auth = {"Authorization": f"Bearer {key}"}
    assert admin_client.post(API_URL, json=body, headers=auth).status_code == 200
    stored = db.session.scalars(select(ApiClient)).one()
    assert stored.last_used_at is not None

    confirm = admin_client.get(f"/admin/api-clients/{stored.id}/revoke")
    assert confirm.status_code == 200 and "stops working at once" in confirm.get_data(as_text=True)
    revoked = admin_client.post(f"/admin/api-clients/{stored.id}/revoke")
    assert revoked.status_code == 302
    listing = admin_client.get(revoked.headers["Location"]).get_data(as_text=True)
    assert "is revoked" in listing and "Revoked on" in listing
    assert admin_client.post(API_URL, json=body, headers=auth).status_code == 401
    assert "was revoked on" in admin_client.get(f"/admin/api-clients/{stored.id}/revoke").get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("  ", "Enter the name of the system that will use this key"),
        ("x" * 121, "120 characters or fewer"),
    ],
)
def test_a_name_is_needed(admin_client, name, message):
    response = _add(admin_client, name)
    assert response.status_code == 400 and message in response.get_data(as_text=True)
    assert db.session.scalars(select(ApiClient)).all() == []


def test_two_systems_cannot_share_a_name(admin_client):
    _add(admin_client)
    again = _add(admin_client)
    assert again.status_code == 400
    assert "already has a key" in again.get_data(as_text=True)


def test_a_system_whose_key_was_revoked_gets_a_new_one_under_its_name(admin_client):
    make_location("BRAD-ASH")
    old_key = _key_on(_add(admin_client).get_data(as_text=True))
    old = db.session.scalars(select(ApiClient)).one()
    assert admin_client.post(f"/admin/api-clients/{old.id}/revoke").status_code == 302

    added = _add(admin_client)
    assert added.status_code == 200
    new_key = _key_on(added.get_data(as_text=True))
    clients = db.session.scalars(select(ApiClient).order_by(ApiClient.id)).all()
    assert [c.name for c in clients] == ["Patient record system"] * 2
    assert [c.is_revoked for c in clients] == [True, False]
    body = {"counts": [{"location": "BRAD-ASH", "month": "2025-01", "eligible": 4}]}
    posted = {
        key: admin_client.post(API_URL, json=body, headers={"Authorization": f"Bearer {key}"})
        for key in (old_key, new_key)
    }
    assert posted[old_key].status_code == 401 and posted[new_key].status_code == 200
    # While the new key is in use, the name is taken again.
    assert "already has a key" in _add(admin_client).get_data(as_text=True)


def test_a_name_taken_between_the_check_and_the_insert_is_refused_not_a_crash(app, monkeypatch):
    from feedback.auth import api_clients

    create_api_client = api_clients.create_api_client
    create_api_client("Patient record system", "admin@example.nhs.uk")
    # The other request's row is already there, but this one's check did not see it.
    monkeypatch.setattr(api_clients.db.session, "scalar", lambda *_args, **_kwargs: None)
    with pytest.raises(api_clients.ApiClientError, match="already has a key"):
        create_api_client("Patient record system", "admin@example.nhs.uk")
    monkeypatch.undo()
    assert len(db.session.scalars(select(ApiClient)).all()) == 1


def test_an_unknown_client_is_not_found(admin_client):
    assert admin_client.get("/admin/api-clients/999/revoke").status_code == 404
    assert admin_client.post("/admin/api-clients/999/revoke").status_code == 404


@pytest.mark.parametrize("role", [Role.PX_TEAM, Role.SERVICE_MANAGER, Role.PEOPLES_COUNCIL])
def test_only_admins_manage_keys(client, role):
    sign_in(client, make_user(role))
    assert client.get("/admin/api-clients/").status_code == 403
    assert _add(client).status_code == 403
    assert db.session.scalars(select(ApiClient)).all() == []


def test_signed_out_goes_to_sign_in(client):
    for response in (client.get("/admin/api-clients/"), _add(client)):
        assert response.status_code == 302 and "/auth/sign-in" in response.headers["Location"]
