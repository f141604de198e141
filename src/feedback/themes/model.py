"""The theme engine: the v7 themes a comment raises, and its sentiment, learnt from coding.

`train` fits, on comments the patient experience team (or the shared labelled data) coded:

- per theme, a linear SVM over word, character and question-tagged word features, the question
  kind and the FFT rating (`feedback.themes.features`), with the decision threshold that gave the
  theme its best F1 in cross-validation over the training comments (`feedback.themes.model_fit`).
  A comment gets every theme past its threshold, else its single nearest theme; "Not assigned"
  and "Labelling not possible" only ever stand alone, as the labellers code them; a comment with
  no letter at all ("", "-", "...") is "Labelling not possible" outright. (The labellers coded
  "N/A" and "nothing to say" as "Not assigned", and "Nothing" answering "How could we improve?"
  as "Positive experience & gratitude"; the model learns those as they did.)
- for sentiment, a multinomial logistic regression over the labellers' 5-point scale, on the
  same features plus TextBlob's polarity, complaint cues and the rating by question kind.
  Without coded sentiment, `rule_sentiment` (`feedback.themes.sentiment`) stands in.

Themes with fewer than MIN_EXAMPLES coded comments are not learnt (there is nothing to learn a
threshold from). `learning_value` and `suggest` say which uncoded comments would teach the model
most: those it is least sure of, weighted towards rare themes, spread across different wording.

Pure Python and scikit-learn: no Flask, no database. `ThemeClassifier.dumps` is a compressed
numpy archive of arrays and word lists (no pickle), so a stored model survives an upgrade.
"""

from __future__ import annotations

import csv
import math
import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, TypeVar

import numpy as np

from feedback.themes.features import FeatureSpace, sentiment_signals
from feedback.themes.framework import V7_NAMES, to_v7
from feedback.themes.model_classifier import ThemeClassifier, comment_inputs, sentiment_features
from feedback.themes.model_fit import fit_sentiment, fit_themes
from feedback.themes.model_types import (
    CommentInput,
    Evaluation,
    LabelledComment,
    Prediction,
    ThemeScore,
)
from feedback.themes.sentiment import SENTIMENT_LABELS, scale_to_label

__all__ = [
    "LABELLED_DATA",
    "MIN_EXAMPLES",
    "CommentInput",
    "Evaluation",
    "LabelledComment",
    "Prediction",
    "ThemeClassifier",
    "ThemeScore",
    "evaluate",
    "read_labelled_csv",
    "split_by_respondent",
    "suggest",
    "train",
    "train_and_evaluate",
]

# The shared labelled data, beside the project (never copied into it).
LABELLED_DATA = (
    Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "themes"
) / "labelled_comments_v6.csv"
MIN_EXAMPLES = 5  # coded comments a theme needs before the model learns it
_MACRO_SUPPORT = 5  # test examples a theme needs to count in macro- and micro-F1
_DIVERSITY = 1.0  # how far likeness to an already suggested comment cuts a comment's value
_SET = {"1", "1.0", "true", "yes", "y", "x"}
_TEXT, _QUESTION, _RATING = "FFT answer", "FFT question", "FFT categorical answer"
_SENTIMENT, _RESPONDENT = "Comment sentiment", "Respondent ID"

Comment = TypeVar("Comment", bound=CommentInput)


def _number(value: str | None, low: int, high: int) -> int | None:
    try:
        number = int(float((value or "").strip()))
    except ValueError:
        return None
    return number if low <= number <= high else None


def read_labelled_csv(source: str | Path | TextIO) -> list[LabelledComment]:
    """Coded comments from a CSV with v6 or v7 category columns (v6 pairs merged into v7).

    Needs an `FFT answer` column and at least one category column (a 1 where the category
    applies); `FFT question`, `FFT categorical answer` (1-6, anything else is no rating),
    `Comment sentiment` (1-5) and `Respondent ID` are read when present. Blank comments are
    skipped. A path is read as UTF-8 (with or without a byte-order mark).
    """
    if isinstance(source, str | Path):
        with open(source, newline="", encoding="utf-8-sig") as handle:
            return _read(handle, str(source))
    return _read(source, getattr(source, "name", "the CSV"))


