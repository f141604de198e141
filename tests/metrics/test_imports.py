"""Staff import eligible counts and legacy FFT results: upload, check every row, confirm."""

from __future__ import annotations

import html
import io
import re
from datetime import date

import pytest
from sqlalchemy import event, func, select

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.imports import (
    FORMULA,
    LEGACY_REPLACED,
    MONTH_FORMAT,
    ImportFileError,
    ImportKind,
    count_from_text,
    month_from_text,
    months_back,
    read_csv,
)
from feedback.metrics.models import EligibleCount, FftSummary, LegacyFftMonth
from feedback.web.uploads import decode_upload
from tests.factories import make_location, make_user, sign_in

ELIGIBLE_HEADER = "location_code,month,eligible"
LEGACY_HEADER = (
    "location_code,month,extremely_likely,likely,neither_likely_nor_unlikely,unlikely,"
    "extremely_unlikely,dont_know"
)
THIS_MONTH = trust_today().replace(day=1)
LAST_MONTH = months_back(THIS_MONTH, 1)
NEXT_MONTH = months_back(THIS_MONTH, -1)


def _ym(month: date) -> str:
    return month.strftime("%Y-%m")


def _upload(client, content: bytes | str, kind: str = "eligible", name: str = "counts.csv"):  # type: ignore[no-untyped-def]
    data = content.encode() if isinstance(content, str) else content
    return client.post(
        f"/metrics/imports/{kind}/upload",
        data={"file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _hidden_text(page: str) -> str:
    found = re.search(r'name="csv_text"[^>]*value="([^"]*)"', page)
    assert found, "no confirm form on the page"
    return html.unescape(found[1])


def _confirm(client, text: str, kind: str = "eligible"):  # type: ignore[no-untyped-def]
    return client.post(f"/metrics/imports/{kind}/confirm", data={"csv_text": text})


def _stored() -> int:
    return db.session.scalar(select(func.count(EligibleCount.id))) + db.session.scalar(
        select(func.count(LegacyFftMonth.id))
    )


def _location_summary(location_id: int, month: date) -> FftSummary | None:
    return db.session.get(FftSummary, ("location", location_id, "month", month))


@pytest.fixture
def px_client(client):  # type: ignore[no-untyped-def]
    sign_in(client, make_user(Role.PX_TEAM))
    return client


def test_a_good_file_is_previewed_then_saved_and_the_summaries_recomputed(px_client):
    ash = make_location("BRAD-ASH", name="Ash Ward")
    oak = make_location("BRAD-OAK")
    text = f"{ELIGIBLE_HEADER}\r\nbrad-ash,{_ym(LAST_MONTH)},120\r\nBRAD-OAK,{LAST_MONTH},45\r\n"

    preview = _upload(px_client, text)
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "Ash Ward" in page and "Save 2 rows" in page and "Nothing (new)" in page
    assert _stored() == 0  # nothing until confirmed

    saved = _confirm(px_client, _hidden_text(page))
    assert saved.status_code == 302
    rows = {row.location_id: row for row in db.session.scalars(select(EligibleCount))}
    assert rows[ash.id].eligible == 120 and rows[oak.id].eligible == 45
    assert rows[ash.id].month == LAST_MONTH and "@" in rows[ash.id].source
    assert _location_summary(ash.id, LAST_MONTH).eligible == 120
    assert _location_summary(oak.id, LAST_MONTH).eligible == 45
    index = px_client.get(saved.headers["Location"]).get_data(as_text=True)
    assert "Eligible counts saved: 2 rows added, 0 replaced" in index


def test_a_stored_value_is_shown_then_replaced(px_client):
    ward = make_location("BRAD-ASH")
    db.session.add(EligibleCount(location_id=ward.id, month=LAST_MONTH, eligible=99, source="x"))
    db.session.commit()

    page = _upload(px_client, f"{ELIGIBLE_HEADER}\nBRAD-ASH,{_ym(LAST_MONTH)},130\n")
    assert "Replaces 99" in page.get_data(as_text=True)
    saved = _confirm(px_client, _hidden_text(page.get_data(as_text=True)))
    assert "0 rows added, 1 replaced" in px_client.get(saved.headers["Location"]).get_data(
        as_text=True
    )
    assert db.session.scalars(select(EligibleCount)).one().eligible == 130
    assert _location_summary(ward.id, LAST_MONTH).eligible == 130


def test_legacy_results_are_saved_and_counted_as_old_question_responses(px_client):
    ward = make_location("BRAD-ASH")
    page = _upload(px_client, f"{LEGACY_HEADER}\nBRAD-ASH,2019-11-01,20,8,2,1,1,3\n", "legacy")
    assert page.status_code == 200
    _confirm(px_client, _hidden_text(page.get_data(as_text=True)), "legacy")
    row = db.session.scalars(select(LegacyFftMonth)).one()
    assert (row.extremely_likely, row.dont_know, row.responses) == (20, 3, 35)
    assert row.month == date(2019, 11, 1) and row.imported_by
    assert _location_summary(ward.id, date(2019, 11, 1)).legacy_responses == 35


BAD_ROWS = [
    ("NOWHERE,{last},10", "There is no location with the code NOWHERE"),
    ("BRAD-ASH,11/2026,10", MONTH_FORMAT),
    ("BRAD-ASH,2026-13,10", MONTH_FORMAT),
    ("BRAD-ASH,{last}-15,10", MONTH_FORMAT),
    ("BRAD-ASH,{last},", "Eligible: enter the count"),
    ("BRAD-ASH,{last}", "Eligible: enter the count"),
    ("BRAD-ASH,{last},-4", "Eligible: the count must be 0 or more"),
    ("BRAD-ASH,{last},lots", "Eligible: enter a number, for example 120"),
    ("BRAD-ASH,{last},12.5", "Eligible: enter a whole number, not a decimal"),
    ("BRAD-ASH,{last},99999999999", "Eligible: the count must be 1,000,000 or less"),
    ("BRAD-ASH,{last},=1+2", FORMULA),
    ("BRAD-ASH,{last},+12", FORMULA),
    ("BRAD-ASH,{last},@SUM(A1)", FORMULA),
    ('BRAD-ASH,{last},"\t12"', FORMULA),
    ("BRAD-ASH,{last},\uff1d1+2", FORMULA),  # full-width, as the exports escape it
    ("BRAD-ASH,{next},10", "The month is in the future"),
    ("BRAD-ASH,2012-01,10", "April 2013 or later"),
    (",{last},10", "Enter the location code"),
    ("BRAD-ASH,{last},10,extra", "This row has 4 values but there are 3 columns"),
]


@pytest.mark.parametrize(("line", "message"), BAD_ROWS)
def test_each_row_problem_is_reported_and_nothing_is_saved(px_client, line, message):
    make_location("BRAD-ASH")
    make_location("BRAD-OAK")
    bad = line.format(last=_ym(LAST_MONTH), next=_ym(NEXT_MONTH))
    text = f"{ELIGIBLE_HEADER}\nBRAD-OAK,{_ym(LAST_MONTH)},10\n{bad}\n"
    response = _upload(px_client, text)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert message in page
    assert 'href="#row-3"' in page and 'id="row-3"' in page  # the summary links to the row
    assert "Nothing has been saved" in page and 'name="csv_text"' not in page
    assert _stored() == 0


def test_a_location_and_month_twice_in_a_file_flags_both_rows(px_client):
    make_location("BRAD-ASH")
    month = _ym(LAST_MONTH)
    text = f"{ELIGIBLE_HEADER}\nBRAD-ASH,{month},10\nBRAD-OAK-X,{month},1\nbrad-ash,{month}-01,12\n"
    page = html.unescape(_upload(px_client, text).get_data(as_text=True))
    assert "The same location and month are in row 4" in page
    assert "The same location and month are in row 2" in page
    assert _stored() == 0


def test_the_old_question_ends_in_march_2020(px_client):
    make_location("BRAD-ASH")
    response = _upload(px_client, f"{LEGACY_HEADER}\nBRAD-ASH,2020-04,1,1,1,1,1,1\n", "legacy")
    assert response.status_code == 400
    assert LEGACY_REPLACED in response.get_data(as_text=True)
    assert _stored() == 0


@pytest.mark.parametrize(
    "header",
    [
        "location_code,month",
        "location,month,eligible",
        "location_code,month,eligible,notes",
        "BRAD-ASH,2026-10,120",  # no header row at all
        LEGACY_HEADER,
    ],
)
def test_a_wrong_header_is_a_file_problem_naming_the_columns(px_client, header):
    make_location("BRAD-ASH")
    response = _upload(px_client, f"{header}\nBRAD-ASH,{_ym(LAST_MONTH)},120\n")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert "The first row must name the columns location_code, month, eligible" in page
    assert 'href="#file"' in page  # the error summary links to the upload field


def test_header_case_spaces_and_a_byte_order_mark_are_ignored(px_client):
    make_location("BRAD-ASH")
    text = f" Location_Code , MONTH ,Eligible\r\nBRAD-ASH,{_ym(LAST_MONTH)},120\r\n"
    response = _upload(px_client, "\ufeff".encode() + text.encode())
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Save 1 row" in response.get_data(as_text=True)


def test_a_windows_1252_file_is_read(px_client):
    make_location("BRAD-ASH")
    data = f"{ELIGIBLE_HEADER}\r\nBRAD-ASH,{_ym(LAST_MONTH)},120\r\n".encode() + (
        b"O\x92NEIL,2025-01,3\r\n"  # a right single quote in Windows-1252, invalid UTF-8
    )
    response = _upload(px_client, data)
    assert response.status_code == 400  # the row's code is unknown, but the file was read
    assert "There is no location with the code O\u2019NEIL" in html.unescape(
        response.get_data(as_text=True)
    )
    assert decode_upload(b"a,b\r\nO\x92NEIL,1\r\n", 100) == "a,b\r\nO\u2019NEIL,1\r\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, "The file is an Excel workbook"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "The file must be a CSV file"),
        (b"", "The file is empty"),
        (b"\r\n\r\n", "The file is empty"),
        (ELIGIBLE_HEADER.encode() + b"\r\n", "The file has no rows under the column names"),
        (b"location_code,month,eligible\r\n\x81\x8d,2025-01,1\r\n", "could not be read"),
    ],
)
def test_files_that_are_not_csv_are_refused(px_client, content, message):
    response = _upload(px_client, content)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 400
    assert message in page and "nhsuk-error-summary" in page
    assert _stored() == 0


