"""The JSON endpoints for other systems, sent bodies of every shape: eligible counts, SMS
invites and the FHIR resources. No server error, every refusal an "error" or "errors" with
words (FHIR: an OperationOutcome), and a refused batch stores nothing."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback.auth.api_clients import create_api_client
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.imports import months_back
from tests.factories import make_location, make_response
from tests.fuzz.sending import assert_json_refusal, changed, fuzz_settings, send, stored_counts
from tests.fuzz.strategies import (
    any_text,
    as_json,
    json_values,
    nasty_text,
    object_like,
    raw_bodies,
)

LAST_MONTH = months_back(trust_today().replace(day=1), 1).strftime("%Y-%m")


@pytest.fixture
def key(app) -> str:  # type: ignore[no-untyped-def]
    make_location("FUZZ-ASH")
    make_location("FUZZ-OAK")
    _client, key = create_api_client("Patient record system", "admin@example.nhs.uk")
    db.session.commit()
    return key


def _bodies(list_name: str, item: st.SearchStrategy[object]) -> st.SearchStrategy[bytes]:
    shaped = st.builds(
        lambda items, extra: {list_name: items, **extra},
        st.one_of(st.lists(item, max_size=5), json_values),
        st.dictionaries(nasty_text, json_values, max_size=2),
    )
    return st.one_of(shaped.map(as_json), json_values.map(as_json), raw_bodies)


COUNT = object_like(
    {
        "location": st.sampled_from(["FUZZ-ASH", "fuzz-oak", "NOWHERE"]) | nasty_text,
        "month": st.sampled_from([LAST_MONTH, f"{LAST_MONTH}-01", "2013-03", "9999-12"])
        | nasty_text,
        "eligible": st.integers(-(2**70), 2**70) | st.sampled_from([120, 0, 1.5, "120", True]),
    }
)
INVITE = object_like(
    {
        "location_code": st.sampled_from(["FUZZ-ASH", "NOWHERE"]) | nasty_text,
        "mobile": st.sampled_from(["07700 900123", "+447700900124", "0800 123456"]) | nasty_text,
        "contact_date": st.just(trust_today().isoformat()) | nasty_text,
        "language": st.sampled_from(["en", "pa", "xx"]) | nasty_text,
        "do_not_contact": st.booleans() | json_values,
    }
)


def _check(response, before: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    if response.status_code != 200:
        assert_json_refusal(response)
        assert changed(before) == {}


@fuzz_settings(500)
@given(body=_bodies("counts", COUNT), wrong_type=st.booleans())
def test_eligible_counts_take_any_body(app, key, body, wrong_type):
    before = stored_counts()
    content_type = "text/plain" if wrong_type else "application/json"
    response = send(
        app.test_client(),
        "POST",
        "/api/v1/eligible-counts",
        data=body,
        headers={"Authorization": f"Bearer {key}"},
        content_type=content_type,
    )
    _check(response, before)


@fuzz_settings(500)
@given(body=_bodies("invites", INVITE))
def test_sms_invites_take_any_body(app, key, body):
    before = stored_counts()
    response = send(
        app.test_client(),
        "POST",
        "/api/v1/sms/invites",
        data=body,
        headers={"Authorization": f"Bearer {key}"},
        content_type="application/json",
    )
    _check(response, before)


@fuzz_settings(300)
@given(
    # Without line breaks: the test client itself refuses to send those in a header.
    key_given=st.one_of(st.just(None), nasty_text.filter(lambda t: not {"\r", "\n"} & set(t))),
    body=raw_bodies,
)
def test_a_bad_api_key_is_refused_in_json(app, key, key_given, body):
    headers = {} if key_given is None else {"Authorization": f"Bearer {key_given}"}
    before = stored_counts()
    for path in ("/api/v1/eligible-counts", "/api/v1/sms/invites"):
        response = send(app.test_client(), "POST", path, data=body, headers=headers)
        assert response.status_code == 401
        assert_json_refusal(response)
    assert changed(before) == {}


@pytest.fixture
def a_response(app) -> None:  # type: ignore[no-untyped-def]
    make_response(make_location(), comment="Kind staff")


@fuzz_settings(300)
@given(
    which=st.sampled_from(["Questionnaire", "QuestionnaireResponse"]),
    resource=st.one_of(st.sampled_from(["fft", "complaint", "1", "0", "9" * 30]), any_text),
    version=st.one_of(st.none(), nasty_text, st.integers(-(10**20), 10**20).map(str)),
    lang=st.one_of(st.none(), st.sampled_from(["en", "pa", "xx"]), nasty_text),
)
def test_fhir_resources_take_any_id_version_and_language(
    app, key, a_response, which, resource, version, lang
):
    query = {name: value for name, value in (("version", version), ("lang", lang)) if value}
    response = send(
        app.test_client(),
        "GET",
        f"/api/v1/fhir/{which}/{resource.replace('/', '%2F').replace('?', '%3F')}",
        query_string=query,
        headers={"Authorization": f"Bearer {key}"},
    )
    if response.status_code == 200:
        return
    body = response.get_json(silent=True)
    if isinstance(body, dict) and body.get("resourceType") == "OperationOutcome":
        assert body["issue"][0]["diagnostics"]
    else:  # an id that is no number matches no FHIR route: the /api/ JSON error
        assert_json_refusal(response)
