"""Long staff lists a page at a time: which page was asked for, how many there are, and the
filters every page link keeps."""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MultiDict


@dataclass(frozen=True)
class Pages:
    number: int  # the page shown, from 1
    count: int  # at least 1, so an empty list is "page 1 of 1"
    total: int  # rows on every page together
    query: dict[str, str]  # the filters, without the page: for the links and downloads

    @property
    def past_the_end(self) -> bool:
        return self.number > self.count


def asked_page(args: MultiDict[str, str]) -> int:
    """The page the address asks for; anything that is not a positive whole number is page 1."""
    return max(args.get("page", 1, type=int) or 1, 1)


def pages_of(args: MultiDict[str, str], total: int, size: int) -> Pages:
    count = max((total + size - 1) // size, 1)
    query = {key: value for key, value in args.items() if key != "page" and value}
    return Pages(number=asked_page(args), count=count, total=total, query=query)
