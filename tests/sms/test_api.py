"""The patient record system sends discharges and contacts to invite by text, with an API key:
all of a body or none of it, and a resent body adds nothing twice."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from feedback.auth.api_clients import create_api_client, revoke_api_client
from feedback.db import trust_today
from feedback.extensions import db
from feedback.sms import api
from feedback.sms.models import InviteStatus, SkipReason, SmsInvite
from tests.factories import make_location
from tests.sms.helpers import DAYTIME, send, settings

URL = "/api/v1/sms/invites"


@pytest.fixture
def app(make_app):  # type: ignore[no-untyped-def]
    app = make_app(**settings())
    with app.app_context():
        yield app


@pytest.fixture
def key(app) -> str:  # type: ignore[no-untyped-def]
    make_location("BRAD-ASH")
    make_location("KIRBY")
    _client, key = create_api_client("Patient record system", "admin@example.nhs.uk")
    db.session.commit()
    return key


def _send(client, key: str | None, body: object = None, raw: bytes | None = None):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    data = raw if raw is not None else json.dumps(body)
    return client.post(URL, data=data, headers=headers, content_type="application/json")


def _stored() -> int:
    return db.session.scalar(select(func.count(SmsInvite.id)))


def _item(**fields: object) -> dict[str, object]:
    return {
        "location_code": "BRAD-ASH",
        "mobile": "07700 900123",
        "contact_date": trust_today().isoformat(),
        **fields,
    }


def test_invites_are_saved_and_a_resend_adds_nothing_twice(client, key):
    body = {
        "invites": [
            _item(),
            _item(location_code="kirby", mobile="+447700900124", language="pl"),
            _item(mobile="07700 900125", do_not_contact=True),
            _item(mobile="07700 900126", language=None, do_not_contact=None),
        ]
    }
    first = _send(client, key, body)
    assert first.status_code == 200, first.get_json()
    assert first.get_json() == {"added": 4, "already_there": 0}
    stored = db.session.scalars(select(SmsInvite).order_by(SmsInvite.id)).all()
    assert [(i.language, i.do_not_contact, i.status) for i in stored] == [
        ("en", False, InviteStatus.WAITING),
        ("pl", False, InviteStatus.WAITING),
        ("en", True, InviteStatus.WAITING),
        ("en", False, InviteStatus.WAITING),
    ]
    assert {i.received_from for i in stored} == {"Patient record system"}
    again = _send(client, key, body)
    assert again.status_code == 200 and again.get_json() == {"added": 0, "already_there": 4}
    assert _stored() == 4
    # The job texts them in the daytime, except the one marked do not contact.
    assert send(DAYTIME) == 4
    flagged = db.session.scalars(select(SmsInvite).where(SmsInvite.do_not_contact)).one()
    assert (flagged.status, flagged.skip_reason) == (
        InviteStatus.SKIPPED,
        SkipReason.DO_NOT_CONTACT,
    )


def test_one_bad_item_and_nothing_is_saved_with_every_items_errors(client, key):
    body = {
        "invites": [
            _item(),  # good, but not saved: all or nothing
            _item(location_code="NOWHERE", mobile="07700 900124"),
            _item(mobile="0116 496 0123", contact_date="30/11/2026"),
            _item(mobile=7700900126, do_not_contact="yes"),
            _item(language="fr", mobile="07700 900127"),
            _item(),  # the first again
        ]
    }
    response = _send(client, key, body)
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert {error["item"] for error in errors} == {1, 2, 3, 4, 5}
    messages = [(error["item"], error["error"]) for error in errors]
    assert (1, "Item 1: no ward or team has the code 'NOWHERE'") in messages
    assert (2, "Item 2: This is not a mobile number: texts can only go to mobiles") in messages
    assert (2, "Item 2: enter the date as YYYY-MM-DD, like 2026-11-30") in messages
    assert (3, 'Item 3: give "mobile" as text') in messages
    assert (3, 'Item 3: give "do_not_contact" as true or false') in messages
    assert any(item == 4 and "language must be one of" in m for item, m in messages)
    assert (5, "Item 5: the same contact as Item 0") in messages
    assert _stored() == 0


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"not json", "The body must be JSON"),
        (b"[1, 2]", "The body must be a JSON object"),
        (b'{"counts": []}', 'The body must have "invites"'),
        (b'{"invites": {"a": 1}}', 'The body must have "invites"'),
        (b'{"invites": ["07700 900123"]}', "Item 0 of invites is not an object"),
        (b'{"invites": [{"mobile": NaN}]}', "The body must be JSON"),
    ],
)
def test_a_body_that_is_not_the_shape_is_refused(client, key, raw, message):
    response = _send(client, key, raw=raw)
    assert response.status_code == 400
    assert message in response.get_json()["error"]
    assert _stored() == 0


def test_a_body_over_the_size_limit_is_refused(make_app):
    app = make_app(**settings(), IMPORT_MAX_BYTES=500)
    with app.app_context():
        make_location("BRAD-ASH")
        _client, key = create_api_client("Patient record system", "admin@example.nhs.uk")
        db.session.commit()
        body = {"invites": [_item(mobile=f"07700 900{n:03d}") for n in range(20)]}
        response = _send(app.test_client(), key, body)
        assert response.status_code == 400
        assert "at most 500 bytes" in response.get_json()["error"]
        assert _stored() == 0


def test_more_items_than_the_limit_are_refused(client, key, monkeypatch):
    monkeypatch.setattr(api, "MAX_ITEMS", 2)
    body = {"invites": [_item(mobile=f"07700 900{n:03d}") for n in range(3)]}
    response = _send(client, key, body)
    assert response.status_code == 400
    assert response.get_json()["error"] == "Send at most 2 invites in one request"


def test_without_a_valid_key_nothing_is_read(client, key):
    body = {"invites": [_item()]}
    assert _send(client, None, body).status_code == 401
    wrong = _send(client, "not-the-key", body)
    assert wrong.status_code == 401 and wrong.headers["WWW-Authenticate"] == "Bearer"
    basic = client.post(URL, json=body, headers={"Authorization": f"Basic {key}"})
    assert basic.status_code == 401
    from feedback.auth.api_clients import ApiClient

    revoke_api_client(db.session.scalars(select(ApiClient)).one())
    db.session.commit()
    assert _send(client, key, body).status_code == 401
    assert _stored() == 0


def test_an_empty_list_adds_nothing(client, key):
    empty = _send(client, key, {"invites": []})
    assert empty.status_code == 200 and empty.get_json() == {"added": 0, "already_there": 0}


def test_a_location_code_with_a_nul_is_no_location_not_a_500(client, key):
    # PostgreSQL refuses a NUL in a query (found by the fuzz tests on PostgreSQL).
    sent = _send(client, key, {"invites": [_item(location_code="BRAD\x00ASH")]})
    assert sent.status_code == 422 and _stored() == 0