def _read(handle: TextIO, name: str) -> list[LabelledComment]:
    reader = csv.DictReader(handle)
    columns = {column.strip(): column for column in reader.fieldnames or []}
    if _TEXT not in columns:
        found = ", ".join(list(columns)[:8]) or "none"
        raise ValueError(
            f"{name} has no `{_TEXT}` column (the comment text); columns found: {found}"
        )
    categories = {original: to_v7(column) for column, original in columns.items() if to_v7(column)}
    if not categories:
        raise ValueError(
            f"{name} has no category columns: none of its columns is a v6 or v7 sub-category "
            f"of the framework (such as `Timeliness of care`)"
        )
    comments = []
    for row in reader:
        text = (row.get(columns[_TEXT]) or "").strip()
        if not text:
            continue

        def cell(column: str, row: dict[str, str | None] = row) -> str | None:
            return row.get(columns[column]) if column in columns else None

        themes = frozenset(
            v7
            for original, v7 in categories.items()
            if v7 and (row.get(original) or "").strip().lower() in _SET
        )
        respondent = (cell(_RESPONDENT) or "").strip() or None
        comments.append(
            LabelledComment(
                text=text,
                question=(cell(_QUESTION) or "").strip() or None,
                rating=_number(cell(_RATING), 1, 6),
                themes=themes,
                sentiment=_number(cell(_SENTIMENT), 1, 5),
                respondent=respondent,
            )
        )
    return comments


def _groups(comments: Sequence[CommentInput]) -> list[str]:
    """Each comment's respondent; a comment with none is a respondent of its own."""
    return [
        f"respondent {getattr(c, 'respondent', None)}"
        if getattr(c, "respondent", None)
        else f"comment {i}"
        for i, c in enumerate(comments)
    ]


def split_by_respondent(
    comments: Sequence[Comment], test_fraction: float = 0.2, seed: int = 0
) -> tuple[list[Comment], list[Comment]]:
    """(train, test): about test_fraction of the comments in test, no respondent in both."""
    if not 0 < test_fraction < 1:
        raise ValueError(f"test_fraction must be between 0 and 1, not {test_fraction}")
    members: dict[str, list[int]] = {}
    for row, group in enumerate(_groups(comments)):
        members.setdefault(group, []).append(row)
    order = sorted(members)
    random.Random(seed).shuffle(order)
    wanted = round(test_fraction * len(comments))
    test_rows: set[int] = set()
    for group in order:
        if len(test_rows) >= wanted:
            break
        test_rows.update(members[group])
    train_part = [c for row, c in enumerate(comments) if row not in test_rows]
    test_part = [c for row, c in enumerate(comments) if row in test_rows]
    return train_part, test_part


def train(comments: Sequence[LabelledComment], seed: int = 0) -> ThemeClassifier:
    """A model of every v7 theme with at least MIN_EXAMPLES coded comments, and of sentiment.

    Comments with no theme coded are used for sentiment only; comments with no sentiment,
    for themes only. About 15 s for 5,500 comments on 2 cores, 20 s for 6,800.
    """
    comments = list(comments)
    coded = [c for c in comments if c.themes]
    counts = Counter(theme for c in coded for theme in c.themes)
    labels = tuple(name for name in V7_NAMES if counts[name] >= MIN_EXAMPLES)
    if not labels:
        raise ValueError(
            f"nothing to learn: no theme has {MIN_EXAMPLES} or more coded comments "
            f"({len(coded)} coded comments given)"
        )
    used = coded + [c for c in comments if not c.themes and c.sentiment is not None]
    texts, kinds, ratings = comment_inputs(used)
    features = FeatureSpace.fit(texts, kinds)
    x = features.matrix(texts, kinds, ratings)
    truth = np.array([[name in c.themes for name in labels] for c in coded], dtype=bool)
    fits = fit_themes(x[: len(coded)], truth, _groups(coded), seed)
    rated = [row for row, c in enumerate(used) if c.sentiment is not None and 1 <= c.sentiment <= 5]
    sentiment = None
    if rated:
        decisions = np.asarray(x[rated] @ np.column_stack([f.coef for f in fits]))
        decisions += np.array([f.intercept for f in fits], dtype=np.float32)
        for k, row in enumerate(rated):
            if row < len(coded):  # held-out decisions, as new comments will get
                decisions[k] = [f.held_out[row] for f in fits]
        signals = sentiment_signals(
            [texts[r] for r in rated], [kinds[r] for r in rated], [ratings[r] for r in rated]
        )
        scale = np.array([used[row].sentiment for row in rated], dtype=np.int64)
        groups = np.array([SENTIMENT_LABELS.index(scale_to_label(int(s))) for s in scale])
        sentiment = fit_sentiment(
            sentiment_features(x[rated], signals, decisions), scale, groups, seed
        )
    return ThemeClassifier.from_fits(labels, features, fits, sentiment, n_train=len(comments))


