"""Every CSV import, sent files of every kind: eligible counts and legacy FFT results, SMS
invites, the themes training CSV. No server error, a refusal says why in the error summary,
a refused file stores nothing, and the preview's confirm stores all of the file or none."""

from __future__ import annotations

import html
import io
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.metrics.imports import SPECS, ImportKind, months_back
from tests.factories import make_location, make_user, sign_in
from tests.fuzz.files import csv_files, file_names
from tests.fuzz.sending import assert_html_refusal, changed, fuzz_settings, send, stored_counts

LAST_MONTH = months_back(trust_today().replace(day=1), 1).strftime("%Y-%m")
OLD_MONTH = "2019-05"
COUNT = st.sampled_from(["0", "12", " 7 ", "1000000", "1000001", "-1", "1.5", "12,000"])
LOCATION = st.sampled_from(["FUZZ-ASH", "fuzz-oak", "NOWHERE", ""])
_CSV_TEXT = re.compile(r'name="csv_text"[^>]*value="([^"]*)"')


@pytest.fixture
def staff(app):  # type: ignore[no-untyped-def]
    """A signed-in PX team member's client (admin: the themes import is theirs)."""
    make_location("FUZZ-ASH")
    make_location("FUZZ-OAK")
    client = app.test_client()
    sign_in(client, make_user(Role.ADMIN))
    return client


def _upload_then_confirm(client, upload: str, confirm: str, file: bytes, name: str) -> None:  # type: ignore[no-untyped-def]
    before = stored_counts()
    response = send(
        client,
        "POST",
        upload,
        data={"file": (io.BytesIO(file), name)},
        content_type="multipart/form-data",
    )
    assert changed(before) == {}  # an upload only shows a preview
    if response.status_code != 200:
        assert_html_refusal(response)
        return
    found = _CSV_TEXT.search(response.get_data(as_text=True))
    assert found, "a preview without errors offers to save the rows"
    response = send(client, "POST", confirm, data={"csv_text": html.unescape(found[1])})
    if response.status_code != 302:
        assert_html_refusal(response)
        assert changed(before) == {}


def _counts_file(kind: ImportKind) -> st.SearchStrategy[bytes]:
    month = LAST_MONTH if kind is ImportKind.ELIGIBLE else OLD_MONTH
    good = {"location_code": LOCATION, "month": st.sampled_from([month, f"{month}-01", "2099-01"])}
    good |= {column: COUNT for column in SPECS[kind].count_columns}
    return csv_files(SPECS[kind].columns, good)


@fuzz_settings(350)
@given(file=_counts_file(ImportKind.ELIGIBLE), name=file_names)
def test_an_eligible_counts_file_of_any_kind(staff, file, name):
    base = "/metrics/imports/eligible"
    _upload_then_confirm(staff, f"{base}/upload", f"{base}/confirm", file, name)


@fuzz_settings(250)
@given(file=_counts_file(ImportKind.LEGACY), name=file_names)
def test_a_legacy_fft_file_of_any_kind(staff, file, name):
    base = "/metrics/imports/legacy"
    _upload_then_confirm(staff, f"{base}/upload", f"{base}/confirm", file, name)


INVITE_CELLS = {
    "location_code": LOCATION,
    "mobile": st.sampled_from(["07700 900123", "+447700900124", "0800 123456", ""]),
    "contact_date": st.sampled_from([trust_today().isoformat(), "2001-02-30", "yesterday"]),
    "language": st.sampled_from(["en", "pa", "xx", ""]),
    "do_not_contact": st.sampled_from(["", "yes", "no", "maybe"]),
}


@fuzz_settings(300)
@given(file=csv_files(list(INVITE_CELLS), INVITE_CELLS), name=file_names)
def test_an_sms_invites_file_of_any_kind(staff, file, name):
    _upload_then_confirm(staff, "/sms/invites", "/sms/invites/confirm", file, name)
