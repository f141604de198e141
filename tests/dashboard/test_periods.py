from datetime import date

from feedback.dashboard.periods import (
    comparison_for,
    quarter_from_args,
    span_from_args,
)

TODAY = date(2026, 12, 1)


def test_with_nothing_chosen_the_page_shows_the_last_full_month():
    span = span_from_args({}, TODAY)
    assert (span.kind, span.first, span.last) == ("month", date(2026, 11, 1), date(2026, 11, 1))
    assert span.label == "November 2026"


def test_quarters_and_years_are_financial():
    q3 = span_from_args({"period": "quarter", "quarter": "2025-Q3"}, TODAY)
    assert (q3.first, q3.last) == (date(2025, 10, 1), date(2025, 12, 1))
    assert q3.label == "Q3 2025/26 (October 2025 to December 2025)"
    q4 = span_from_args({"period": "quarter", "quarter": "2025-Q4"}, TODAY)
    assert (q4.first, q4.last) == (date(2026, 1, 1), date(2026, 3, 1))
    year = span_from_args({"period": "year", "year": "2025"}, TODAY)
    assert (year.first, year.last, year.label) == (date(2025, 4, 1), date(2026, 3, 1), "2025/26")


def test_a_custom_span_is_put_in_order_and_anything_unreadable_falls_back():
    custom = span_from_args({"period": "custom", "from": "2026-06", "to": "2026-02"}, TODAY)
    assert (custom.first, custom.last) == (date(2026, 2, 1), date(2026, 6, 1))
    assert len(custom.months) == 5
    for bad in (
        {"period": "quarter", "quarter": "2025-Q5"},
        {"period": "month", "month": "x"},
        {"period": "year", "year": "20x5"},
        {"period": "nonsense"},
    ):
        assert span_from_args(bad, TODAY).first == date(2026, 11, 1), bad


def test_the_comparison_is_the_period_before_or_a_year_earlier():
    q1 = span_from_args({"period": "quarter", "quarter": "2026-Q1"}, TODAY)
    before = comparison_for(q1, None)
    assert (before.first, before.last) == (date(2026, 1, 1), date(2026, 3, 1))
    a_year = comparison_for(q1, "last_year")
    assert (a_year.first, a_year.last) == (date(2025, 4, 1), date(2025, 6, 1))
    assert comparison_for(q1, "none") is None
    custom = span_from_args({"period": "custom", "from": "2026-02", "to": "2026-06"}, TODAY)
    earlier = comparison_for(custom, "previous")
    assert (earlier.first, earlier.last) == (date(2025, 9, 1), date(2026, 1, 1))


def test_the_peoples_council_sees_the_last_complete_quarter_by_default():
    assert quarter_from_args(None, TODAY).first == date(2026, 7, 1)  # Q2: July to September
    assert quarter_from_args(None, date(2026, 10, 1)).first == date(2026, 7, 1)
    assert quarter_from_args(None, date(2026, 9, 30)).first == date(2026, 4, 1)
    assert quarter_from_args("2024-Q4", TODAY).first == date(2025, 1, 1)
