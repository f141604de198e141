"""A group of 9 staff never appears: not on any results page, in any CSV file or on the
dashboards, and not by subtracting shown figures from the trust total, nor by subtracting one
breakdown from another, nor one page from another.

The data is made to tempt: the 9 (Mixed or Multiple ethnic groups) are the only small ethnic
group, so with small cells hidden alone, total minus the shown groups would be exactly them;
in a second world the same 9 are also the whole of one directorate and the only students, so
three breakdowns hide the same people. Other staff skip items at random, so each item has its
own numbers answering.

Every figure published anywhere is read back from the pages and files as a person would, and
checked: the same group shows the same figure everywhere; and for every item, no hidden group
with people in it can be worked out from all the shown figures together by any adding and
subtracting. "Worked out" is linear algebra: a group's count is derivable exactly when its
indicator (over every combination of directorate, staff group, ethnic group and disability a
person could have) is a combination of the indicators of the figures shown. The same check
finds the leak when only the small cells themselves are hidden (the test with teeth below).
"""

from __future__ import annotations

import csv
import io
import itertools
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

import html5lib
import numpy as np
import pytest

from feedback.auth.models import Role
from feedback.extensions import db
from feedback.organisation.models import Trust
from feedback.staff_survey.models import StaffPulseResponse
from feedback.staff_survey.results import DIMENSIONS, list_groups, list_items
from tests.factories import make_user, sign_in
from tests.staff_survey.helpers import directorates, past_window

SMALL = 9
GROUP_OF_9 = "Mixed or Multiple ethnic groups"
ITEM_NUMBERS = range(1, 10)
TRUST = "trust"
COLUMN_OF = {  # the response column each breakdown's CSV and groups come from
    "directorate": "directorate",
    "staff-group": "staff_group",
    "ethnicity": "ethnicity",
    "disability": "disability",
}


# --- The staff ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    groups: dict[str, str]  # breakdown slug -> group name
    items: dict[int, int | None]  # item number -> 1-5, or None (skipped)


def _world(rng: random.Random, nine_everywhere: bool) -> tuple[list[Person], list[str]]:
    """About 230 staff; the 9 Mixed staff, and (nine_everywhere) the same 9 as the whole of a
    fourth directorate and the only students."""
    names = ["Adult Mental Health", "Community Health Services", "Families and Children"]
    if nine_everywhere:
        names.append("Estates and Facilities")
    made = directorates(*names)
    groups_by_dim = {d.slug: [g.name for g in list_groups(d)] for d in DIMENSIONS}
    staff_groups = [
        "Registered nurses and midwives",
        "Administrative and clerical",
        "Medical and dental",
        "Bank staff",
    ]
    people = []

    def person(directorate: str, staff_group: str, ethnicity: str, disability: str, skips: bool):  # type: ignore[no-untyped-def]
        items = {}
        for number in ITEM_NUMBERS:
            skipped = skips and rng.random() < 0.12
            items[number] = None if skipped else rng.choice([1, 2, 3, 4, 4, 5, 5])
        return Person(
            {
                "directorate": directorate,
                "staff-group": staff_group,
                "ethnicity": ethnicity,
                "disability": disability,
            },
            items,
        )

    for _ in range(220):
        people.append(
            person(
                rng.choice([d.name for d in made[:3]]),
                rng.choice(staff_groups),
                rng.choice(
                    ["White"] * 6
                    + ["Asian, Asian British or Asian Welsh"] * 3
                    + ["Black, Black British, Black Welsh, Caribbean or African"] * 2
                ),
                rng.choice(["Yes", "No", "No", "No"]),
                skips=True,
            )
        )
    # Groups of 10 or more that answer everything, so "Not answered" and "Prefer not to say"
    # are shown in some breakdowns and hidden (being empty) in others.
    for _ in range(12):
        people.append(
            person(
                "Prefer not to say",
                "Prefer not to say",
                "Prefer not to say",
                "Prefer not to say",
                skips=False,
            )
        )
    for _ in range(SMALL):
        people.append(
            person(
                "Estates and Facilities" if nine_everywhere else made[2].name,
                "Students" if nine_everywhere else "Registered nurses and midwives",
                GROUP_OF_9,
                "No",
                skips=False,  # the 9 answer every item: each item's hidden cell is exactly 9
            )
        )
    assert all(p.groups[d] in groups_by_dim[d] for p in people for d in groups_by_dim)
    return people, [d.name for d in made]


def _store(people: Iterable[Person], window) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from feedback.organisation.models import Directorate

    directorate_ids = {d.name: d.id for d in db.session.scalars(select(Directorate))}
    values = {
        d.slug: {g.name: g.key for g in list_groups(d)}
        for d in DIMENSIONS
        if d.slug != "directorate"
    }
    for p in people:
        directorate = p.groups["directorate"]
        db.session.add(
            StaffPulseResponse(
                window_id=window.id,
                **{f"item_{n}": p.items[n] for n in ITEM_NUMBERS},
                directorate_id=directorate_ids.get(directorate),
                directorate_not_said=directorate == "Prefer not to say",
                **{
                    COLUMN_OF[slug]: None
                    if values[slug][p.groups[slug]] == "not_answered"
                    else values[slug][p.groups[slug]]
                    for slug in values
                },
            )
        )
    db.session.commit()


