"""Peer interviewers: accounts of their own with a code and wards set by admins; they land on
their own page and can use nothing else."""

from __future__ import annotations

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.prom.models import PeerInterviewer
from feedback.prom.services import set_peer
from tests.factories import make_location, make_user, sign_in


def test_sign_in_lands_a_peer_interviewer_on_their_own_page(client):
    location = make_location(name="The Willows")
    retired = make_location(name="Old Ward")
    peer = make_user(Role.PEER_INTERVIEWER)
    set_peer(peer, "PI-07", [location, retired])
    retired.service.retired_at = retired.created_at
    db.session.commit()
    response = client.post(
        "/auth/sign-in", data={"email": peer.email, "password": "correct horse battery"}
    )
    assert response.headers["Location"].endswith("/prom/peer/")
    page = client.get("/prom/peer/").get_data(as_text=True)
    assert "PI-07" in page and "The Willows" in page and "Old Ward" not in page
    assert client.get(f"/prom/peer/wards/{retired.id}").status_code == 404
    # Their header leads to their page; the staff pages refuse them.
    assert 'href="/prom/peer/"' in page
    assert client.get("/staff/").status_code == 403


def test_a_peer_interviewer_without_wards_is_told_so(client):
    peer = make_user(Role.PEER_INTERVIEWER)
    sign_in(client, peer)
    page = client.get("/prom/peer/").get_data(as_text=True)
    assert "You are not assigned to any ward yet" in page
    assert client.get(f"/prom/peer/wards/{make_location().id}").status_code == 404


def test_staff_still_land_on_the_staff_home(client):
    px = make_user(Role.PX_TEAM)
    response = client.post(
        "/auth/sign-in", data={"email": px.email, "password": "correct horse battery"}
    )
    assert response.headers["Location"].endswith("/staff/")


def test_admins_set_a_peer_interviewers_code_and_wards(client):
    ward = make_location(name="Ashby Ward")
    make_location(name="Belvoir Ward")
    peer = make_user(Role.PEER_INTERVIEWER, name="Dana Hughes")
    sign_in(client, make_user(Role.ADMIN))
    form = client.get(f"/prom/peers/{peer.id}").get_data(as_text=True)
    assert 'value="PI-01"' in form  # the next free code, suggested
    saved = client.post(
        f"/prom/peers/{peer.id}", data={"code": "pi-07", "locations": [str(ward.id)]}
    )
    assert saved.status_code == 302
    profile = db.session.get(PeerInterviewer, peer.id)
    assert profile.code == "PI-07" and [loc.id for loc in profile.locations] == [ward.id]
    listing = client.get("/prom/peers/").get_data(as_text=True)
    assert "Dana Hughes" in listing and "PI-07" in listing and "Belvoir Ward" not in listing
    assert "Set Dana Hughes" in client.get(f"/admin/users/{peer.id}").get_data(as_text=True)


def test_a_peer_code_must_look_right_and_belong_to_one_person(client):
    first, second = make_user(Role.PEER_INTERVIEWER), make_user(Role.PEER_INTERVIEWER)
    set_peer(first, "PI-07", [])
    db.session.commit()
    sign_in(client, make_user(Role.ADMIN))
    taken = client.post(f"/prom/peers/{second.id}", data={"code": "PI-07"})
    assert taken.status_code == 400
    assert "belongs to another peer interviewer" in taken.get_data(as_text=True)
    wrong = client.post(f"/prom/peers/{second.id}", data={"code": "Robin"})
    assert wrong.status_code == 400 and "Enter a code like PI-07" in wrong.get_data(as_text=True)
    assert db.session.scalars(select(PeerInterviewer.user_id)).all() == [first.id]


def test_only_peer_interviewer_accounts_have_peer_settings(client):
    sign_in(client, make_user(Role.ADMIN))
    assert client.get(f"/prom/peers/{make_user(Role.PX_TEAM).id}").status_code == 404


def test_admins_can_invite_a_peer_interviewer(client):
    sign_in(client, make_user(Role.ADMIN))
    response = client.post(
        "/admin/users/invite",
        data={"name": "Sam Lived", "email": "sam@example.org", "role": "peer_interviewer"},
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Peer interviewer (care plan questionnaires)" in page and "peer code and wards" in page
