"""Labelled comments made up for tests that must not depend on the shared data."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from feedback.themes.model import LabelledComment

SHARED_DATA = (
    Path(__file__).resolve().parents[2].parent / "shared/data/themes/labelled_comments_v6.csv"
)

_PHRASES = {
    "Food & drink provision & facilities": [
        "the food was cold",
        "lovely meals",
        "no drinks offered",
        "the menu was poor",
        "tasty dinner",
    ],
    "Staff manner & personal attributes": [
        "staff were kind",
        "the nurse was rude",
        "friendly team",
        "very caring staff",
        "unhelpful receptionist",
    ],
    "Timeliness of care": [
        "waited four hours",
        "seen quickly",
        "long wait for an appointment",
        "delays all day",
        "on time",
    ],
    "Cleanliness, tidiness & infection control": [
        "the ward was dirty",
        "toilets were filthy",
        "spotless rooms",
        "clean and tidy",
        "bins overflowing",
    ],
    "Parking": [
        "could not find a parking space",
        "car park full",
        "parking was expensive",
        "easy to park",
        "no disabled bays",
    ],
}
_OPENERS = ["", "Overall ", "To be honest ", "I think ", "Really "]


def synthetic_comments(n: int = 400, seed: int = 1) -> list[LabelledComment]:
    """Comments with one or two themes each, every theme with plenty of examples."""
    rng = random.Random(seed)
    names = list(_PHRASES)
    comments = []
    for i in range(n):
        chosen = rng.sample(names, rng.choice((1, 1, 2)))
        text = " and ".join(rng.choice(_PHRASES[name]) for name in chosen)
        negative = any(
            w in text for w in ("cold", "rude", "waited", "dirty", "filthy", "full", "poor", "no ")
        )
        comments.append(
            LabelledComment(
                text=rng.choice(_OPENERS) + text,
                question="What could we do better?" if negative else "What was good?",
                rating=4 if negative else 1,
                themes=frozenset(chosen),
                sentiment=4 if negative else 1,
                respondent=f"r{i // 2}",
            )
        )
    return comments


def write_v6_csv(path: Path, comments: list[LabelledComment]) -> Path:
    """A labelled file in the shared data's v6 layout (the columns the national format uses)."""
    categories = sorted({name for c in comments for name in c.themes})
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "Comment ID",
                "Trust",
                "Respondent ID",
                "Date",
                "Service type 1",
                "Service type 2",
                "FFT categorical answer",
                "FFT question",
                "FFT answer",
                "Person identifiable info?",
                "Comment sentiment",
                *categories,
            ]
        )
        for i, c in enumerate(comments):
            writer.writerow(
                [
                    i,
                    "Test",
                    c.respondent,
                    "2024-01-01",
                    "",
                    "",
                    c.rating,
                    c.question,
                    c.text,
                    "",
                    c.sentiment,
                    *("1" if name in c.themes else "0" for name in categories),
                ]
            )
    return path
