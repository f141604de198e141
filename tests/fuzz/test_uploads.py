"""Uploads past the size limit, and the uploads that take files other than the CSV imports:
the themes training CSV and local survey definitions. A 10 MB file is refused with a page
that says so in the person's language; nothing a refused upload sent is stored."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback.auth.models import Role
from tests.factories import make_location, make_user, sign_in
from tests.fuzz.files import csv_files, file_names
from tests.fuzz.sending import (
    assert_html_refusal,
    assert_json_refusal,
    changed,
    fuzz_settings,
    send,
    stored_counts,
)
from tests.fuzz.strategies import nasty_text, not_csv_files
from tests.local_surveys.helpers import example_files
from tests.sms.helpers import TOKEN

TEN_MB = b"location_code,month,eligible\n" + b"FUZZ-ASH,2026-01,1\n" * 550_000
UPLOADS = {
    "/metrics/imports/eligible/upload": "file",
    "/sms/invites": "file",
    "/admin/themes/training": "labelled",
    "/local-surveys/publish": "files",
}


@pytest.fixture
def admin(app):  # type: ignore[no-untyped-def]
    make_location("FUZZ-ASH")
    client = app.test_client()
    sign_in(client, make_user(Role.ADMIN))
    return client


@pytest.mark.parametrize("path", UPLOADS)
def test_a_10_mb_file_is_refused_with_a_page_saying_so(admin, path):
    before = stored_counts()
    data = {UPLOADS[path]: (io.BytesIO(TEN_MB), "big.csv")}
    response = send(admin, "POST", path, data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "What you sent is too large" in page and "MB at a time" in page
    assert changed(before) == {}


def test_the_too_large_page_is_in_the_persons_language(app):
    location = make_location("FUZZ-PL")
    response = send(
        app.test_client(),
        "POST",
        f"/feedback/{location.code}/rating?lang=pl",
        data={"answer": "1", "padding": "x" * 9_000_000},
    )
    assert response.status_code == 413
    assert "Przesłane dane są zbyt duże" in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("path", "token"),
    [("/api/v1/eligible-counts", "no-key"), ("/sms/notify/inbound", TOKEN)],
)
def test_a_10_mb_body_to_an_api_is_refused_in_json(app, path, token):
    before = stored_counts()
    response = send(
        app.test_client(),
        "POST",
        path,
        data=b'{"counts": [' + b"1," * 5_000_000 + b"1]}",
        headers={"Authorization": f"Bearer {token}"},
        content_type="application/json",
    )
    assert response.status_code in (400, 401, 413)
    assert_json_refusal(response)
    assert changed(before) == {}


THEMES_COLUMNS = ["FFT answer", "FFT categorical answer", "Comment sentiment", "Staff", "Access"]
THEMES_CELLS = {
    "FFT answer": st.sampled_from(["Kind staff", "Waited hours", ""]),
    "FFT categorical answer": st.sampled_from(["1", "6", "x"]),
    "Comment sentiment": st.sampled_from(["1", "5", "9"]),
    "Staff": st.sampled_from(["1", "0", ""]),
    "Access": st.sampled_from(["1", "0", ""]),
}


def test_a_zip_file_as_themes_training_is_refused_on_a_valid_page(admin):
    zipped = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40)
    data = {"labelled": (io.BytesIO(zipped), "coded.csv")}
    response = send(
        admin, "POST", "/admin/themes/training", data=data, content_type="multipart/form-data"
    )
    assert_html_refusal(response)
    assert "Excel workbook" in response.get_data(as_text=True)


@fuzz_settings(250)
@given(file=csv_files(THEMES_COLUMNS, THEMES_CELLS), name=file_names)
def test_a_themes_training_file_of_any_kind(admin, file, name):
    before = stored_counts()
    data = {"labelled": (io.BytesIO(file), name)}
    response = send(
        admin, "POST", "/admin/themes/training", data=data, content_type="multipart/form-data"
    )
    if response.status_code != 302:
        assert_html_refusal(response)
        assert changed(before) == {}


def _definition_files() -> st.SearchStrategy[list[tuple[bytes, str]]]:
    good = [(text.encode(), name) for name, text in example_files("ward-environment").items()]
    mangled = st.builds(
        lambda text, cut, junk: text[:cut] + junk.encode() + text[cut:],
        st.sampled_from([text for text, _name in good]),
        st.integers(0, 2000),
        nasty_text,
    )
    one = st.tuples(st.one_of(mangled, not_csv_files, st.binary(max_size=200)), file_names)
    return st.one_of(st.lists(one, max_size=3), st.lists(one, min_size=1, max_size=2))


@fuzz_settings(200)
@given(files=_definition_files())
def test_local_survey_files_of_any_kind(admin, files):
    before = stored_counts()
    data = {"files": [(io.BytesIO(content), name) for content, name in files]}
    response = send(
        admin, "POST", "/local-surveys/publish", data=data, content_type="multipart/form-data"
    )
    if response.status_code != 302:
        assert_html_refusal(response)
        assert changed(before) == {}
