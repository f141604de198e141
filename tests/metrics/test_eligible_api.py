"""The patient record system sends eligible counts with an API key: all of a body or none."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from feedback.auth.api_clients import create_api_client, revoke_api_client
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.imports import MONTH_FORMAT, months_back
from feedback.metrics.models import EligibleCount, FftSummary
from tests.factories import make_location

URL = "/api/v1/eligible-counts"
LAST_MONTH = months_back(trust_today().replace(day=1), 1)
NEXT_MONTH = months_back(trust_today().replace(day=1), -1)


def _ym(month: date) -> str:
    return month.strftime("%Y-%m")


@pytest.fixture
def key(app) -> str:  # type: ignore[no-untyped-def]
    _client, key = create_api_client("Patient record system", "admin@example.nhs.uk")
    db.session.commit()
    return key


def _send(client, key: str | None, body: object = None, raw: bytes | None = None):  # type: ignore[no-untyped-def]
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    data = raw if raw is not None else json.dumps(body)
    return client.post(URL, data=data, headers=headers, content_type="application/json")


def _stored() -> int:
    return db.session.scalar(select(func.count(EligibleCount.id)))


def test_counts_are_saved_the_summaries_recomputed_and_a_resend_changes_nothing(client, key):
    ash = make_location("BRAD-ASH")
    oak = make_location("BRAD-OAK")
    body = {
        "counts": [
            {"location": "BRAD-ASH", "month": _ym(LAST_MONTH), "eligible": 120},
            {"location": "brad-oak", "month": f"{_ym(LAST_MONTH)}-01", "eligible": 0},
        ]
    }
    first = _send(client, key, body)
    assert first.status_code == 200, first.get_json()
    assert first.get_json() == {"saved": 2, "added": 2, "replaced": 0}
    stored = {row.location_id: row for row in db.session.scalars(select(EligibleCount))}
    assert stored[ash.id].eligible == 120 and stored[oak.id].eligible == 0
    assert stored[ash.id].source == "Patient record system"
    summary = db.session.get(FftSummary, ("location", ash.id, "month", LAST_MONTH))
    assert summary.eligible == 120

    again = _send(client, key, body)
    assert again.get_json() == {"saved": 2, "added": 0, "replaced": 2}
    assert _stored() == 2
    assert db.session.get(FftSummary, ("location", ash.id, "month", LAST_MONTH)).eligible == 120


def test_a_new_count_replaces_the_stored_one(client, key):
    ward = make_location("BRAD-ASH")
    item = {"location": "BRAD-ASH", "month": _ym(LAST_MONTH), "eligible": 120}
    _send(client, key, {"counts": [item]})
    replaced = _send(client, key, {"counts": [{**item, "eligible": 125}]})
    assert replaced.get_json() == {"saved": 1, "added": 0, "replaced": 1}
    assert db.session.scalars(select(EligibleCount)).one().eligible == 125
    assert db.session.get(FftSummary, ("location", ward.id, "month", LAST_MONTH)).eligible == 125


def test_the_api_needs_no_csrf_token(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        make_location("BRAD-ASH")
        _client, key = create_api_client("Patient record system", "admin@example.nhs.uk")
        db.session.commit()
        body = {"counts": [{"location": "BRAD-ASH", "month": _ym(LAST_MONTH), "eligible": 3}]}
        assert _send(app.test_client(), key, body).status_code == 200


def _unauthorised(response) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "error" in response.get_json()


def test_no_wrong_or_revoked_key_is_refused(client, key):
    make_location("BRAD-ASH")
    body = {"counts": [{"location": "BRAD-ASH", "month": _ym(LAST_MONTH), "eligible": 3}]}
    _unauthorised(_send(client, None, body))
    _unauthorised(_send(client, key + "x", body))
    _unauthorised(
        client.post(URL, json=body, headers={"Authorization": f"Basic {key}"})  # not Bearer
    )
    _unauthorised(client.post(URL, json=body, headers={"Authorization": "Bearer "}))
    from feedback.auth.api_clients import client_for_key

    revoke_api_client(client_for_key(key))
    db.session.commit()
    _unauthorised(_send(client, key, body))
    assert _stored() == 0


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"counts=1", "The body must be JSON"),
        (b"", "The body must be JSON"),
        (b"\xff\xfe\x00", "The body must be JSON"),
        (b'{"counts": [{"eligible": NaN}]}', "The body must be JSON"),
        (b"[" * 100_000, "The body must be JSON"),
        (b'[{"location": "BRAD-ASH"}]', "must be a JSON object"),
        (b'"counts"', "must be a JSON object"),
        (b"{}", '"counts", a list'),
        (b'{"counts": {"location": "BRAD-ASH"}}', '"counts", a list'),
        (b'{"counts": null}', '"counts", a list'),
        (b'{"counts": [1]}', "Item 0 of counts is not an object"),
        (b'{"counts": [{}, ["BRAD-ASH"]]}', "Item 1 of counts is not an object"),
    ],
)
def test_a_body_of_the_wrong_shape_is_a_400(client, key, raw, message):
    response = _send(client, key, raw=raw)
    assert response.status_code == 400
    assert message in response.get_json()["error"]
    assert _stored() == 0


def test_too_many_items_or_too_many_bytes_is_a_400(make_app):
    app = make_app(IMPORT_MAX_BYTES=5_000)
    with app.app_context():
        client = app.test_client()
        _client, key = create_api_client("Patient record system", "admin@example.nhs.uk")
        db.session.commit()
        too_big = _send(client, key, {"counts": [{"location": "X" * 6_000}]})
        assert too_big.status_code == 400 and "5,000 bytes" in too_big.get_json()["error"]
    app = make_app()
    with app.app_context():
        client = app.test_client()
        many = {"counts": [{}] * 10_001}
        too_many = _send(client, key, many)
        assert too_many.status_code == 400 and "10,000" in too_many.get_json()["error"]


BAD_ITEMS = [
    ({"location": "NOWHERE"}, "There is no location with the code NOWHERE"),
    ({"location": 12}, '"location"'),
    ({"month": "11/2026"}, MONTH_FORMAT),
    ({"month": 202611}, '"month" as text'),
    ({"month": "{next}"}, "The month is in the future"),
    ({"eligible": -1}, "Eligible: the count must be 0 or more"),
    ({"eligible": 10**40}, "Eligible: the count must be 1,000,000 or less"),
    ({"eligible": 12.0}, '"eligible" as a whole number'),
    ({"eligible": "120"}, '"eligible" as a whole number'),
    ({"eligible": True}, '"eligible" as a whole number'),
    ({"eligible": None}, '"eligible" as a whole number'),
]


@pytest.mark.parametrize(("change", "message"), BAD_ITEMS)
def test_a_bad_item_is_a_422_naming_its_index_and_nothing_is_saved(client, key, change, message):
    make_location("BRAD-ASH")
    make_location("BRAD-OAK")
    good = {"location": "BRAD-OAK", "month": _ym(LAST_MONTH), "eligible": 5}
    bad = {"location": "BRAD-ASH", "month": _ym(LAST_MONTH), "eligible": 7, **change}
    if bad["month"] == "{next}":
        bad["month"] = _ym(NEXT_MONTH)
    response = _send(client, key, {"counts": [good, bad]})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert [e["index"] for e in errors] == [1]
    assert message in errors[0]["message"]
    assert _stored() == 0


def test_the_same_location_and_month_twice_in_a_body_is_a_422(client, key):
    make_location("BRAD-ASH")
    item = {"location": "BRAD-ASH", "month": _ym(LAST_MONTH), "eligible": 5}
    response = _send(client, key, {"counts": [item, {**item, "location": "brad-ash"}]})
    assert response.status_code == 422
    assert response.get_json()["errors"] == [
        {"index": 0, "message": "The same location and month are in item 1"},
        {"index": 1, "message": "The same location and month are in item 0"},
    ]
    assert _stored() == 0


def test_other_methods_and_missing_items_never_fail_with_a_500(client, key):
    assert client.get(URL).status_code == 405
    response = _send(client, key, {"counts": [{"location": None, "month": [], "eligible": {}}]})
    assert response.status_code == 422 and len(response.get_json()["errors"]) == 3
    assert _send(client, key, {"counts": []}).get_json() == {"saved": 0, "added": 0, "replaced": 0}


def test_a_location_code_with_a_nul_is_no_location_not_a_500(client, key):
    # PostgreSQL refuses a NUL in a query (found by the fuzz tests on PostgreSQL).
    body = {"counts": [{"location": "BRAD\x00ASH", "month": _ym(LAST_MONTH), "eligible": 1}]}
    sent = _send(client, key, body)
    assert sent.status_code == 422 and "no location" in sent.get_data(as_text=True)
    assert _stored() == 0