def test_no_file_chosen(px_client):
    response = px_client.post("/metrics/imports/eligible/upload", data={})
    assert response.status_code == 400
    assert "Choose a CSV file to upload" in response.get_data(as_text=True)


def test_a_file_over_the_size_limit_is_refused(make_app):
    app = make_app(IMPORT_MAX_BYTES=1000)
    with app.app_context():
        client = app.test_client()
        sign_in(client, make_user(Role.PX_TEAM))
        make_location("BRAD-ASH")
        rows = "".join(f"BRAD-ASH,{_ym(LAST_MONTH)},{n}\n" for n in range(60))
        response = _upload(client, f"{ELIGIBLE_HEADER}\n{rows}")
        assert response.status_code == 400
        assert "The file must be 1 kB or smaller" in response.get_data(as_text=True)
        assert _stored() == 0


def test_more_rows_than_the_limit_is_a_file_problem(app):
    text = ELIGIBLE_HEADER + "\n" + "X,2025-01,1\n" * 20_001
    with pytest.raises(ImportFileError, match="more than 20,000 rows"):
        read_csv(ImportKind.ELIGIBLE, text, THIS_MONTH, 2_000_000)


def test_a_tampered_confirm_is_checked_again_and_saves_nothing(px_client):
    make_location("BRAD-ASH")
    page = _upload(px_client, f"{ELIGIBLE_HEADER}\nBRAD-ASH,{_ym(LAST_MONTH)},120\n")
    text = _hidden_text(page.get_data(as_text=True))

    tampered = _confirm(px_client, text.replace(",120", ",=HYPERLINK(1)"))
    assert tampered.status_code == 400
    assert FORMULA in html.unescape(tampered.get_data(as_text=True))
    not_a_file = _confirm(px_client, "what,ever\n1,2\n")
    assert not_a_file.status_code == 400
    assert "The first row must name the columns" in not_a_file.get_data(as_text=True)
    empty = _confirm(px_client, "")
    assert empty.status_code == 400 and "Upload the file again" in empty.get_data(as_text=True)
    assert _stored() == 0


