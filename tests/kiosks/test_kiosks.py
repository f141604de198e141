from __future__ import annotations

import re

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.kiosks.models import Kiosk
from tests.factories import make_location, make_user, sign_in


def test_staff_set_up_a_tablet_and_revoking_it_stops_it_at_once(client, app):
    location = make_location()
    sign_in(client, make_user(Role.PX_TEAM))
    created = client.post("/kiosks/", data={"location_id": location.id, "label": "Day room"})
    page = client.get(created.headers["Location"]).get_data(as_text=True)
    link = re.search(r"http://feedback\.test(/kiosk/[^<\s]+/)", page).group(1)

    tablet = app.test_client()
    assert tablet.get(link).status_code == 200
    tablet.post(f"{link}rating", data={"answer": "1"})
    kiosk = db.session.query(Kiosk).one()
    client.post(f"/kiosks/{kiosk.id}/revoke")
    assert tablet.get(link).status_code == 404
    assert tablet.post(f"{link}rating", data={"answer": "1"}).status_code == 404


def test_a_forged_kiosk_token_is_not_found(client):
    assert client.get("/kiosk/123.forged/").status_code == 404


def test_kiosk_pages_carry_the_idle_warning_and_the_return_to_start(client, app):
    from feedback.kiosks.services import create_kiosk, kiosk_token

    location = make_location()
    kiosk = create_kiosk(location=location, label="Tablet", created_by=make_user())
    db.session.commit()
    base = f"/kiosk/{kiosk_token(kiosk, app.config['SECRET_KEY'])}"
    question = client.get(f"{base}/rating").get_data(as_text=True)
    assert 'id="app-timeout"' in question and "I need more time" in question
    assert 'class="app-patient app-kiosk"' in question


def test_a_service_manager_can_only_set_up_tablets_for_their_services(client):
    mine, theirs = make_location(), make_location()
    sign_in(client, make_user(Role.SERVICE_MANAGER, services=[mine.service]))
    page = client.post("/kiosks/", data={"location_id": theirs.id, "label": "Sneaky"})
    assert page.status_code == 200 and db.session.query(Kiosk).count() == 0
