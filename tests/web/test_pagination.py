"""Which page of a staff list was asked for, and the filters its links keep."""

from __future__ import annotations

import pytest
from werkzeug.datastructures import MultiDict

from feedback.web.pagination import asked_page, pages_of


@pytest.mark.parametrize(
    ("asked", "number"),
    [("", 1), ("2", 2), ("0", 1), ("-4", 1), ("two", 1), ("2.5", 1), ("99", 99)],
)
def test_anything_but_a_positive_whole_number_is_page_one(asked: str, number: int) -> None:
    assert asked_page(MultiDict({"page": asked} if asked else {})) == number


def test_pages_count_every_row_keep_the_filters_and_know_when_past_the_end() -> None:
    args = MultiDict({"page": "3", "subject": "account", "q": ""})
    pages = pages_of(args, total=101, size=50)
    assert (pages.number, pages.count, pages.total) == (3, 3, 101)
    assert pages.query == {"subject": "account"}  # no page, no empty filter
    assert not pages.past_the_end
    assert pages_of(args, total=100, size=50).past_the_end
    empty = pages_of(MultiDict(), total=0, size=50)
    assert (empty.number, empty.count, empty.past_the_end) == (1, 1, False)
