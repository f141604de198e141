"""Fitting the theme engine's models on feature matrices (no comments, no labels' names here).

Per theme: a linear SVM (class weights balanced, as rare themes need) whose decision threshold is
the one that maximised the theme's F1 on cross-validated decisions over the training comments
(folds by respondent, so a person's two answers never sit either side of a fold), and a sigmoid
(Platt) fitted on those same decisions, for a 0-1 score. Sentiment: a linear SVM over the three
classes (positive, mixed, negative) and a multinomial logistic regression over the labellers'
5-point scale (which point, within the class), both also reading the themes' decisions
(cross-validated ones for the training comments, as the themes' thresholds are).

Weights are rounded to float16 precision as they are fitted, so a stored model (which keeps them
in float16) predicts exactly what the model that was trained does.
"""

from __future__ import annotations

import os
import random
import warnings
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

__all__ = [
    "LabelFit",
    "SentimentFit",
    "best_threshold",
    "fit_sentiment",
    "fit_themes",
    "folds_by_group",
]

THEME_C = 0.5
SENTIMENT_C = 4.0
SENTIMENT_LABEL_C = 0.2
FOLDS = 5


def _half(values: np.ndarray) -> np.ndarray:
    """float32 values rounded to what float16 stores (saturating, never inf)."""
    limit = np.finfo(np.float16).max
    return np.clip(values, -limit, limit).astype(np.float16).astype(np.float32)


def workers() -> int:
    """Threads for training: the cores this process may use (liblinear releases the GIL)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


def folds_by_group(groups: Sequence[str], k: int, seed: int) -> list[np.ndarray]:
    """Row indices of each of up to k folds; every group's rows in one fold, sizes balanced."""
    members: dict[str, list[int]] = {}
    for row, group in enumerate(groups):
        members.setdefault(group, []).append(row)
    order = sorted(members)
    random.Random(seed).shuffle(order)
    k = min(k, len(order))
    folds: list[list[int]] = [[] for _ in range(k)]
    for group in sorted(order, key=lambda g: -len(members[g])):  # stable: biggest first
        min(folds, key=len).extend(members[group])
    return [np.array(sorted(fold), dtype=np.int64) for fold in folds if fold]


@dataclass(frozen=True)
class LabelFit:
    coef: np.ndarray  # (n_features,) float32, float16-exact
    intercept: float
    threshold: float  # on the decision value
    slope: float  # Platt: score = 1 / (1 + exp(-(slope * decision + offset)))
    offset: float
    positives: int
    cv_f1: float
    held_out: np.ndarray  # the cross-validated decisions on the training comments


def _svm(seed: int) -> LinearSVC:
    return LinearSVC(C=THEME_C, class_weight="balanced", random_state=seed, max_iter=2000)


