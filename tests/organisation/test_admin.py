from __future__ import annotations

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.organisation.models import Location, Service
from tests.factories import (
    make_directorate,
    make_location,
    make_response,
    make_service,
    make_user,
    sign_in,
)


def test_an_admin_adds_renames_and_retires_a_service(client):
    directorate = make_directorate()
    sign_in(client, make_user(Role.ADMIN))
    added = client.post(
        "/admin/organisation/services/new",
        data={"name": "Eating disorders", "code": "ed-adult", "directorate_id": directorate.id},
    )
    assert added.status_code == 302
    service = db.session.query(Service).filter_by(code="ED-ADULT").one()
    client.post(
        f"/admin/organisation/services/{service.id}",
        data={"name": "Adult eating disorders", "directorate_id": directorate.id},
    )
    client.post(f"/admin/organisation/services/{service.id}/retired", data={"retired": "yes"})
    db.session.refresh(service)
    assert service.name == "Adult eating disorders" and service.is_retired


def test_codes_are_unique(client):
    existing = make_service()
    sign_in(client, make_user(Role.ADMIN))
    page = client.post(
        "/admin/organisation/services/new",
        data={"name": "Copy", "code": existing.code, "directorate_id": existing.directorate_id},
    )
    assert "already used" in page.get_data(as_text=True)


def test_a_retired_location_keeps_its_history_but_takes_no_new_feedback(client):
    location = make_location()
    make_response(location)
    sign_in(client, make_user(Role.ADMIN))
    client.post(f"/admin/organisation/locations/{location.code}/retired", data={"retired": "yes"})
    assert client.get(f"/feedback/{location.code}/").status_code == 404
    assert len(db.session.get(Location, location.id).service.locations) == 1
    overview = client.get("/admin/organisation/").get_data(as_text=True)
    assert "Retired" in overview


def test_an_admin_adds_and_edits_a_location(client):
    service = make_service()
    sign_in(client, make_user(Role.ADMIN))
    client.post(
        "/admin/organisation/locations/new",
        data={
            "name": "Heather Ward",
            "code": "brad-hea",
            "service_id": service.id,
            "kind": "ward",
            "setting": "inpatient",
        },
    )
    location = db.session.query(Location).filter_by(code="BRAD-HEA").one()
    client.post(
        f"/admin/organisation/locations/{location.code}",
        data={
            "name": "Heather Ward (Bradgate)",
            "service_id": service.id,
            "kind": "ward",
            "setting": "mental_health",
        },
    )
    db.session.refresh(location)
    assert location.name == "Heather Ward (Bradgate)" and location.setting == "mental_health"


def test_control_characters_pasted_into_a_name_are_left_out(client):
    # An escape pasted from another system made the unit's Excel download a 500 (openpyxl).
    service = make_service()
    sign_in(client, make_user(Role.ADMIN))
    saved = client.post(
        "/admin/organisation/locations/new",
        data={
            "name": "\x00 Ash\x1b Ward\x7f",
            "code": "brad-ash2",
            "service_id": service.id,
            "kind": "ward",
            "setting": "inpatient",
        },
    )
    assert saved.status_code == 302
    assert db.session.query(Location).filter_by(code="BRAD-ASH2").one().name == "Ash Ward"


def test_the_poster_carries_a_qr_code_of_the_home_link(client):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get(f"/locations/{location.code}/poster").get_data(as_text=True)
    assert f"http://feedback.test/feedback/{location.code}/" in page
    assert "<svg" in page


def test_the_public_index_lists_open_locations(client):
    open_location = make_location(name="Kirby Ward")
    closed = make_location(name="Closed Ward")
    closed.retired_at = closed.created_at
    db.session.commit()
    page = client.get("/").get_data(as_text=True)
    assert "Kirby Ward" in page and "Closed Ward" not in page
    assert f"/feedback/{open_location.code}/" in page


def test_moving_a_service_keeps_its_history(client):
    old, new = make_directorate("AMH/LD"), make_directorate("FYPC/LD")
    service = make_service(directorate=old)
    sign_in(client, make_user(Role.ADMIN))
    client.post(
        f"/admin/organisation/services/{service.id}",
        data={"name": service.name, "directorate_id": new.id},
    )
    db.session.refresh(service)
    assert service.directorate_id == new.id
    page = client.get(f"/admin/organisation/services/{service.id}")
    assert "Directorates over time" in page.text and "Before any record" in page.text
    assert page.text.index("AMH/LD") < page.text.index(
        "FYPC/LD", page.text.index("Directorates over time")
    )


def test_a_location_carries_its_return_site_and_grouping(client):
    service = make_service()
    sign_in(client, make_user(Role.ADMIN))
    client.post(
        "/admin/organisation/locations/new",
        data={
            "name": "Hinckley district nurses",
            "code": "cn-hinck",
            "service_id": service.id,
            "kind": "community_team",
            "setting": "community",
            "site_code": "",
            "return_grouping": "District nursing",
        },
    )
    location = db.session.query(Location).filter_by(code="CN-HINCK").one()
    assert (location.return_grouping, location.site_code) == ("District nursing", None)
    client.post(
        f"/admin/organisation/locations/{location.code}",
        data={
            "name": location.name,
            "service_id": service.id,
            "kind": "ward",
            "setting": "inpatient",
            "site_code": "rt5bg",
            "return_grouping": "",
        },
    )
    db.session.refresh(location)
    assert (location.site_code, location.return_grouping) == ("RT5BG", None)


def test_a_code_is_letters_numbers_and_hyphens_and_never_starts_with_a_hyphen(client):
    directorate = make_directorate()
    sign_in(client, make_user(Role.ADMIN))
    for code in ("-ED", "ED ADULT", "E", "=SUM(A1)"):
        page = client.post(
            "/admin/organisation/services/new",
            data={"name": "Eating disorders", "code": code, "directorate_id": directorate.id},
        )
        assert page.status_code == 200, code
        assert "starting with a letter or number" in page.get_data(as_text=True), code
    assert db.session.query(Service).filter_by(name="Eating disorders").count() == 0
    added = client.post(
        "/admin/organisation/services/new",
        data={"name": "Eating disorders", "code": "2-ED", "directorate_id": directorate.id},
    )
    assert added.status_code == 302
