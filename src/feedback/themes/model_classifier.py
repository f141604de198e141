"""The trained theme and sentiment model: prediction, learning value, storage.

See `feedback.themes.model` for how it is trained and what it predicts.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from feedback.themes.features import FeatureSpace, has_letters, sentiment_signals
from feedback.themes.framework import NO_THEME
from feedback.themes.model_fit import LabelFit, SentimentFit
from feedback.themes.model_types import CommentInput, Prediction
from feedback.themes.sentiment import SENTIMENT_LABELS, rule_sentiment, scale_to_label
from feedback.themes.sentiment import question_kind as _question_kind

__all__ = ["LABELLING_NOT_POSSIBLE", "ThemeClassifier", "comment_inputs", "question_kind"]

LABELLING_NOT_POSSIBLE = "Labelling not possible"
_FORMAT = "feedback.themes.model/1"


@lru_cache(maxsize=256)
def question_kind(question: str | None) -> str:
    return _question_kind(question)


def _valid(value: int | None, low: int, high: int) -> int | None:
    return value if value is not None and low <= value <= high else None


def comment_inputs(
    comments: Sequence[CommentInput],
) -> tuple[list[str], list[str], list[int | None]]:
    """Texts, question kinds and valid ratings (1-6, else None) of comments."""
    texts = [comment.text or "" for comment in comments]
    kinds = [question_kind(comment.question) for comment in comments]
    ratings = [_valid(comment.rating, 1, 6) for comment in comments]
    return texts, kinds, ratings


STACK_WEIGHT = 0.1  # the themes' decisions, as features of sentiment


def sentiment_features(
    x: sp.csr_matrix, signals: np.ndarray, decisions: np.ndarray
) -> sp.csr_matrix:
    """The sentiment model's rows: the comment's features, its signals, the themes' decisions."""
    extra = np.hstack([signals, decisions * STACK_WEIGHT]).astype(np.float32)
    return sp.hstack([x, sp.csr_matrix(extra)], format="csr")


def _sigmoid(values: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(values, -40.0, 40.0)))


