"""The staff survey beside patient feedback on the trust and directorate dashboards: "would
recommend as a place to work" and "happy with the standard of care" over the windows, with
the same suppression as the results pages, in one grouped query."""

from __future__ import annotations

import csv
import io
from datetime import date

from sqlalchemy import event, select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.organisation.models import Trust
from feedback.staff_survey.summary import staff_trend
from feedback.staff_survey.suppression import Hidden
from tests.factories import make_location, make_user, sign_in
from tests.staff_survey.helpers import add_responses, directorates, past_window


def _two_windows():  # type: ignore[no-untyped-def]
    amh, chs = directorates("Adult Mental Health", "Community Health Services")
    january = past_window(opens_on=date(2026, 1, 5), name="Q4 2025/26")
    april = past_window(opens_on=date(2026, 4, 6), name="Q1 2026/27")
    # January: AMH 20 (15 would recommend, 10 happy with care), CHS 8 (all agree).
    add_responses(january, 15, {"directorate_id": amh.id, "item_8": 4, "item_9": 5})
    add_responses(january, 5, {"directorate_id": amh.id, "item_8": 2, "item_9": 2})
    add_responses(january, 8, {"directorate_id": chs.id, "item_8": 5, "item_9": 5})
    # April: AMH 12 (6 and 9), CHS 30 (27 and 30).
    add_responses(april, 6, {"directorate_id": amh.id, "item_8": 4, "item_9": 4})
    add_responses(april, 3, {"directorate_id": amh.id, "item_8": 3, "item_9": 4})
    add_responses(april, 3, {"directorate_id": amh.id, "item_8": 1, "item_9": 3})
    add_responses(april, 27, {"directorate_id": chs.id, "item_8": 5, "item_9": 5})
    add_responses(april, 3, {"directorate_id": chs.id, "item_8": 3, "item_9": 4})
    return amh, chs


def test_the_trend_is_trust_wide_or_one_directorates_and_suppressed_the_same_way(app):
    amh, chs = _two_windows()
    trust = staff_trend()
    assert [p.window_name for p in trust] == ["Q4 2025/26", "Q1 2026/27"]
    assert (trust[0].recommend.percent, trust[0].recommend.answered) == (82, 28)  # 23/28
    assert (trust[1].care.percent, trust[1].care.answered) == (93, 42)  # 39/42
    chs_trend = staff_trend(directorate_id=chs.id)
    # January: CHS had 8 (hidden), so AMH (the only other group) is hidden too.
    assert chs_trend[0].recommend.hidden == Hidden.FEWER_THAN_10
    assert staff_trend(directorate_id=amh.id)[0].recommend.hidden == Hidden.PROTECTS_ANOTHER
    assert (chs_trend[1].recommend.percent, chs_trend[1].recommend.answered) == (90, 30)
    assert staff_trend(directorate_id=amh.id)[1].care.percent == 75  # 9/12
    assert staff_trend(up_to=date(2026, 3, 31))[-1].window_name == "Q4 2025/26"


def test_the_trend_is_one_grouped_query(app):
    _two_windows()
    statements: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        staff_trend()
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(statements) == 1 and "GROUP BY" in statements[0]


def test_the_trust_and_directorate_pages_show_the_staff_section_and_its_data(client):
    amh, _chs = _two_windows()
    make_location()  # a ward, so the dashboard has a service below the trust
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/dashboard/trust").get_data(as_text=True)
    assert "<h2>Staff survey</h2>" in page and 'id="chart-staff"' in page
    assert "Q1 2026/27, staff who answered: 79% of 42 would recommend" in page  # 33/42
    trust_id = db.session.scalar(select(Trust.id))
    body = client.get(f"/dashboard/trust/{trust_id}/staff-pulse.csv").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(body)))
    assert rows[1]["Survey window"] == "Q1 2026/27"
    assert rows[1]["Would be happy with the standard of care %"] == "93"

    directorate = client.get(f"/dashboard/directorate/{amh.id}").get_data(as_text=True)
    assert "what staff in this directorate said" in directorate
    body = client.get(f"/dashboard/directorate/{amh.id}/staff-pulse.csv").get_data(as_text=True)
    january, april = list(csv.DictReader(io.StringIO(body)))
    assert january["Would recommend as a place to work %"] == ""  # hidden, as on results
    assert january["Recommend: number answering"] == ""
    assert april["Would recommend as a place to work %"] == "50"  # 6/12


def test_service_pages_and_service_managers_do_not_get_the_staff_section(client):
    location = make_location()
    _two_windows()
    manager = make_user(Role.SERVICE_MANAGER, services=[location.service])
    sign_in(client, manager)
    page = client.get(f"/dashboard/service/{location.service_id}").get_data(as_text=True)
    assert "Staff survey" not in page


def test_with_no_results_yet_the_section_says_so(client):
    make_location()
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/dashboard/trust").get_data(as_text=True)
    assert "No staff survey results for these months yet" in page
