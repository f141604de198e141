"""The theme engine's values: what goes in, what comes out, how well it did."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CommentInput", "Evaluation", "LabelledComment", "Prediction", "ThemeScore"]


@dataclass(frozen=True)
class CommentInput:
    text: str
    question: str | None = None  # the free-text question asked, any wording
    rating: int | None = None  # FFT code 1-6, or None


@dataclass(frozen=True)
class LabelledComment(CommentInput):
    themes: frozenset[str] = frozenset()  # v7 names
    sentiment: int | None = None  # labellers' 1-5 (1 very positive), or None
    respondent: str | None = None  # for splitting


@dataclass(frozen=True)
class Prediction:
    themes: tuple[str, ...]  # v7 names in framework order
    scores: dict[str, float]  # 0-1 per theme the model knows
    sentiment: str  # "positive" | "neutral" | "negative"
    sentiment_scale: int  # 1-5 on the labellers' scale (1 very positive)


@dataclass(frozen=True)
class ThemeScore:
    f1: float
    precision: float
    recall: float
    support: int


@dataclass(frozen=True)
class Evaluation:
    macro_f1: float  # over themes with >= 5 examples in the test part
    micro_f1: float  # the same themes
    per_theme: dict[str, ThemeScore] = field(default_factory=dict)  # support >= 1 in test
    sentiment_accuracy: float = math.nan  # 3-class; nan with no coded sentiment in test
    n_train: int = 0
    n_test: int = 0

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe (nan becomes None)."""

        def safe(value: float) -> float | None:
            return None if math.isnan(value) else value

        return {
            "macro_f1": safe(self.macro_f1),
            "micro_f1": safe(self.micro_f1),
            "per_theme": {
                name: {
                    "f1": s.f1,
                    "precision": s.precision,
                    "recall": s.recall,
                    "support": s.support,
                }
                for name, s in self.per_theme.items()
            },
            "sentiment_accuracy": safe(self.sentiment_accuracy),
            "n_train": self.n_train,
            "n_test": self.n_test,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evaluation:
        def number(value: float | None) -> float:
            return math.nan if value is None else float(value)

        return cls(
            macro_f1=number(data["macro_f1"]),
            micro_f1=number(data["micro_f1"]),
            per_theme={
                name: ThemeScore(
                    float(s["f1"]), float(s["precision"]), float(s["recall"]), int(s["support"])
                )
                for name, s in data["per_theme"].items()
            },
            sentiment_accuracy=number(data["sentiment_accuracy"]),
            n_train=int(data["n_train"]),
            n_test=int(data["n_test"]),
        )