# --- Reading what is published --------------------------------------------------------------

# (window, item, breakdown slug or "trust", group name or "") -> ("shown", n) / ("zero",) /
# ("hidden",)
Published = dict[tuple[str, int, str, str], tuple]
_FIGURE = re.compile(r"^(\d+)% of (\d+)$")


def _read_figure(text: str) -> tuple:
    text = " ".join(text.split())
    if text == "Not shown":
        return ("hidden",)
    if text == "No responses":
        return ("zero",)
    found = _FIGURE.match(text)
    assert found, f"not a figure: {text!r}"
    return ("shown", int(found[2]))


def _cell(percent: str, answered: str) -> tuple:
    if answered in ("not shown", ""):
        assert percent in ("not shown", "")
        return ("hidden",)
    if answered == "0":
        return ("zero",)
    assert percent.isdigit(), (percent, answered)
    return ("shown", int(answered))


def _record(into: Published, key: tuple, value: tuple, where: str) -> None:
    """Every source must agree: one figure per group, item and window, wherever it is shown."""
    if key in into:
        assert into[key] == value, f"{where}: {key} is {value}, elsewhere {into[key]}"
    into[key] = value


def _text(element) -> str:  # type: ignore[no-untyped-def]
    return " ".join("".join(element.itertext()).split())


def read_results_page(html: str, window: str, into: Published) -> None:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    tables = tree.findall(".//table")
    trust = next(t for t in tables if "nhsuk-table-responsive" in t.get("class", ""))
    for row in trust.findall("./tbody/tr"):
        cells = [_text(td).split(" ", 1)[1] if i else _text(td) for i, td in enumerate(row)]
        number = int(re.match(r"Item (\d+)\.", cells[0])[1])  # type: ignore[index]
        _record(into, (window, number, TRUST, ""), _read_figure(cells[2]), "results page")
    titles = {d.title: d.slug for d in DIMENSIONS}
    for region in tree.findall(".//div[@role='region']"):
        slug = titles[region.get("aria-label")]
        for row in region.findall(".//tbody/tr"):
            name, *cells = [_text(cell) for cell in row]
            for number, cell in zip(ITEM_NUMBERS, cells, strict=True):
                _record(into, (window, number, slug, name), _read_figure(cell), "results page")


def read_results_csvs(files: dict[str, str], into: Published) -> None:
    for slug, body in files.items():
        rows = list(csv.reader(io.StringIO(body)))
        header, rows = rows[0], rows[1:]
        for row in rows:
            if slug == TRUST:
                window, number, _wording, _measure, percent, answered = row
                _record(into, (window, int(number), TRUST, ""), _cell(percent, answered), slug)
                continue
            window, name, *cells = row
            assert len(cells) == 18, header
            for number in ITEM_NUMBERS:
                percent, answered = cells[2 * number - 2], cells[2 * number - 1]
                _record(into, (window, number, slug, name), _cell(percent, answered), slug)


def read_dashboard_csv(body: str, slug: str, name: str, into: Published) -> None:
    rows = list(csv.reader(io.StringIO(body)))[1:]
    for window, recommend, r_answered, care, c_answered in rows:
        _record(into, (window, 8, slug, name), _cell(recommend, r_answered), "dashboard")
        _record(into, (window, 9, slug, name), _cell(care, c_answered), "dashboard")


def gather(client, window, directorate_names: list[str]) -> Published:  # type: ignore[no-untyped-def]
    """Everything every role that may see staff results is shown: pages and files."""
    from sqlalchemy import select

    from feedback.organisation.models import Directorate

    published: Published = {}
    for role in (Role.PX_TEAM, Role.ADMIN, Role.SERVICE_MANAGER):
        reader = client.application.test_client()
        sign_in(reader, make_user(role))
        page = reader.get(f"/staff-survey/results/?window={window.id}")
        assert page.status_code == 200
        read_results_page(page.get_data(as_text=True), window.name, published)
        files = {}
        for slug in (TRUST, *(d.slug for d in DIMENSIONS)):
            got = reader.get(f"/staff-survey/results/{window.id}/{slug}.csv")
            assert got.status_code == 200, slug
            files[slug] = got.get_data(as_text=True)
        read_results_csvs(files, published)
    px = client.application.test_client()
    sign_in(px, make_user(Role.PX_TEAM))
    trust_id = db.session.scalar(select(Trust.id))
    body = px.get(f"/dashboard/trust/{trust_id}/staff-pulse.csv").get_data(as_text=True)
    read_dashboard_csv(body, TRUST, "", published)
    trust_page = px.get("/dashboard/trust").get_data(as_text=True)
    assert "Staff survey" in trust_page
    for directorate in db.session.scalars(select(Directorate)):
        got = px.get(f"/dashboard/directorate/{directorate.id}/staff-pulse.csv")
        assert got.status_code == 200
        read_dashboard_csv(got.get_data(as_text=True), "directorate", directorate.name, published)
        assert px.get(f"/dashboard/directorate/{directorate.id}").status_code == 200
    return published


