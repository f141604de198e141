"""The early-warnings job and the team's acknowledgement of a concern."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.dashboard.periods import add_months
from feedback.dashboard.warning_job import compute_early_warnings
from feedback.dashboard.warnings import EarlyWarning, SpcSeries
from feedback.extensions import db
from tests.dashboard.helpers import refresh, responses
from tests.factories import make_location, make_user, sign_in

TODAY = date(2026, 12, 1)
LAST = date(2026, 11, 1)
# Eight good, two poor, month after month (80% positive), then a month of poor care.
STEADY = [1, 1, 1, 1, 2, 2, 2, 1, 4, 5]


def _ward_with_history(months: int, last_month: list[int] | None = None):  # type: ignore[no-untyped-def]
    ward = make_location(name="Heather Ward")
    for n in range(months):
        month = add_months(LAST, -n)
        ratings = last_month if (n == 0 and last_month is not None) else STEADY
        # A little variation, so the moving ranges are not all zero.
        responses(ward, month, ratings + ([1] if n % 3 == 0 else [5] if n % 3 == 1 else []))
    return ward


def _warnings(ward) -> list[EarlyWarning]:  # type: ignore[no-untyped-def]
    return db.session.scalars(
        select(EarlyWarning)
        .where(EarlyWarning.level == "location", EarlyWarning.unit_id == ward.id)
        .order_by(EarlyWarning.id)
    ).all()


def test_a_month_of_poor_care_raises_one_warning_and_recomputing_does_not_repeat_it(app):
    ward = _ward_with_history(15, last_month=[4, 5, 5, 4, 5, 4, 5, 5, 4, 2])
    refresh(TODAY)
    raised = _warnings(ward)
    assert [(w.measure, w.month) for w in raised] == [("fft_percent_positive", LAST)]
    assert "outside_limits" in raised[0].rules
    compute_early_warnings(TODAY)
    db.session.commit()
    assert len(_warnings(ward)) == 1


def test_steady_care_raises_nothing(app):
    ward = _ward_with_history(15)
    refresh(TODAY)
    assert _warnings(ward) == []
    series = db.session.get(SpcSeries, ("fft_percent_positive", "location", ward.id))
    assert series.latest_variation == "common_cause" and series.reason is None


def test_too_few_months_or_responses_raise_nothing_and_say_why(app):
    short = _ward_with_history(8, last_month=[5] * 10)
    tiny = make_location(name="Tiny Unit")
    for n in range(15):
        responses(tiny, add_months(LAST, -n), [1, 1] if n else [5, 5])
    refresh(TODAY)
    assert _warnings(short) == [] and _warnings(tiny) == []
    reason = db.session.get(SpcSeries, ("fft_percent_positive", "location", short.id)).reason
    assert reason.startswith("Only 8 months of data: 12 are needed")
    reason = db.session.get(SpcSeries, ("fft_percent_positive", "location", tiny.id)).reason
    assert "only 2 responses a month" in reason


def test_a_concern_stays_on_the_list_until_someone_acknowledges_it_with_a_note(client):
    ward = _ward_with_history(15, last_month=[5] * 10)
    refresh(TODAY)
    sign_in(client, make_user(Role.PX_TEAM))
    listing = client.get("/dashboard/warnings/").text
    assert "Heather Ward" in listing and "FFT % positive" in listing
    home = client.get("/staff/").text
    assert "Waiting for someone to act" in home and "early warnings</a> to acknowledge" in home
    ward_page = client.get(f"/dashboard/location/{ward.id}").text
    assert "FFT % positive, November 2026</strong>: special cause concern" in ward_page
    warning = _warnings(ward)[0]
    refused = client.post(f"/dashboard/warnings/{warning.id}", data={"note": "  "})
    assert refused.status_code == 400
    assert "Enter what was found or done before acknowledging the warning" in refused.text
    done = client.post(
        f"/dashboard/warnings/{warning.id}", data={"note": "Two nurses off sick; cover found."}
    )
    assert done.status_code == 302
    listing = client.get("/dashboard/warnings/").text
    still_open, acknowledged = listing.split("Acknowledged recently")
    assert f"/dashboard/warnings/{warning.id}" not in still_open
    assert f"/dashboard/warnings/{warning.id}" in acknowledged
    assert "Two nurses off sick" in client.get(f"/dashboard/warnings/{warning.id}").text
    compute_early_warnings(TODAY)  # the same month is never raised again
    db.session.commit()
    assert len(_warnings(ward)) == 1
    assert "Early warnings</span>" not in client.get(f"/dashboard/location/{ward.id}").text


def test_each_process_control_table_downloads(client):
    import csv
    import io

    ward = _ward_with_history(15)
    refresh(TODAY)
    sign_in(client, make_user(Role.PX_TEAM))
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(f"/dashboard/location/{ward.id}/spc-fft-percent-positive.csv").text
            )
        )
    )
    assert rows[0] == [
        "Month",
        "Value %",
        "Mean",
        "Lower limit",
        "Upper limit",
        "Variation",
        "Rules",
    ]
    assert len(rows) == 16 and rows[-1][0] == "Nov 2026"
    assert rows[-1][5] == "Common cause: no significant change"
