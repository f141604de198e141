"""The staff dashboard, read from the summary tables the jobs fill."""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import load_workbook

from feedback.auth.models import Role
from feedback.extensions import db
from tests.dashboard.helpers import done_action, eligible, refresh, responses
from tests.factories import make_directorate, make_location, make_service, make_user, sign_in

NOV, OCT = date(2026, 11, 1), date(2026, 10, 1)


def _trust():  # type: ignore[no-untyped-def]
    amh = make_directorate("Adult Mental Health")
    chs = make_directorate("Community Health Services")
    ward = make_location(service=make_service("Acute wards", amh), name="Heather Ward")
    team = make_location(service=make_service("District nursing", chs), name="Hinckley team")
    responses(ward, NOV, [1, 1, 1, 2, 4, 5])  # 4 of 6 positive: 67%
    responses(ward, OCT, [1, 1, 5, 5])  # 2 of 4: 50%
    responses(team, NOV, [1] * 7)
    eligible(ward, NOV, 40)
    eligible(team, NOV, 5)  # 7 responses from 5 eligible: 140%
    refresh(date(2026, 12, 1))
    return ward, team


def test_the_team_drills_down_from_trust_to_ward_with_the_period_and_comparison(client):
    ward, _team = _trust()
    sign_in(client, make_user(Role.PX_TEAM))
    trust = client.get("/dashboard/trust?period=month&month=2026-11").get_data(as_text=True)
    assert "November 2026, compared with October 2026" in trust
    assert "13" in trust and "Adult Mental Health" in trust and "Community Health Services" in trust
    directorate = client.get(
        f"/dashboard/directorate/{ward.service.directorate_id}?period=month&month=2026-11"
    ).get_data(as_text=True)
    assert "Acute wards" in directorate and "District nursing" not in directorate
    page = client.get(f"/dashboard/location/{ward.id}?period=month&month=2026-11")
    text = page.get_data(as_text=True)
    assert "67% said very good or good" in text
    assert "up 17 points on October 2026" in text  # 67% against 50%
    assert "15% (6 of 40 eligible)" in text
    assert "Complaints are counted by service" in text
    link = f"/themes/?location={ward.id}&amp;sentiment=negative&amp;from=2026-11&amp;to=2026-11"
    assert f'href="{link}"' in text


def test_a_response_rate_over_100_per_cent_is_shown_as_computed_with_a_warning(client):
    _ward, team = _trust()
    sign_in(client, make_user(Role.PX_TEAM))
    text = client.get(f"/dashboard/location/{team.id}?period=month&month=2026-11").get_data(
        as_text=True
    )
    assert "140% (7 of 5 eligible)" in text
    assert "Check the data" in text


def test_a_quarter_adds_its_months_and_compares_with_the_quarter_before(client):
    ward, _team = _trust()
    sign_in(client, make_user(Role.ADMIN))
    text = client.get(f"/dashboard/location/{ward.id}?period=quarter&quarter=2026-Q3").get_data(
        as_text=True
    )
    assert "Q3 2026/27 (October 2026 to December 2026)" in text
    assert "60% said very good or good" in text  # 6 of the 10 in October and November


def test_every_table_exports_as_csv_and_excel_with_the_figures_on_screen(client):
    ward, _team = _trust()
    sign_in(client, make_user(Role.PX_TEAM))
    directorate = ward.service.directorate_id
    base = f"/dashboard/directorate/{directorate}"
    args = "?period=month&month=2026-11"
    rows = list(csv.reader(io.StringIO(client.get(f"{base}/breakdown.csv{args}").text)))
    assert rows[0][:4] == ["Service", "Responses", "Eligible", "Response rate %"]
    assert rows[1][:4] == ["Acute wards", "6", "40", "15"]
    book = load_workbook(io.BytesIO(client.get(f"{base}/trend.xlsx{args}").data))
    assert book.active["A1"].value.startswith("Month by month: Adult Mental Health")
    for name in ("themes", "rising-negative", "trend", "breakdown"):
        for kind in ("csv", "xlsx"):
            assert client.get(f"{base}/{name}.{kind}{args}").status_code == 200, (name, kind)
    assert client.get(f"{base}/nothing.csv").status_code == 404


def test_service_managers_land_on_their_own_service_and_see_nothing_else(client):
    ward, team = _trust()
    manager = make_user(Role.SERVICE_MANAGER, services=[ward.service])
    sign_in(client, manager)
    landing = client.get("/dashboard/")
    assert landing.status_code == 302
    assert landing.headers["Location"].endswith(f"/dashboard/service/{ward.service_id}")
    own = client.get(f"/dashboard/service/{ward.service_id}?period=month&month=2026-11").text
    assert "Heather Ward" in own and "Hinckley" not in own
    assert "/themes/" not in own  # comments stay with the patient experience team
    assert client.get("/dashboard/trust").status_code == 403
    assert client.get(f"/dashboard/directorate/{ward.service.directorate_id}").status_code == 403
    assert client.get(f"/dashboard/service/{team.service_id}").status_code == 404
    assert client.get(f"/dashboard/location/{team.id}").status_code == 404
    assert client.get(f"/dashboard/service/{team.service_id}/breakdown.csv").status_code == 404
    assert client.get("/staff/summary").headers["Location"].endswith("/dashboard/")


def test_charts_say_what_they_show_and_carry_their_data(client):
    ward, _team = _trust()
    sign_in(client, make_user(Role.PX_TEAM))
    text = client.get(f"/dashboard/location/{ward.id}?period=month&month=2026-11").text
    assert 'role="img" aria-labelledby="chart-positive-title"' in text
    assert "% positive went from 50% in October 2026 to 67% in November 2026" in text
    assert "Show the data" in text


def test_a_wards_page_shows_its_actions_and_links_to_its_poster(client):
    ward, team = _trust()
    done_action(ward, "The day room was too noisy.", "We changed it.", date(2026, 10, 20))
    done_action(team, "Visits ran late.", "We changed it.", date(2026, 10, 20))
    px = make_user(Role.PX_TEAM)
    sign_in(client, px)
    page = client.get(f"/dashboard/location/{ward.id}?period=month&month=2026-11").text
    assert "The day room was too noisy." in page and "Visits ran late." not in page
    assert f'href="/actions/posters/{ward.code}"' in page
    trust = client.get("/dashboard/trust?period=month&month=2026-11").text
    assert "The day room was too noisy." in trust and "Visits ran late." in trust


def test_the_old_fft_question_is_a_separate_series_with_the_break_marked(client):
    from feedback.metrics.models import LegacyFftMonth

    ward, _team = _trust()
    db.session.add(
        LegacyFftMonth(
            location_id=ward.id,
            month=date(2020, 1, 1),
            extremely_likely=12,
            likely=3,
            imported_by="test",
        )
    )
    db.session.commit()
    eligible(ward, date(2020, 1, 1), 50)
    refresh(date(2026, 12, 1))
    sign_in(client, make_user(Role.PX_TEAM))
    recent = client.get(f"/dashboard/location/{ward.id}?period=month&month=2026-11").text
    assert "Show the whole history, from January 2020" in recent
    assert "New FFT question" not in recent  # the last 24 months do not reach April 2020
    whole = client.get(f"/dashboard/location/{ward.id}?period=custom&from=2020-01&to=2026-11").text
    assert "New FFT question" in whole
    assert "Response rate, old question" in whole
    assert "Old (before April 2020)" in whole
    assert "Months before April 2020 count answers to the old FFT question." in whole