# --- What can be worked out ------------------------------------------------------------------


def _cells(published: Published, window: str, item: int) -> list[tuple[str, ...]]:
    """Every combination of groups a person could have, less those a shown zero rules out."""
    groups = {d.slug: [g.name for g in list_groups(d)] for d in DIMENSIONS}
    empty = {
        (slug, name)
        for (w, i, slug, name), value in published.items()
        if w == window and i == item and slug != TRUST and value == ("zero",)
    }
    slugs = [d.slug for d in DIMENSIONS]
    return [
        combo
        for combo in itertools.product(*(groups[s] for s in slugs))
        if not any((s, n) in empty for s, n in zip(slugs, combo, strict=True))
    ]


def _indicator(cells: list[tuple[str, ...]], slug: str, name: str) -> np.ndarray:
    position = [d.slug for d in DIMENSIONS].index(slug)
    return np.array([1.0 if combo[position] == name else 0.0 for combo in cells])


def derivable_groups(published: Published, window: str, item: int) -> set[tuple[str, str]]:
    """The groups with people in them, not shown, whose number can be worked out by adding and
    subtracting the figures that are shown for this item (any page, any breakdown)."""
    cells = _cells(published, window, item)
    rows = [np.ones(len(cells))] if published.get((window, item, TRUST, "")) != ("hidden",) else []
    hidden = []
    for (w, i, slug, name), value in published.items():
        if w != window or i != item or slug == TRUST:
            continue
        if value[0] == "shown":
            rows.append(_indicator(cells, slug, name))
        elif value == ("hidden",):
            hidden.append((slug, name))
    if not rows:
        return set()
    shown = np.vstack(rows)
    rank = np.linalg.matrix_rank(shown)
    return {
        (slug, name)
        for slug, name in hidden
        if np.linalg.matrix_rank(np.vstack([shown, _indicator(cells, slug, name)])) == rank
    }


def _check(published: Published, window: str) -> None:
    for item in ITEM_NUMBERS:
        assert published[(window, item, "ethnicity", GROUP_OF_9)] == ("hidden",), item
        assert derivable_groups(published, window, item) == set(), f"item {item}"
        # The plain form of the same thing: for every breakdown on every page, the trust total
        # minus the groups shown is nothing, or 10 or more.
        total = published[(window, item, TRUST, "")]
        for dimension in DIMENSIONS:
            shown = [
                value[1]
                for (w, i, slug, _name), value in published.items()
                if (w, i, slug) == (window, item, dimension.slug) and value[0] == "shown"
            ]
            left = total[1] - sum(shown)
            assert left == 0 or left >= 10, (item, dimension.slug, left)


@pytest.mark.parametrize("nine_everywhere", [False, True], ids=["ethnic-group", "three-ways"])
def test_a_group_of_9_never_appears_on_any_page_or_export(client, nine_everywhere):
    people, names = _world(random.Random(9), nine_everywhere)
    window = past_window()
    _store(people, window)
    published = gather(client, window, names)
    _check(published, window.name)
    # The 9 are really there, hidden: counted in the trust-wide figures, which are shown.
    assert published[(window.name, 1, TRUST, "")] == (
        "shown",
        sum(1 for p in people if p.items[1] is not None),
    )
    every_figure = " ".join(str(v) for v in published.values())
    assert "('shown', 9)" not in every_figure


def test_the_check_finds_the_leak_when_only_small_cells_are_hidden(app):
    """Teeth: publish the same world with the primary rule alone (no secondary suppression),
    and the 9 are worked out at once from the trust total."""
    people, _names = _world(random.Random(9), nine_everywhere=False)
    published: Published = {}
    window = "naive"
    for item in ITEM_NUMBERS:
        answering = [p for p in people if p.items[item] is not None]
        published[(window, item, TRUST, "")] = ("shown", len(answering))
        for dimension in DIMENSIONS:
            for group in list_groups(dimension):
                n = sum(1 for p in answering if p.groups[dimension.slug] == group.name)
                value = ("zero",) if n == 0 else ("hidden",) if n < 10 else ("shown", n)
                published[(window, item, dimension.slug, group.name)] = value
    found = derivable_groups(published, window, 1)
    assert ("ethnicity", GROUP_OF_9) in found
    with pytest.raises(AssertionError):
        _check(published, window)


def test_the_groups_listed_are_the_ones_people_answered_with(app):
    # The check's picture of a person matches the survey's own groups and items.
    assert [i.number for i in list_items()] == list(ITEM_NUMBERS)
    assert GROUP_OF_9 in [g.name for g in list_groups(DIMENSIONS[2])]
