"""A ward with 3 responses in a month: the People's Council and the manager of another service
must not be able to find that 3 on any page or export they can open, even by subtraction."""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import load_workbook

from feedback.auth.models import Role
from tests.dashboard.helpers import refresh, responses
from tests.factories import make_directorate, make_location, make_service, make_user, sign_in

AUGUST = date(2026, 8, 1)
PERIODS = (
    "",
    "?period=month&month=2026-08",
    "?period=quarter&quarter=2026-Q2",
    "?period=year&year=2026",
    "?period=custom&from=2026-07&to=2026-09",
    "?period=month&month=2026-08&compare=last_year",
)
# Counts chosen so that no sum or difference of them turns up by chance on a page.
MANAGED, SMALL, ELSEWHERE = 41, 3, 23
DIRECTORATE, TRUST = MANAGED + SMALL, MANAGED + SMALL + ELSEWHERE


def _numbers(body: str) -> set[int]:
    """Every whole number a person reading the page (or the file) would see."""
    text = re.sub(r"<[^>]+>", " ", body)
    return {int(n) for n in re.findall(r"(?<![\d.,/:-])\d+(?![\d.,/:-])", text)}


def _world():  # type: ignore[no-untyped-def]
    directorate = make_directorate("Adult Mental Health")
    managed = make_location(service=make_service("Acute wards", directorate), name="Aston Ward")
    small = make_location(service=make_service("Rehabilitation", directorate), name="Willow Unit")
    other = make_location(
        service=make_service("District nursing", make_directorate("Community")), name="Team"
    )
    responses(managed, AUGUST, [1] * MANAGED)
    responses(small, AUGUST, [1] * SMALL)
    responses(other, AUGUST, [1] * ELSEWHERE)
    refresh(date(2026, 12, 1))
    return managed, small


def _pages(client, urls: list[str]) -> dict[str, set[int]]:  # type: ignore[no-untyped-def]
    seen = {}
    for url in urls:
        response = client.get(url, follow_redirects=True)
        if response.status_code != 200:
            continue
        if response.mimetype.endswith("spreadsheetml.sheet"):
            book = load_workbook(io.BytesIO(response.data))
            cells = [str(c) for row in book.active.iter_rows(values_only=True) for c in row]
            seen[url] = _numbers(" ".join(cells))
        else:
            seen[url] = _numbers(response.get_data(as_text=True))
    return seen


def test_the_peoples_council_cannot_find_the_wards_3_responses(client):
    _managed, small = _world()
    sign_in(client, make_user(Role.PEOPLES_COUNCIL))
    urls = [
        f"/council/{extra}" for extra in ("", "?quarter=2026-Q2", "?quarter=2026-Q2&easy_read=no")
    ] + ["/council/print?quarter=2026-Q2", "/staff/summary", "/staff/"]
    urls += [f"/dashboard/location/{small.id}", f"/dashboard/service/{small.service_id}"]
    seen = _pages(client, urls)
    assert "/council/?quarter=2026-Q2" in seen
    everything = set().union(*seen.values())
    assert TRUST in everything and DIRECTORATE in everything  # the published figures
    assert MANAGED not in everything  # with the directorate's 44 it would give away the 3
    page = client.get("/council/?quarter=2026-Q2").text
    assert f"{SMALL} people answered" not in page and "Willow" not in page
    assert not any(url.startswith("/dashboard") for url in seen)


def test_the_manager_of_another_service_cannot_find_them_either(client):
    managed, small = _world()
    sign_in(client, make_user(Role.SERVICE_MANAGER, services=[managed.service]))
    urls = ["/dashboard/", "/staff/summary", "/staff/", "/council/"]
    for extra in PERIODS:
        urls += [
            f"/dashboard/service/{managed.service_id}{extra}",
            f"/dashboard/location/{managed.id}{extra}",
            f"/dashboard/trust{extra}",
            f"/dashboard/directorate/{managed.service.directorate_id}{extra}",
            f"/dashboard/service/{small.service_id}{extra}",
            f"/dashboard/location/{small.id}{extra}",
        ]
        for table in ("breakdown", "trend", "themes", "targets"):
            for kind in ("csv", "xlsx"):
                urls.append(f"/dashboard/service/{managed.service_id}/{table}.{kind}{extra}")
    seen = _pages(client, urls)
    assert any(MANAGED in numbers for numbers in seen.values())  # their own service, exactly
    for url, numbers in seen.items():
        assert DIRECTORATE not in numbers, url  # 44 - 41 = 3
        assert TRUST not in numbers, url  # 67 - 23 - 41 = 3
        assert ELSEWHERE not in numbers, url
    assert not any(f"/{small.id}" in url and "location" in url for url in seen)
