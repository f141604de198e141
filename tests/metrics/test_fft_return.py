"""The NHS England monthly return, checked against counts worked out by hand."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

from feedback.extensions import db
from feedback.metrics.fft_return import HEADERS, due_date, render_csv, return_rows, write_return
from feedback.metrics.models import EligibleCount
from feedback.organisation.models import CareSetting
from feedback.surveys.models import ResponseMode as M
from tests.factories import make_location, make_response, make_service

NOV = date(2026, 11, 1)


def _on(day: int, month: int = 11, hour: int = 10) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def _fixture():  # type: ignore[no-untyped-def]
    service = make_service("Community hospitals")
    kirby = make_location("KIRBY", service, "Kirby Ward")
    kirby.site_code = "RT5EV"
    welford = make_location("WELFORD", service, "Welford Ward")
    welford.site_code = "RT5EV"
    nursing = make_service("Community nursing")
    teams = []
    for code in ("CN-HINCK", "CN-LOUGH"):
        team = make_location(code, nursing, f"{code} team")
        team.setting, team.return_grouping = CareSetting.COMMUNITY, "District nursing"
        teams.append(team)
    cmht = make_location("HYNCA", make_service("CMHTs"), "Hynca Lodge CMHT")
    cmht.setting = CareSetting.MENTAL_HEALTH
    db.session.commit()
    # Kirby, November: 2 very good (tablet), 1 good (paper), 1 don't know (SMS), 1 unrated.
    make_response(kirby, 1, M.ELECTRONIC_DISCHARGE, submitted_at=_on(1))
    make_response(kirby, 1, M.ELECTRONIC_DISCHARGE, submitted_at=_on(30, hour=22))
    make_response(kirby, 2, M.PAPER_DISCHARGE, submitted_at=_on(15))
    make_response(kirby, 6, M.SMS, submitted_at=_on(20))
    make_response(kirby, None, M.SMS, submitted_at=_on(20), comment="no rating given")
    # Outside November: 31 October, and 1 December at 00:30 London time (00:30 UTC).
    make_response(kirby, 5, submitted_at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC))
    make_response(kirby, 5, submitted_at=datetime(2026, 12, 1, 0, 30, tzinfo=UTC))
    # The two district nursing teams make one row: 1 poor + 1 very poor, both telephone.
    make_response(teams[0], 4, M.TELEPHONE, submitted_at=_on(3))
    make_response(teams[1], 5, M.TELEPHONE, submitted_at=_on(4))
    make_response(cmht, 3, M.ONLINE, submitted_at=_on(5))
    db.session.add(EligibleCount(location_id=kirby.id, month=NOV, eligible=41, source="t"))
    db.session.commit()
    return kirby, welford


def _parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_inpatient_rows_are_hand_counted(app) -> None:
    _fixture()
    rows = return_rows(NOV)
    text = render_csv(NOV, CareSetting.INPATIENT, rows[CareSetting.INPATIENT])
    assert text.splitlines()[0].split(",") == list(HEADERS)
    by_ward = {row["Ward or Service Code"]: row for row in _parse(text)}
    kirby = by_ward["KIRBY"]
    assert [kirby[h] for h in HEADERS[5:11]] == ["2", "1", "0", "0", "0", "1"]
    assert kirby["Total Responses"] == "4"  # the unrated one is not counted
    assert kirby["Total Eligible"] == "41"
    assert (kirby["Mode Electronic Discharge"], kirby["Mode Paper Discharge"]) == ("2", "1")
    assert kirby["Mode SMS"] == "1"
    assert kirby["Mode Online"] == "0" and kirby["Mode Other"] == "0"
    assert (kirby["Period"], kirby["Org Code"], kirby["Site Code"]) == ("2026-11", "RT5", "RT5EV")
    # A ward with no responses still appears, with zeros and no eligible count given.
    welford = by_ward["WELFORD"]
    assert welford["Total Responses"] == "0" and welford["Total Eligible"] == ""


def test_other_settings_are_by_their_grouping(app) -> None:
    _fixture()
    rows = return_rows(NOV)
    [nursing] = _parse(render_csv(NOV, CareSetting.COMMUNITY, rows[CareSetting.COMMUNITY]))
    assert nursing["Ward or Service Name"] == "District nursing"
    assert (nursing["4 Poor"], nursing["5 Very Poor"], nursing["Total Responses"]) == (
        "1",
        "1",
        "2",
    )
    assert nursing["Mode Telephone"] == "2"
    [cmht] = _parse(render_csv(NOV, CareSetting.MENTAL_HEALTH, rows[CareSetting.MENTAL_HEALTH]))
    # No grouping set: the service's name stands in.
    assert cmht["Ward or Service Name"] == "CMHTs"
    assert cmht["3 Neither Good nor Poor"] == "1"


def test_small_numbers_are_not_suppressed(app) -> None:
    _fixture()
    rows = return_rows(NOV)
    cmht = rows[CareSetting.MENTAL_HEALTH][0]
    assert cmht.total == 1  # NHS England suppresses when it publishes, not us


def test_the_command_writes_one_file_per_setting(app, runner, tmp_path) -> None:
    _fixture()
    tmp_path = tmp_path / "return"
    result = runner.invoke(
        args=["reports", "fft-return", "--month", "2026-11", "--output", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "fft-return-2026-11-community.csv",
        "fft-return-2026-11-inpatient.csv",
        "fft-return-2026-11-mental-health.csv",
    ]
    assert write_return(NOV, tmp_path)  # the same files again, replaced
    bad = runner.invoke(
        args=["reports", "fft-return", "--month", "Nov 2026", "--output", str(tmp_path)]
    )
    assert bad.exit_code != 0 and "YYYY-MM" in bad.output


def test_the_return_is_due_on_a_working_day_of_the_next_month() -> None:
    # December 2026: 1 Dec is a Tuesday; 10th working day is 14 December.
    assert due_date(NOV, 10) == date(2026, 12, 14)
    # March 2026's return: April opens with Good Friday (3rd) and Easter Monday (6th).
    assert due_date(date(2026, 3, 1), 2) == date(2026, 4, 2)
    assert due_date(date(2026, 3, 1), 3) == date(2026, 4, 7)
