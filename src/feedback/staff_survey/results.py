"""A window's results: % often/always (items 1-3) and % agree/strongly agree (items 4-9), with
the number answering, trust-wide and by directorate, staff group, ethnic group and disability,
every figure through `suppression.suppress` (groups under 10 never show, nor can be worked out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from sqlalchemy import case, func, select

from feedback.extensions import db
from feedback.organisation.services import list_directorates
from feedback.staff_survey.models import StaffPulseResponse, StaffSurveyWindow
from feedback.staff_survey.submission import ITEMS, NOT_SAID, QUESTIONNAIRE_ID
from feedback.staff_survey.suppression import MINIMUM_GROUP, Figure, Tally, suppress
from feedback.surveys.schema import load_questionnaire

NOT_ANSWERED = "not_answered"
POSITIVE_FROM = 4  # Often and Always; Agree and Strongly agree
FREQUENCY_ITEMS = frozenset({"item_1", "item_2", "item_3"})
# Short names for table headings; the full wording is shown beside every table.
SHORT_NAMES = {
    "item_1": "Look forward to going to work",
    "item_2": "Enthusiastic about my job",
    "item_3": "Time passes quickly",
    "item_4": "Opportunities to show initiative",
    "item_5": "Can make suggestions",
    "item_6": "Can make improvements happen",
    "item_7": "Care of patients is the top priority",
    "item_8": "Recommend as a place to work",
    "item_9": "Happy with the standard of care",
}


@dataclass(frozen=True)
class Item:
    id: str
    number: int
    wording: str
    short_name: str

    @property
    def measure(self) -> str:
        return "% often or always" if self.id in FREQUENCY_ITEMS else "% agree or strongly agree"


@cache
def list_items() -> tuple[Item, ...]:
    """The nine items in the definition's own English wording."""
    questionnaire = load_questionnaire(QUESTIONNAIRE_ID)
    return tuple(
        Item(item, number, questionnaire.question(item).title.value, SHORT_NAMES[item])  # type: ignore[union-attr]
        for number, item in enumerate(ITEMS, start=1)
    )


@dataclass(frozen=True)
class Group:
    key: str
    name: str


@dataclass(frozen=True)
class Dimension:
    slug: str  # in URLs and file names
    title: str
    question_id: str


DIRECTORATE = Dimension("directorate", "By directorate", "directorate")
DIMENSIONS = (
    DIRECTORATE,
    Dimension("staff-group", "By staff group", "staff_group"),
    Dimension("ethnicity", "By ethnic group", "ethnicity"),
    Dimension("disability", "By disability or long-term condition", "disability"),
)
DIMENSIONS_BY_SLUG = {d.slug: d for d in DIMENSIONS}


def directorate_key(directorate_id: int | None, not_said: bool) -> str:
    """The group a response's directorate answer puts it in (shared with the dashboards, so a
    directorate's figure is suppressed the same way on every page)."""
    if directorate_id is not None:
        return f"directorate-{directorate_id}"
    return NOT_SAID if not_said else NOT_ANSWERED


def item_tallies(items: Sequence[str] = ITEMS) -> list:
    """SQL: for each item, how many answered it and how many answered positively."""
    columns = []
    for item in items:
        column = getattr(StaffPulseResponse, item)
        columns.append(func.sum(case((column.is_not(None), 1), else_=0)))
        columns.append(func.sum(case((column >= POSITIVE_FROM, 1), else_=0)))
    return columns


def read_tallies(row: Sequence, items: Sequence[str] = ITEMS) -> dict[str, Tally]:
    """The columns `item_tallies` made, back as a Tally per item."""
    values = [int(v or 0) for v in row]
    return {item: Tally(values[2 * n], values[2 * n + 1]) for n, item in enumerate(items)}


def _dimension_columns(dimension: Dimension) -> list:
    if dimension is DIRECTORATE:
        return [StaffPulseResponse.directorate_id, StaffPulseResponse.directorate_not_said]
    return [getattr(StaffPulseResponse, dimension.question_id)]


def _key(dimension: Dimension, values: Sequence) -> str:
    if dimension is DIRECTORATE:
        return directorate_key(values[0], bool(values[1]))
    return values[0] if values[0] is not None else NOT_ANSWERED


def _counted(window: StaffSurveyWindow, dimension: Dimension) -> dict[str, tuple[int, dict]]:
    """Each group's responses and item tallies in the window, in one grouped query."""
    columns = _dimension_columns(dimension)
    found: dict[str, tuple[int, dict[str, Tally]]] = {}
    query = (
        select(*columns, func.count(), *item_tallies())
        .where(StaffPulseResponse.window_id == window.id)
        .group_by(*columns)
    )
    for row in db.session.execute(query):
        key = _key(dimension, row[: len(columns)])
        count, tallies = row[len(columns)], read_tallies(row[len(columns) + 1 :])
        if key in found:  # a directorate answer counted twice cannot happen; merge anyway
            before = found[key]
            tallies = {i: before[1][i] + tallies[i] for i in ITEMS}
            count += before[0]
        found[key] = (count, tallies)
    return found


def list_groups(dimension: Dimension) -> list[Group]:
    """The groups of a breakdown in the order shown: every one, with none and "not answered"."""
    if dimension is DIRECTORATE:
        groups = [Group(directorate_key(d.id, False), d.name) for d in list_directorates()]
        groups.append(Group(NOT_SAID, "Prefer not to say"))
    else:
        question = load_questionnaire(QUESTIONNAIRE_ID).question(dimension.question_id)
        groups = [Group(o.value, o.label.value) for o in question.options]  # type: ignore[union-attr]
    return [*groups, Group(NOT_ANSWERED, "Not answered")]


@dataclass(frozen=True)
class Breakdown:
    dimension: Dimension
    groups: list[Group]
    figures: dict[str, dict[str, Figure]]  # item id -> group key -> figure

    def row(self, group: Group) -> list[Figure]:
        return [self.figures[item.id][group.key] for item in list_items()]


@dataclass(frozen=True)
class WindowResults:
    window: StaffSurveyWindow
    responses: int  # everyone who answered anything in the window
    trust: dict[str, Figure]  # item id -> the trust-wide figure
    breakdowns: list[Breakdown]

    @property
    def responses_shown(self) -> int | None:
        return self.responses if self.responses >= MINIMUM_GROUP else None

    def breakdown(self, slug: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.dimension.slug == slug)


def window_results(window: StaffSurveyWindow) -> WindowResults:
    """Every table of a window's results page and exports, suppressed (four grouped queries)."""
    trust: dict[str, Figure] = {}
    breakdowns = []
    responses = 0
    for dimension in DIMENSIONS:
        counted = _counted(window, dimension)
        groups = list_groups(dimension)
        known = {g.key for g in groups}
        # A group no longer listed (an answer retired) still counts, so the sums stay whole.
        groups[-1:-1] = [Group(key, key) for key in counted if key not in known]
        responses = sum(count for count, _tallies in counted.values())
        figures: dict[str, dict[str, Figure]] = {}
        for item in ITEMS:
            tallies = {
                g.key: counted[g.key][1][item] if g.key in counted else Tally() for g in groups
            }
            trust[item], figures[item] = suppress(tallies)
        breakdowns.append(Breakdown(dimension, groups, figures))
    return WindowResults(window, responses, trust, breakdowns)
