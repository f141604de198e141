"""px_team download the monthly return and record what was sent."""

from __future__ import annotations

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.metrics.models import FftReturnSent
from tests.factories import make_location, make_response, make_user, sign_in
from tests.metrics.test_fft_return import _on


def test_preview_download_and_record_as_sent(app, client) -> None:
    ward = make_location("KIRBY", name="Kirby Ward")
    make_response(ward, 1, submitted_at=_on(3))
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/reports/fft-return/?month=2026-11")
    assert page.status_code == 200 and "Kirby Ward" in page.text
    download = client.get("/reports/fft-return/2026-11/inpatient.csv")
    assert download.mimetype == "text/csv"
    assert "fft-return-2026-11-inpatient.csv" in download.headers["Content-Disposition"]
    assert download.text.splitlines()[1].startswith("2026-11,RT5,,KIRBY,Kirby Ward,1,0,0,0,0,0,1,")
    sent = client.post("/reports/fft-return/2026-11/inpatient/sent", follow_redirects=True)
    assert "Recorded as sent" in sent.text
    assert db.session.scalar(select(FftReturnSent.sent_by)).startswith("user")
    # A late paper form changes the month after it was sent: the page says so.
    make_response(ward, 2, submitted_at=_on(4))
    later = client.get("/reports/fft-return/?month=2026-11")
    assert "Figures changed since it was sent" in later.text
    copy = client.get("/reports/fft-return/2026-11/inpatient.csv?copy=sent")
    assert ",1,0,0,0,0,0,1," in copy.text
    assert client.get("/reports/fft-return/2026-13/inpatient.csv").status_code == 404
    assert client.get("/reports/fft-return/2026-11/acute.csv").status_code == 404


def test_managers_and_the_council_cannot_see_the_return(app, client) -> None:
    sign_in(client, make_user(Role.SERVICE_MANAGER))
    assert client.get("/reports/fft-return/").status_code == 403