def test_the_index_lists_what_is_stored_and_the_sample_files_fit_the_import(px_client):
    ward = make_location("BRAD-ASH", name="Ash Ward")
    db.session.add(EligibleCount(location_id=ward.id, month=LAST_MONTH, eligible=77, source="x"))
    db.session.commit()
    page = px_client.get("/metrics/imports/").get_data(as_text=True)
    assert "Ash Ward" in page and "1 of 12" in page and "77" in page

    for kind in ImportKind:
        sample = px_client.get(f"/metrics/imports/{kind}/sample.csv")
        assert (
            sample.mimetype == "text/csv" and "attachment" in sample.headers["Content-Disposition"]
        )
        assert "BRAD-ASH" in sample.get_data(as_text=True)
        assert _upload(px_client, sample.get_data(), kind.value).status_code == 200


def test_the_checks_take_the_same_few_queries_for_any_number_of_rows(app):
    codes = [make_location(f"W{n}").code for n in range(30)]

    def queries_for(count: int) -> int:
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        text = ELIGIBLE_HEADER + "\n" + "".join(f"{c},2025-01,5\n" for c in codes[:count])
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            read_csv(ImportKind.ELIGIBLE, text, THIS_MONTH, 2_000_000)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    assert queries_for(2) == queries_for(30) <= 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11", (date(2026, 11, 1), None)),
        (" 2026-11-01 ", (date(2026, 11, 1), None)),
        ("2026-11-02", (None, MONTH_FORMAT)),
        ("Nov 2026", (None, MONTH_FORMAT)),
        ("0000-01", (None, MONTH_FORMAT)),
        ("\uff12\uff10\uff12\uff16-11", (None, MONTH_FORMAT)),  # full-width digits
    ],
)
def test_months(text, expected):
    assert month_from_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("120", 120),
        (" 7 ", 7),
        ("0", 0),
        ("-3", -3),
        ("-", None),
        ("1e3", None),
        # A tab or line break first is on the exports' formula list, whichever break it is.
        ("\t5", None),
        ("\r5", None),
        ("\n5", None),
    ],
)
def test_counts(text, expected):
    assert count_from_text(text, "eligible")[0] == expected