def best_threshold(decisions: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """(threshold, F1): the cut of the decisions that maximises F1 against truth."""
    order = np.argsort(-decisions, kind="stable")
    ranked, hits = decisions[order], truth[order].astype(np.float64)
    positives = hits.sum()
    if positives == 0:
        return float(ranked[0]) + 1.0, 0.0
    true_positives = np.cumsum(hits)
    f1 = 2 * true_positives / (np.arange(1, len(ranked) + 1) + positives)
    # Only cut between different values: ties go together.
    cut = np.append(ranked[1:] != ranked[:-1], True)
    f1 = np.where(cut, f1, -1.0)
    best = int(np.argmax(f1))
    below = ranked[best + 1] if best + 1 < len(ranked) else ranked[best] - 1.0
    return float((ranked[best] + below) / 2), float(f1[best])


def _platt(decisions: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    if truth.all() or not truth.any():
        return 1.0, 0.0
    fit = LogisticRegression(C=100.0).fit(decisions.reshape(-1, 1), truth)
    slope, offset = float(fit.coef_[0, 0]), float(fit.intercept_[0])
    return (slope, offset) if slope > 0 else (1.0, 0.0)


def _fit_label(x: sp.csr_matrix, truth: np.ndarray, folds: list[np.ndarray], seed: int) -> LabelFit:
    decisions = np.full(len(truth), -1.0)
    everyone = np.arange(len(truth))
    if len(folds) > 1:
        for fold in folds:
            rest = np.setdiff1d(everyone, fold, assume_unique=True)
            if truth[rest].any() and not truth[rest].all():
                decisions[fold] = _svm(seed).fit(x[rest], truth[rest]).decision_function(x[fold])
    final = _svm(seed).fit(x, truth)
    if len(folds) > 1:
        threshold, cv_f1 = best_threshold(decisions, truth)
    else:  # too few respondents to cross-validate: the SVM's own boundary
        threshold, cv_f1, decisions = 0.0, float("nan"), final.decision_function(x)
    slope, offset = _platt(decisions, truth)
    return LabelFit(
        coef=_half(final.coef_.ravel().astype(np.float32)),
        intercept=float(_half(np.float32(final.intercept_[0]))),
        threshold=threshold,
        slope=slope,
        offset=offset,
        positives=int(truth.sum()),
        cv_f1=cv_f1,
        held_out=decisions.astype(np.float32),
    )


def fit_themes(
    x: sp.csr_matrix, truth: np.ndarray, groups: Sequence[str], seed: int
) -> list[LabelFit]:
    """One LabelFit per column of the (n_comments, n_labels) boolean truth, on all cores."""
    folds = folds_by_group(groups, FOLDS, seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        with ThreadPoolExecutor(max_workers=workers()) as pool:
            jobs = [
                pool.submit(_fit_label, x, truth[:, j], folds, seed) for j in range(truth.shape[1])
            ]
            return [job.result() for job in jobs]


@dataclass(frozen=True)
class SentimentFit:
    classes: tuple[int, ...]  # the 1-5 scale points seen in training
    coef: np.ndarray  # (n_features, n_classes) float32, float16-exact
    intercept: np.ndarray  # (n_classes,)
    # A linear SVM on the 3 classes (positive, neutral, negative), which agrees with the
    # labellers more often than the logistic regression's grouped probabilities; None unless
    # training had all three.
    label_coef: np.ndarray | None
    label_intercept: np.ndarray | None


def _binary_as_two(coef: np.ndarray, intercept: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn keeps one column for two classes: as two, opposite."""
    if coef.shape[1] == 1:
        coef = np.hstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2], dtype=np.float32)
    return coef, intercept


def _fit_scale(x: sp.csr_matrix, scale: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    fit = LogisticRegression(C=SENTIMENT_C, max_iter=1000).fit(x, scale)
    return _binary_as_two(fit.coef_.T.astype(np.float32), fit.intercept_.astype(np.float32))


def _fit_three(x: sp.csr_matrix, groups: np.ndarray, seed: int) -> tuple[np.ndarray, np.ndarray]:
    fit = LinearSVC(C=SENTIMENT_LABEL_C, random_state=seed, max_iter=2000).fit(x, groups)
    return fit.coef_.T.astype(np.float32), fit.intercept_.astype(np.float32)


def fit_sentiment(
    x: sp.csr_matrix, scale: np.ndarray, groups: np.ndarray, seed: int
) -> SentimentFit | None:
    """The scale points' logistic regression and the 3-class SVM, side by side; None with
    under two scale points. groups: 0, 1, 2 (positive, neutral, negative) per comment."""
    classes = np.unique(scale)
    if len(classes) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        with ThreadPoolExecutor(max_workers=min(2, workers())) as pool:
            scale_job = pool.submit(_fit_scale, x, scale)
            three = len(np.unique(groups)) == 3
            label_job = pool.submit(_fit_three, x, groups, seed) if three else None
            coef, intercept = scale_job.result()
            label = label_job.result() if label_job is not None else None
    return SentimentFit(
        classes=tuple(int(c) for c in classes),
        coef=_half(coef),
        intercept=_half(intercept),
        label_coef=_half(label[0]) if label else None,
        label_intercept=_half(label[1]) if label else None,
    )
