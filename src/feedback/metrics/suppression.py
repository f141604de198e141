"""Small-number suppression for anything the People's Council or the public sees.

A unit with 1-4 responses shows no count and no percentage; 0 shows "no responses". Where a
total is shown beside its parts, more parts are hidden (the next-smallest first) so that no
hidden count can be worked out by subtracting the shown ones from the total.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from feedback.surveys.scoring import FftScore

MINIMUM_SHOWN = 5
Key = TypeVar("Key", bound=Hashable)


class Hidden(StrEnum):
    NO_RESPONSES = "no_responses"
    FEWER_THAN_5 = "fewer_than_5"
    PROTECTS_ANOTHER = "protects_another"  # hidden so a small count elsewhere stays hidden


@dataclass(frozen=True)
class ShownScore:
    total: int | None
    fft_percent_positive: int | None
    hidden: Hidden | None


def _hidden(reason: Hidden) -> ShownScore:
    return ShownScore(None, None, reason)


def _shown(score: FftScore) -> ShownScore:
    return ShownScore(score.total, score.fft_percent_positive, None)


def suppress_one(score: FftScore) -> ShownScore:
    if score.total == 0:
        return _hidden(Hidden.NO_RESPONSES)
    if score.total < MINIMUM_SHOWN:
        return _hidden(Hidden.FEWER_THAN_5)
    return _shown(score)


def suppress_parts(parts: Mapping[Key, FftScore], total_is_shown: bool) -> dict[Key, ShownScore]:
    """Each part as it may be shown; with the total shown, never exactly one part with a
    hidden count (a part with no responses hides nothing)."""
    shown = {key: suppress_one(score) for key, score in parts.items()}
    if not total_is_shown:
        return shown
    small = [k for k, s in shown.items() if s.hidden == Hidden.FEWER_THAN_5]
    if len(small) == 1:
        candidates = sorted(
            (k for k, s in shown.items() if s.hidden is None), key=lambda k: parts[k].total
        )
        if candidates:
            shown[candidates[0]] = _hidden(Hidden.PROTECTS_ANOTHER)
    return shown
