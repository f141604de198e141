"""The one guard every spreadsheet download uses: text that would run gets an apostrophe,
other text and every number stay exactly as they were."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback.web.spreadsheet import (
    FORMULA_STARTS,
    spreadsheet_cell,
    spreadsheet_row,
    spreadsheet_safe,
)

# Written out here, not read from the module: a start dropped from the list must fail a test.
RUN_BY_A_SPREADSHEET = ("=", "+", "-", "@", "\t", "\r", "\n")
RUN_BY_A_SPREADSHEET += ("\uff1d", "\uff0b", "\uff0d", "\uff20")  # full-width = + - @


@pytest.mark.parametrize("start", RUN_BY_A_SPREADSHEET)
def test_text_starting_like_a_formula_gets_an_apostrophe(start):
    assert spreadsheet_safe(start + "SUM(1+1)") == "'" + start + "SUM(1+1)"
    assert spreadsheet_cell(start) == "'" + start


@pytest.mark.parametrize(
    "text", ["", "Ash Ward", " =1+1", "'=1+1", "5 East", "O'Brien", "a=b", "\u3000=1", "١٢٣"]
)
def test_other_text_is_left_exactly_as_it_is(text):
    assert spreadsheet_safe(text) == text


@pytest.mark.parametrize("value", [-4, 0, 3, -0.5, 12.25, Decimal("-1.5"), date(2026, 11, 1), None])
def test_numbers_dates_and_empty_cells_stay_what_they_are(value):
    cell = spreadsheet_cell(value)
    assert cell == value and type(cell) is type(value)


def test_a_row_guards_its_text_and_keeps_its_numbers():
    assert spreadsheet_row(["-2+3", -4, "Ward 5", None, "-4"]) == [
        "'-2+3",
        -4,
        "Ward 5",
        None,
        "'-4",
    ]


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(
    text=st.one_of(st.text(), st.builds(str.__add__, st.sampled_from(FORMULA_STARTS), st.text()))
)
def test_any_text_comes_out_safe_and_unchanged_but_for_one_apostrophe(text):
    safe = spreadsheet_safe(text)
    assert not safe.startswith(RUN_BY_A_SPREADSHEET)
    assert safe == (text if not text.startswith(RUN_BY_A_SPREADSHEET) else "'" + text)
    assert spreadsheet_safe(safe) == safe  # guarding twice adds nothing