class ThemeClassifier:
    """A trained theme and sentiment model (made by `train` or `loads`)."""

    labels: tuple[str, ...]
    n_train: int

    def __init__(
        self,
        *,
        labels: Sequence[str],
        features: FeatureSpace,
        arrays: dict[str, np.ndarray],
        sentiment_classes: Sequence[int] | None,
        n_train: int,
    ) -> None:
        self.labels = tuple(labels)
        self.n_train = n_train
        self._features = features
        self._weights = np.asarray(arrays["weights"], dtype=np.float32)  # (n_features, n_labels)
        self._intercepts = np.asarray(arrays["intercepts"], dtype=np.float32)
        self._cuts = np.asarray(arrays["cuts"], dtype=np.float64)  # decision thresholds
        self._slopes = np.asarray(arrays["slopes"], dtype=np.float64)
        self._offsets = np.asarray(arrays["offsets"], dtype=np.float64)
        self._positives = np.asarray(arrays["positives"], dtype=np.int64)
        self._sentiment_classes = tuple(sentiment_classes) if sentiment_classes else None
        if self._sentiment_classes:
            self._sentiment_weights = np.asarray(arrays["sentiment_weights"], dtype=np.float32)
            self._sentiment_intercepts = np.asarray(
                arrays["sentiment_intercepts"], dtype=np.float32
            )
        self._label_weights = (
            np.asarray(arrays["label_weights"], dtype=np.float32)
            if "label_weights" in arrays
            else None
        )
        self._label_intercepts = (
            np.asarray(arrays["label_intercepts"], dtype=np.float32)
            if "label_intercepts" in arrays
            else None
        )
        self._no_theme = [j for j, name in enumerate(self.labels) if name in NO_THEME]
        self._unlabellable = (
            self.labels.index(LABELLING_NOT_POSSIBLE)
            if LABELLING_NOT_POSSIBLE in self.labels
            else None
        )

    @classmethod
    def from_fits(
        cls,
        labels: Sequence[str],
        features: FeatureSpace,
        fits: Sequence[LabelFit],
        sentiment: SentimentFit | None,
        n_train: int,
    ) -> ThemeClassifier:
        arrays = {
            "weights": np.column_stack([fit.coef for fit in fits]),
            "intercepts": np.array([fit.intercept for fit in fits], dtype=np.float32),
            "cuts": np.array([fit.threshold for fit in fits]),
            "slopes": np.array([fit.slope for fit in fits]),
            "offsets": np.array([fit.offset for fit in fits]),
            "positives": np.array([fit.positives for fit in fits]),
        }
        if sentiment is not None:
            arrays["sentiment_weights"] = sentiment.coef
            arrays["sentiment_intercepts"] = sentiment.intercept
            if sentiment.label_coef is not None and sentiment.label_intercept is not None:
                arrays["label_weights"] = sentiment.label_coef
                arrays["label_intercepts"] = sentiment.label_intercept
        classes = sentiment.classes if sentiment is not None else None
        return cls(
            labels=labels,
            features=features,
            arrays=arrays,
            sentiment_classes=classes,
            n_train=n_train,
        )

    @property
    def thresholds(self) -> dict[str, float]:
        """The score each theme must reach to be predicted (tuned per theme in training)."""
        cut_scores = _sigmoid(self._slopes * self._cuts + self._offsets)
        return dict(zip(self.labels, (float(s) for s in cut_scores), strict=True))

    def _decisions(self, comments: Sequence[CommentInput]) -> tuple[sp.csr_matrix, np.ndarray]:
        x = self._features.matrix(*comment_inputs(comments))
        return x, np.asarray(x @ self._weights) + self._intercepts

    def _choose(self, decisions: np.ndarray, blank: np.ndarray) -> np.ndarray:
        margins = decisions - self._cuts
        chosen = margins >= 0
        nothing = ~chosen.any(axis=1)
        chosen[nothing, np.argmax(margins[nothing], axis=1)] = True
        if self._no_theme:
            codes = np.array(self._no_theme)
            real = chosen.copy()
            real[:, codes] = False
            chosen[np.ix_(real.any(axis=1), codes)] = False
            several = chosen[:, codes].sum(axis=1) > 1
            if several.any():
                keep = codes[np.argmax(margins[np.ix_(several, codes)], axis=1)]
                chosen[np.ix_(several, codes)] = False
                chosen[np.flatnonzero(several), keep] = True
        if self._unlabellable is not None and blank.any():
            chosen[blank] = False
            chosen[blank, self._unlabellable] = True
        return chosen

    def _sentiment_probabilities(
        self, x: sp.csr_matrix, decisions: np.ndarray, comments: Sequence[CommentInput]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Per comment its class (0, 1, 2: positive, neutral, negative), the (n, points)
        probabilities of the scale points, and each point's class; None with no model."""
        if not self._sentiment_classes:
            return None
        signals = sentiment_signals(*comment_inputs(comments))
        extra = np.hstack([signals, decisions * STACK_WEIGHT]).astype(np.float32)
        width = x.shape[1]
        logits = (
            np.asarray(x @ self._sentiment_weights[:width])
            + extra @ self._sentiment_weights[width:]
            + self._sentiment_intercepts
        )
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        probabilities = odds / odds.sum(axis=1, keepdims=True)
        groups = np.array(
            [SENTIMENT_LABELS.index(scale_to_label(c)) for c in self._sentiment_classes]
        )
        if self._label_weights is not None and self._label_intercepts is not None:
            label_scores = (
                np.asarray(x @ self._label_weights[:width])
                + extra @ self._label_weights[width:]
                + self._label_intercepts
            )
        else:  # the scale points' probabilities, summed by class
            label_scores = np.zeros((len(comments), 3))
            for column, group in enumerate(groups):
                label_scores[:, group] += probabilities[:, column]
        return np.argmax(label_scores, axis=1), probabilities, groups

    def predict(self, comments: Sequence[CommentInput]) -> list[Prediction]:
        """Themes, scores and sentiment for each comment, in order."""
        if not comments:
            return []
        x, decisions = self._decisions(comments)
        blank = np.array([not has_letters(comment.text or "") for comment in comments])
        chosen = self._choose(decisions, blank)
        scores = _sigmoid(self._slopes * decisions + self._offsets)
        if self._unlabellable is not None:
            scores[blank, self._unlabellable] = 1.0
        sentiments = self._sentiments(x, decisions, comments)
        if self._unlabellable is not None:
            # Nothing to read ("Did not answer", "-"): the labellers gave no sentiment, so the
            # rating alone speaks, or nothing does.
            unread = chosen[:, self._unlabellable]
            for row in np.flatnonzero(unread):
                c = comments[row]
                sentiments[row] = rule_sentiment("", c.rating, c.question) or ("neutral", 3)
        labels = self.labels
        return [
            Prediction(
                themes=tuple(labels[j] for j in np.flatnonzero(row)),
                scores=dict(zip(labels, row_scores.tolist(), strict=True)),
                sentiment=label,
                sentiment_scale=scale,
            )
            for row, row_scores, (label, scale) in zip(chosen, scores, sentiments, strict=True)
        ]

    def _sentiments(
        self, x: sp.csr_matrix, decisions: np.ndarray, comments: Sequence[CommentInput]
    ) -> list[tuple[str, int]]:
        found = self._sentiment_probabilities(x, decisions, comments)
        if found is None:
            return [
                rule_sentiment(c.text or "", c.rating, c.question) or ("neutral", 3)
                for c in comments
            ]
        best, probabilities, groups = found
        within = np.where(groups[None, :] == best[:, None], probabilities, -1.0)
        scales = np.array(self._sentiment_classes)[np.argmax(within, axis=1)]
        return [(SENTIMENT_LABELS[b], int(s)) for b, s in zip(best, scales, strict=True)]

    def learning_value(self, comments: Sequence[CommentInput]) -> list[float]:
        """0-1 per comment: how much coding it would teach the model (higher = more).

        The examples of thinly coded themes the comment is expected to hold: its score for each
        theme, counted in inverse proportion to the comments already coded with that theme
        (a likely "Parking" comment, when 6 are coded, is worth 100 likely "Timeliness of care"
        ones, when 600 are), scaled so a comment scoring 1 on every theme is worth 1. On the
        learning curve of benchmarks/themes.py this taught more than uncertainty about each
        theme's threshold did. A comment with no letters teaches nothing.
        """
        if not comments:
            return []
        _, decisions = self._decisions(comments)
        scores = _sigmoid(self._slopes * decisions + self._offsets)
        weights = 1.0 / np.maximum(self._positives, 1)
        value = scores @ weights / weights.sum()
        blank = np.array([not has_letters(comment.text or "") for comment in comments])
        value[blank] = 0.0
        return [float(v) for v in value]

    def similarity_rows(self, comments: Sequence[CommentInput]) -> sp.csr_matrix:
        """Unit-length feature rows: their dot products say how alike two comments read."""
        x = self._features.matrix(*comment_inputs(comments))
        norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
        return sp.diags(1.0 / np.maximum(norms, 1e-9)) @ x

    def dumps(self) -> bytes:
        """The model as bytes: a compressed numpy archive of arrays and word lists."""
        meta, arrays = self._features.to_state()
        meta = {
            "format": _FORMAT,
            "labels": list(self.labels),
            "n_train": self.n_train,
            "sentiment_classes": list(self._sentiment_classes or []),
            "features": meta,
        }
        arrays = dict(arrays)
        arrays["weights"] = self._weights.astype(np.float16)
        arrays["intercepts"] = self._intercepts
        arrays["cuts"], arrays["slopes"], arrays["offsets"] = (
            self._cuts,
            self._slopes,
            self._offsets,
        )
        arrays["positives"] = self._positives
        if self._sentiment_classes:
            arrays["sentiment_weights"] = self._sentiment_weights.astype(np.float16)
            arrays["sentiment_intercepts"] = self._sentiment_intercepts
        if self._label_weights is not None and self._label_intercepts is not None:
            arrays["label_weights"] = self._label_weights.astype(np.float16)
            arrays["label_intercepts"] = self._label_intercepts
        arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def loads(cls, data: bytes) -> ThemeClassifier:
        """The model `dumps` gave; ValueError if the bytes are not one."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as archive:
                arrays = {name: archive[name] for name in archive.files}
            meta = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
        except (OSError, ValueError, KeyError, EOFError) as error:
            raise ValueError(f"not a stored theme model: {error}") from error
        if not isinstance(meta, dict) or meta.get("format") != _FORMAT:
            found = meta.get("format") if isinstance(meta, dict) else None
            raise ValueError(f"not a stored theme model (format {found!r})")
        try:
            return cls(
                labels=meta["labels"],
                features=FeatureSpace.from_state(meta["features"], arrays),
                arrays=arrays,
                sentiment_classes=meta["sentiment_classes"] or None,
                n_train=int(meta["n_train"]),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"a damaged stored theme model: {error!r}") from error
