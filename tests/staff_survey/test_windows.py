"""Survey windows: the first month of Q1, Q2 or Q4, 14 days or more, one a quarter, no
overlaps, dates that stop moving once answers depend on them; and the admins' page."""

from __future__ import annotations

from datetime import date

import pytest

from feedback.auth.models import Role
from feedback.staff_survey.windows import (
    WindowError,
    quarter_name,
    results_from,
    save_window,
    window_status,
)
from tests.factories import make_user, sign_in
from tests.staff_survey.helpers import add_responses

TODAY = date(2026, 3, 2)


def _problems(opens_on: date, closes_on: date, **kwargs) -> dict[str, str]:  # type: ignore[no-untyped-def]
    with pytest.raises(WindowError) as refused:
        save_window(opens_on, closes_on, kwargs.pop("today", TODAY), **kwargs)
    return refused.value.problems


def test_a_window_in_april_july_or_january_of_14_days_is_named_after_its_quarter(app):
    april = save_window(date(2026, 4, 1), date(2026, 4, 14), TODAY)
    july = save_window(date(2026, 7, 6), date(2026, 7, 31), TODAY)
    january = save_window(date(2027, 1, 4), date(2027, 1, 22), TODAY, name="Winter pulse")
    assert (april.name, july.name, january.name) == ("Q1 2026/27", "Q2 2026/27", "Winter pulse")
    assert quarter_name(date(2027, 1, 4)) == "Q4 2026/27"
    assert results_from(april) == date(2026, 4, 16)


@pytest.mark.parametrize("month", [2, 3, 5, 6, 8, 9, 10, 11, 12])
def test_other_months_are_refused_and_quarter_3_has_none(app, month):
    problems = _problems(date(2026, month, 1), date(2026, month, 20))
    assert "January, April or July" in problems["opens_on"]
    assert "quarter 3" in problems["opens_on"]


def test_a_window_shorter_than_14_days_says_the_earliest_closing_date(app):
    problems = _problems(date(2026, 4, 6), date(2026, 4, 18))  # 13 days
    assert problems == {
        "closes_on": "The survey must be open for at least 14 days: close it on 19 April 2026 "
        "or later"
    }
    assert save_window(date(2026, 4, 6), date(2026, 4, 19), TODAY).name == "Q1 2026/27"


def test_too_late_in_the_month_for_14_days_says_the_last_opening_day(app):
    problems = _problems(date(2026, 4, 20), date(2026, 4, 30))
    assert "open it on 17 April 2026 or earlier" in problems["opens_on"]


def test_a_window_closes_in_the_month_it_opens(app):
    problems = _problems(date(2026, 4, 20), date(2026, 5, 5))
    assert problems == {
        "closes_on": "The survey must close in the month it opens: on 30 April 2026 or earlier"
    }
    assert "after the opening date" in _problems(date(2026, 4, 20), date(2026, 4, 2))["closes_on"]


def test_overlaps_and_a_second_window_in_a_quarter_are_refused(app):
    save_window(date(2026, 4, 1), date(2026, 4, 14), TODAY)
    overlap = _problems(date(2026, 4, 10), date(2026, 4, 30))
    assert overlap == {"opens_on": "These dates overlap Q1 2026/27 (1 April 2026 to 14 April 2026)"}
    second = _problems(date(2026, 4, 15), date(2026, 4, 30))
    assert second["opens_on"].startswith("Q1 2026/27 already has a window")


def test_names_are_unique(app):
    save_window(date(2026, 4, 1), date(2026, 4, 14), TODAY, name="Spring")
    assert _problems(date(2026, 7, 1), date(2026, 7, 14), name="Spring") == {
        "name": "Another window is already called Spring"
    }


def test_an_open_window_may_close_later_or_sooner_but_not_before_today_nor_reopen(app):
    window = save_window(date(2026, 4, 1), date(2026, 4, 14), TODAY)
    during = date(2026, 4, 8)
    assert window_status(window, during).key == "open"
    save_window(date(2026, 4, 1), date(2026, 4, 28), during, window=window)
    assert window.closes_on == date(2026, 4, 28)
    assert (
        "opening date cannot change"
        in _problems(date(2026, 4, 2), date(2026, 4, 28), today=during, window=window)["opens_on"]
    )
    assert (
        "today, 8 April 2026, or later"
        in _problems(date(2026, 4, 1), date(2026, 4, 7), today=during, window=window)["closes_on"]
    )


def test_a_closed_window_keeps_its_dates_but_may_be_renamed(app):
    window = save_window(date(2026, 4, 1), date(2026, 4, 14), TODAY)
    after = date(2026, 4, 15)
    assert window_status(window, after).key == "closing"
    assert window_status(window, date(2026, 4, 16)).key == "results"
    problems = _problems(date(2026, 4, 1), date(2026, 4, 20), today=after, window=window)
    assert problems == {"opens_on": "Q1 2026/27 has closed, so its dates cannot change"}
    save_window(date(2026, 4, 1), date(2026, 4, 14), after, name="Spring pulse", window=window)
    assert window.name == "Spring pulse"


def test_the_admin_page_adds_and_changes_windows_with_clear_errors(client):
    admin = make_user(Role.ADMIN)
    sign_in(client, admin)
    assert "No window has been set yet" in client.get("/admin/staff-survey/").get_data(as_text=True)

    refused = client.post(
        "/admin/staff-survey/new", data={"opens_on": "2027-02-01", "closes_on": "2027-02-20"}
    )
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "nhsuk-error-summary" in page and "January, April or July" in page

    empty = client.post("/admin/staff-survey/new", data={}).get_data(as_text=True)
    assert "Enter the date the survey opens" in empty and "Enter the last day" in empty
    nonsense = client.post(
        "/admin/staff-survey/new", data={"opens_on": "2027-13-40", "closes_on": "x"}
    ).get_data(as_text=True)
    assert "Enter a real date" in nonsense

    saved = client.post(
        "/admin/staff-survey/new", data={"opens_on": "2027-01-04", "closes_on": "2027-01-22"}
    )
    assert saved.status_code == 302
    listing = client.get("/admin/staff-survey/").get_data(as_text=True)
    assert (
        "Q4 2026/27" in listing and "Saved Q4 2026/27: 4 January 2027 to 22 January 2027" in listing
    )

    from feedback.staff_survey.windows import list_windows

    [window] = list_windows()
    assert client.get(f"/admin/staff-survey/{window.id}").status_code == 200
    changed = client.post(
        f"/admin/staff-survey/{window.id}",
        data={"opens_on": "2027-01-04", "closes_on": "2027-01-29", "name": "Winter 2027"},
    )
    assert changed.status_code == 302 and window.closes_on == date(2027, 1, 29)
    assert client.get("/admin/staff-survey/999").status_code == 404


def test_the_admin_list_counts_responses(client):
    window = save_window(date(2026, 4, 1), date(2026, 4, 14), TODAY)
    add_responses(window, 3)
    sign_in(client, make_user(Role.ADMIN))
    page = client.get("/admin/staff-survey/").get_data(as_text=True)
    assert "Results available" in page and ">3</td>" in page.replace(
        '<span class="nhsuk-table-responsive__heading" aria-hidden="true">Responses </span>', ""
    )
