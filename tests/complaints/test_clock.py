"""The working-day clock against an independent calculation and hand-worked cases."""

from __future__ import annotations

import csv
import random
from datetime import date, timedelta

import holidays
import numpy
import pytest

from feedback.complaints.clock import (
    ClockError,
    clock_from_text,
    compute_clock,
    is_working_day,
    working_days_after,
    working_days_between,
    working_days_left,
)

# Built with years= so the set is full (the package fills years lazily otherwise).
ENGLAND = sorted(holidays.country_holidays("GB", subdiv="ENG", years=range(2014, 2038)))
WEEKMASK = "1111100"


def _independent_due(received: date, count: int) -> date:
    # roll backward: a Saturday receipt counts from Friday, since no working day lies between.
    result = numpy.busday_offset(
        numpy.datetime64(received), count, roll="backward", weekmask=WEEKMASK, holidays=ENGLAND
    )
    return result.astype(object)


def _independent_taken(received: date, responded: date) -> int:
    return int(
        numpy.busday_count(
            numpy.datetime64(received + timedelta(days=1)),
            numpy.datetime64(responded + timedelta(days=1)),
            weekmask=WEEKMASK,
            holidays=ENGLAND,
        )
    )


def test_the_holiday_set_has_the_one_off_days():
    assert len(ENGLAND) > 150
    for one_off in (date(2020, 5, 8), date(2022, 6, 3), date(2022, 9, 19), date(2023, 5, 8)):
        assert not is_working_day(one_off)
    assert is_working_day(date(2020, 5, 4))  # the May Day moved to VE Day that year


def test_due_dates_agree_with_numpy_over_thousands_of_random_dates():
    rng = random.Random(20261201)
    start, span = date(2015, 1, 1), (date(2035, 12, 31) - date(2015, 1, 1)).days
    for _ in range(4000):
        received = start + timedelta(days=rng.randrange(span))
        count = rng.choice([1, 3, 10, 20, 25, 40, rng.randrange(1, 130)])
        assert working_days_after(received, count) == _independent_due(received, count), (
            received,
            count,
        )


def test_working_days_taken_agrees_with_numpy_over_thousands_of_random_pairs():
    rng = random.Random(7)
    start, span = date(2015, 1, 1), (date(2035, 6, 30) - date(2015, 1, 1)).days
    for _ in range(4000):
        received = start + timedelta(days=rng.randrange(span))
        responded = received + timedelta(days=rng.randrange(0, 200))
        assert working_days_between(received, responded) == _independent_taken(
            received, responded
        ), (received, responded)


@pytest.mark.parametrize(
    ("received", "acknowledgement_due", "response_due"),
    [
        # Easter 2024: Good Friday 29 March, Easter Monday 1 April.
        (date(2024, 3, 27), date(2024, 4, 3), date(2024, 5, 3)),
        # Received on Good Friday: day 0 whatever kind of day it is.
        (date(2024, 3, 29), date(2024, 4, 4), date(2024, 5, 7)),
        # Saturday receipt: Monday is working day 1.
        (date(2024, 3, 30), date(2024, 4, 4), date(2024, 5, 7)),
        # Christmas 2022: 26 Dec Boxing Day, 27 Dec Christmas Day (observed), 2 Jan 2023.
        (date(2022, 12, 23), date(2022, 12, 30), date(2023, 2, 1)),
        # Christmas Eve 2021 (Friday): 27 and 28 Dec are both substitute days.
        (date(2021, 12, 24), date(2021, 12, 31), date(2022, 2, 2)),
        # The Queen's funeral, Monday 19 September 2022.
        (date(2022, 9, 15), date(2022, 9, 21), date(2022, 10, 21)),
        # The Platinum Jubilee, 2 and 3 June 2022 (the late May holiday moved).
        (date(2022, 5, 31), date(2022, 6, 7), date(2022, 7, 7)),
        # The coronation, Monday 8 May 2023, a week after the early May holiday.
        (date(2023, 4, 28), date(2023, 5, 4), date(2023, 6, 7)),
        # VE Day 2020 (Friday 8 May), the early May holiday moved from Monday 4 May.
        (date(2020, 5, 6), date(2020, 5, 12), date(2020, 6, 12)),
    ],
)
def test_hand_worked_cases(received, acknowledgement_due, response_due):
    clock = compute_clock(received)
    assert clock.acknowledgement_due == acknowledgement_due
    assert clock.original_response_due == response_due == clock.response_due