@pytest.mark.parametrize("role", [Role.SERVICE_MANAGER, Role.PEOPLES_COUNCIL])
def test_only_the_px_team_and_admins_import(client, role):
    sign_in(client, make_user(role))
    assert client.get("/metrics/imports/").status_code == 403
    assert client.get("/metrics/imports/eligible/upload").status_code == 403
    assert _upload(client, f"{ELIGIBLE_HEADER}\nX,2025-01,1\n").status_code == 403
    assert _confirm(client, f"{ELIGIBLE_HEADER}\nX,2025-01,1\n").status_code == 403


def test_signed_out_goes_to_sign_in(client):
    for response in (client.get("/metrics/imports/"), _confirm(client, "x")):
        assert response.status_code == 302 and "/auth/sign-in" in response.headers["Location"]


def test_the_error_summary_lists_the_first_problems_and_the_table_all_of_them(px_client):
    text = ELIGIBLE_HEADER + "\n" + "".join(f"NOWHERE{n},2025-01,1\n" for n in range(25))
    page = html.unescape(_upload(px_client, text).get_data(as_text=True))
    assert "25 rows have problems" in page and "And 5 more problems, listed below" in page
    assert page.count('href="#row-') == 20 and 'id="row-26"' in page

    text = ELIGIBLE_HEADER + "\n" + "".join(f"NOWHERE{n},2025-01,1\n" for n in range(1_001))
    page = html.unescape(_upload(px_client, text).get_data(as_text=True))
    assert "The first 1,000 of the 1,001 rows with problems are shown" in page
    assert 'id="row-1001"' in page and 'id="row-1002"' not in page


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x0e", "\ufffe"])
def test_a_file_with_control_characters_is_not_a_csv_file(app, character):
    # A cell shown back in the preview made the page invalid HTML (found by the fuzz tests).
    text = f"{ELIGIBLE_HEADER}\nWARD{character},2025-01,5\n"
    with pytest.raises(ImportFileError, match="must be a CSV file"):
        read_csv(ImportKind.ELIGIBLE, text, THIS_MONTH, 2_000_000)