def _f1(true_positives: int, false_positives: int, false_negatives: int) -> float:
    denominator = 2 * true_positives + false_positives + false_negatives
    return 2 * true_positives / denominator if denominator else 0.0


def evaluate(model: ThemeClassifier, test: Sequence[LabelledComment]) -> Evaluation:
    """How the model's predictions agree with the coding of held-back comments."""
    test = list(test)
    predictions = model.predict(test)
    coded = [(c.themes, set(p.themes)) for c, p in zip(test, predictions, strict=True) if c.themes]
    per_theme: dict[str, ThemeScore] = {}
    counted = [0, 0, 0]  # true positives, false positives, false negatives of counted themes
    f1s = []
    for name in V7_NAMES:
        tp = sum(1 for truth, guess in coded if name in truth and name in guess)
        fp = sum(1 for truth, guess in coded if name not in truth and name in guess)
        support = sum(1 for truth, _ in coded if name in truth)
        if not support:
            continue
        fn = support - tp
        per_theme[name] = ThemeScore(
            f1=_f1(tp, fp, fn),
            precision=tp / (tp + fp) if tp + fp else 0.0,
            recall=tp / support,
            support=support,
        )
        if support >= _MACRO_SUPPORT:
            f1s.append(per_theme[name].f1)
            counted = [counted[0] + tp, counted[1] + fp, counted[2] + fn]
    agreement = [
        scale_to_label(c.sentiment) == p.sentiment
        for c, p in zip(test, predictions, strict=True)
        if c.sentiment is not None and 1 <= c.sentiment <= 5
    ]
    return Evaluation(
        macro_f1=sum(f1s) / len(f1s) if f1s else math.nan,
        micro_f1=_f1(*counted) if f1s else math.nan,
        per_theme=per_theme,
        sentiment_accuracy=sum(agreement) / len(agreement) if agreement else math.nan,
        n_train=model.n_train,
        n_test=len(test),
    )


def train_and_evaluate(
    comments: Sequence[LabelledComment], seed: int = 0, test_fraction: float = 0.2
) -> tuple[ThemeClassifier, Evaluation]:
    """(model refit on all comments, evaluation of the same recipe on a held-back part)."""
    train_part, test_part = split_by_respondent(comments, test_fraction, seed)
    evaluation = evaluate(train(train_part, seed), test_part)
    return train(comments, seed), evaluation


def suggest(model: ThemeClassifier, pool: Sequence[CommentInput], n: int) -> list[int]:
    """Indices into pool of the n comments most worth coding next, best first.

    Greedy: each pick is the comment of highest learning value, discounted by how alike it
    reads to the comments already picked (so twenty "waited hours" comments are not all asked
    about). This order is the review queue's.
    """
    n = min(n, len(pool))
    if n <= 0:
        return []
    values = np.array(model.learning_value(pool))
    candidates = np.argsort(-values, kind="stable")[: max(10 * n, 5000)]
    rows = model.similarity_rows([pool[i] for i in candidates])
    worth = values[candidates]
    nearest = np.zeros(len(candidates))
    taken = np.zeros(len(candidates), dtype=bool)
    picked: list[int] = []
    for _ in range(n):
        gain = np.where(taken, -np.inf, worth * (1.0 - _DIVERSITY * nearest))
        best = int(np.argmax(gain))
        picked.append(int(candidates[best]))
        taken[best] = True
        likeness = np.asarray((rows @ rows[best].T).todense()).ravel()
        nearest = np.maximum(nearest, np.clip(likeness, 0.0, 1.0))
    return picked