def test_extensions_move_the_due_date_and_decide_on_time():
    clock = compute_clock(
        date(2024, 1, 10),
        extensions=[date(2024, 3, 1), date(2024, 3, 15)],
        responded=date(2024, 3, 15),
    )
    assert clock.original_response_due == date(2024, 2, 14)
    assert clock.response_due == date(2024, 3, 15)
    assert clock.on_time is True
    late = compute_clock(date(2024, 1, 10), responded=date(2024, 2, 15))
    assert late.on_time is False and late.working_days_taken == 26


def test_a_saturday_reply_to_a_friday_due_date_is_late():
    friday_due = compute_clock(date(2024, 1, 5))
    assert friday_due.response_due.weekday() == 4
    saturday = friday_due.response_due + timedelta(days=1)
    clock = compute_clock(date(2024, 1, 5), responded=saturday)
    assert clock.on_time is False
    assert clock.working_days_taken == 25  # a Saturday adds no working day, but it is late


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"responded": date(2024, 1, 9)}, "before the date the complaint was received"),
        ({"extensions": [date(2024, 2, 14)]}, "not later than the due date in force"),
        ({"extensions": [date(2024, 3, 1), date(2024, 2, 20)]}, "not later than the due date"),
        ({"target_working_days": 0}, "between 1 and"),
    ],
)
def test_dates_that_cannot_be_right_are_refused(kwargs, message):
    with pytest.raises(ClockError, match=message):
        compute_clock(date(2024, 1, 10), **kwargs)


def test_a_utc_timestamp_counts_by_its_london_date():
    # 23:30 UTC on 30 June 2024 is 00:30 on 1 July in London (BST).
    assert clock_from_text("2024-06-30T23:30:00Z").received == date(2024, 7, 1)
    # Summer time began on 31 March 2024: 28 March was still GMT.
    assert clock_from_text("2024-03-28T23:30:00Z").received == date(2024, 3, 28)


def test_working_days_left_goes_negative_once_overdue():
    assert working_days_left(date(2024, 3, 27), date(2024, 4, 3)) == 3
    assert working_days_left(date(2024, 4, 5), date(2024, 4, 3)) == -2


def test_the_clock_command_writes_every_row_and_refuses_bad_ones_alone(runner, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text(
        "id,received,target_working_days,extensions,responded\n"
        "a,2024-03-27,,,2024-05-03\n"
        "b,2024-03-28T23:30:00Z,,,\n"
        "c,2024-01-10,,2024-01-01,\n"
        "d,2024-01-10,,,2024-01-09\n"
        "e,not a date,,,\n"
        "f,2022-12-23,20,2023-03-01;2023-04-01,2023-04-03\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    result = runner.invoke(
        args=["complaints", "clock", "--input", str(source), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    with out.open(newline="") as file:
        rows = {row["id"]: row for row in csv.DictReader(file)}
    assert list(next(iter(rows.values()))) == [
        "id",
        "acknowledgement_due",
        "original_response_due",
        "response_due",
        "working_days_taken",
        "on_time",
        "error",
    ]
    assert rows["a"] | {} == {
        "id": "a",
        "acknowledgement_due": "2024-04-03",
        "original_response_due": "2024-05-03",
        "response_due": "2024-05-03",
        "working_days_taken": "25",
        "on_time": "true",
        "error": "",
    }
    assert rows["b"]["response_due"] == "2024-05-07" and rows["b"]["on_time"] == ""
    assert "not later than the due date in force" in rows["c"]["error"]
    assert rows["c"]["response_due"] == ""
    assert "before the date the complaint was received" in rows["d"]["error"]
    assert "not a date" in rows["e"]["error"]
    assert rows["f"]["original_response_due"] == "2023-01-25"
    assert rows["f"]["response_due"] == "2023-04-01" and rows["f"]["on_time"] == "false"
