"""The period picker: a month, a financial quarter, a financial year or a custom span of months,
and the period it is compared with."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from feedback.web import parse_month

KINDS = ("month", "quarter", "year", "custom")
COMPARISONS = {
    "previous": "the period before",
    "last_year": "the same period a year earlier",
    "none": "nothing",
}
LONGEST_CUSTOM_MONTHS = 120


def add_months(month: date, count: int) -> date:
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many months first..last holds, both included."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def financial_year_of(month: date) -> int:
    return month.year if month.month >= 4 else month.year - 1


def quarter_of(month: date) -> tuple[int, int]:
    """(financial year, quarter 1-4): Q1 is April to June."""
    return financial_year_of(month), (month.month - 4) % 12 // 3 + 1


@dataclass(frozen=True)
class Span:
    kind: str
    first: date  # first day of the first month
    last: date  # first day of the last month

    @property
    def months(self) -> list[date]:
        return [add_months(self.first, n) for n in range(months_between(self.first, self.last))]

    @property
    def label(self) -> str:
        if self.kind == "month":
            return self.first.strftime("%B %Y")
        if self.kind == "quarter":
            year, quarter = quarter_of(self.first)
            return f"Q{quarter} {year}/{str(year + 1)[2:]} ({self._range()})"
        if self.kind == "year":
            year = financial_year_of(self.first)
            return f"{year}/{str(year + 1)[2:]}"
        return self._range()

    def _range(self) -> str:
        if self.first == self.last:
            return self.first.strftime("%B %Y")
        return f"{self.first.strftime('%B %Y')} to {self.last.strftime('%B %Y')}"

    def shifted(self, months: int) -> Span:
        return Span(self.kind, add_months(self.first, months), add_months(self.last, months))

    def args(self) -> dict[str, str]:
        """The query string that picks this span again."""
        if self.kind == "month":
            return {"period": "month", "month": self.first.strftime("%Y-%m")}
        if self.kind == "quarter":
            year, quarter = quarter_of(self.first)
            return {"period": "quarter", "quarter": f"{year}-Q{quarter}"}
        if self.kind == "year":
            return {"period": "year", "year": str(financial_year_of(self.first))}
        return {
            "period": "custom",
            "from": self.first.strftime("%Y-%m"),
            "to": self.last.strftime("%Y-%m"),
        }


def month_span(month: date) -> Span:
    return Span("month", month, month)


def quarter_span(year: int, quarter: int) -> Span:
    first = add_months(date(year, 4, 1), 3 * (quarter - 1))
    return Span("quarter", first, add_months(first, 2))


def year_span(year: int) -> Span:
    return Span("year", date(year, 4, 1), date(year + 1, 3, 1))


def latest_complete_month(today: date) -> date:
    return add_months(today.replace(day=1), -1)


def _quarter(text: str | None) -> Span | None:
    match = re.fullmatch(r"(\d{4})-Q([1-4])", (text or "").strip())
    return quarter_span(int(match[1]), int(match[2])) if match else None


def _year(text: str | None) -> Span | None:
    text = (text or "").strip()
    return year_span(int(text)) if re.fullmatch(r"\d{4}", text) else None


def _custom(args: Mapping[str, str]) -> Span | None:
    first, last = parse_month(args.get("from")), parse_month(args.get("to"))
    if first is None or last is None:
        return None
    if last < first:
        first, last = last, first
    if months_between(first, last) > LONGEST_CUSTOM_MONTHS:
        first = add_months(last, 1 - LONGEST_CUSTOM_MONTHS)
    return Span("custom", first, last)


def span_from_args(args: Mapping[str, str], today: date) -> Span:
    """The span a page was asked for; anything unreadable falls back to the last full month."""
    kind = args.get("period", "month")
    span: Span | None = None
    if kind == "month":
        month = parse_month(args.get("month"))
        span = month_span(month) if month else None
    elif kind == "quarter":
        span = _quarter(args.get("quarter"))
    elif kind == "year":
        span = _year(args.get("year"))
    elif kind == "custom":
        span = _custom(args)
    return span or month_span(latest_complete_month(today))


def comparison_for(span: Span, choice: str | None) -> Span | None:
    """The span to compare with: the one before (same length) or a year earlier."""
    if choice == "none":
        return None
    if choice == "last_year":
        return span.shifted(-12)
    return span.shifted(-months_between(span.first, span.last))


def quarter_from_args(text: str | None, today: date) -> Span:
    """A financial quarter for the People's Council; the last complete one by default."""
    span = _quarter(text)
    if span is not None:
        return span
    year, quarter = quarter_of(add_months(today.replace(day=1), -3))
    return quarter_span(year, quarter)
