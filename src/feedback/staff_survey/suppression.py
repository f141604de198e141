"""No figure for a group of fewer than 10 staff, and nothing from which one can be worked out.

There is no national minimum for the pulse survey: 10 is the trust's own rule, because teams
are small and people are identifiable. The patient rule (`feedback.metrics.suppression`, under
5, a lone hidden part takes the next-smallest with it) is the model; staff figures need more,
because several breakdowns of the same people sit side by side. The rule, for each window,
each item and each breakdown (directorate, staff group, ethnic group, disability):

1. The groups of a breakdown cover everyone who answered the item exactly once: each
   directorate (staff group, ethnic group, answer), "Prefer not to say" and "Not answered".
   The last two are groups like any other: shown when big enough, hidden otherwise, and never
   left out of the sums (leaving them out would let total - shown reveal them).
2. Primary: a group where fewer than 10 staff answered the item shows no figure, neither the
   number answering nor the percentage (a percentage and its base give the count).
3. Secondary: the trust-wide figure is shown, so the hidden groups together are "total minus
   shown". While that remainder is 1 to 9 staff, the smallest shown group (fewest answering;
   ties by the group's key) is hidden too. What subtraction gives is then nothing, or 10 or
   more staff together.
4. The trust-wide figure needs 10 answering as well; below that nothing for the item is shown.
5. A group where nobody answered says "no responses": nobody is described, nothing is hidden.

Why that is enough, and the limits it keeps to:

- Within a breakdown: with two or more groups hidden, no single hidden group's figure is a
  combination of the shown groups and the total; only their union is, and that is 0 or 10+.
- Between breakdowns (directorate against ethnicity, say): each is a one-way split of the same
  people, so subtracting the shown groups of one from the shown groups of another gives the
  difference of two remainders, each 0 or 10+, which is the count of no group of people.
  Figures within figures (ethnic groups inside a directorate) are never shown: they would
  break this, and would need their own suppression.
- Between items: people skip different items, so each item is suppressed on its own numbers
  answering; nothing hidden for one item follows from another's figures.
- Between pages, exports and roles: the results pages, their CSV files and the dashboards all
  call `suppress` on the same groups, so a group's figure is the same wherever it appears, and
  every role sees the same (a group of 9 is as identifiable to the patient experience team as
  to anyone). Results appear only once a window is final (`windows.py`), so two visits a day
  apart cannot be subtracted to single out the people who answered in between. Nothing is
  added up across windows (different times, different people).
- One label for every hidden figure, so a page does not tell which groups were hidden for
  being small and which to protect another.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from feedback.surveys.scoring import percent_half_up

MINIMUM_GROUP = 10


@dataclass(frozen=True)
class Tally:
    """How many answered an item, and how many of them positively (often/always, agree)."""

    answered: int = 0
    positive: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.answered + other.answered, self.positive + other.positive)


class Hidden(StrEnum):
    NO_RESPONSES = "no_responses"
    FEWER_THAN_10 = "fewer_than_10"
    PROTECTS_ANOTHER = "protects_another"  # hidden so that a smaller group stays hidden


@dataclass(frozen=True)
class Figure:
    """A figure as it may be shown: the number answering and the % positive, or neither."""

    answered: int | None
    percent: int | None
    hidden: Hidden | None

    @property
    def is_shown(self) -> bool:
        return self.hidden is None


def _shown(tally: Tally) -> Figure:
    return Figure(tally.answered, percent_half_up(tally.positive, tally.answered), None)


def _hidden(tally: Tally, reason: Hidden) -> Figure:
    if tally.answered == 0:
        return Figure(0, None, Hidden.NO_RESPONSES)
    return Figure(None, None, reason)


def total_tally(groups: Mapping[str, Tally]) -> Tally:
    total = Tally()
    for tally in groups.values():
        total = total + tally
    return total


def suppress(groups: Mapping[str, Tally]) -> tuple[Figure, dict[str, Figure]]:
    """The trust-wide figure and each group's, as they may be shown. `groups` must cover
    everyone who answered (rule 1): the trust-wide figure is their sum."""
    total = total_tally(groups)
    if total.answered < MINIMUM_GROUP:
        return _hidden(total, Hidden.FEWER_THAN_10), {
            key: _hidden(tally, Hidden.FEWER_THAN_10) for key, tally in groups.items()
        }
    hidden = {key for key, tally in groups.items() if 0 < tally.answered < MINIMUM_GROUP}
    protecting: set[str] = set()
    while 0 < sum(groups[key].answered for key in hidden) < MINIMUM_GROUP:
        shown = sorted(
            (key for key, tally in groups.items() if tally.answered and key not in hidden),
            key=lambda key: (groups[key].answered, key),
        )
        hidden.add(shown[0])  # never empty: all hidden would leave the total, 10 or more
        protecting.add(shown[0])
    figures = {}
    for key, tally in groups.items():
        if key in protecting:
            figures[key] = _hidden(tally, Hidden.PROTECTS_ANOTHER)
        elif key in hidden:
            figures[key] = _hidden(tally, Hidden.FEWER_THAN_10)
        elif tally.answered == 0:
            figures[key] = Figure(0, None, Hidden.NO_RESPONSES)
        else:
            figures[key] = _shown(tally)
    return _shown(total), figures
