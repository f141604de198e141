"""The theme engine: reading labelled files, splitting, training, predicting, storing, suggesting.

The tests that need the shared labelled comments (`../shared/data/themes/` beside the project)
skip when it is absent; they share one model trained on 80% of its respondents (30 s on two
idle cores), kept in the temporary folder for later runs with the same data, code and libraries.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import os
import random
import sys
import tempfile
from pathlib import Path

import numpy as np
import pytest
from scipy import __version__ as sp_version
from sklearn import __version__ as sklearn_version

import feedback.themes
from feedback.themes.framework import NO_THEME, V6_TO_V7, V7_NAMES
from feedback.themes.model import (
    LABELLED_DATA,
    CommentInput,
    Evaluation,
    LabelledComment,
    ThemeClassifier,
    ThemeScore,
    evaluate,
    read_labelled_csv,
    split_by_respondent,
    suggest,
    train,
    train_and_evaluate,
)
from feedback.themes.sentiment import SENTIMENT_LABELS, scale_to_label

NOT_POSSIBLE = "Labelling not possible"
LEADING = (
    "Comment ID,Trust,Respondent ID,Date,Service type 1,Service type 2,"
    "FFT categorical answer,FFT question,FFT answer,Person identifiable info?,Comment sentiment"
)

# Floors a little below what the shared data's seed-0 respondent split measures
# (macro-F1 0.564, micro-F1 0.741, sentiment 0.846 when written).
MACRO_FLOOR, MICRO_FLOOR, SENTIMENT_FLOOR = 0.52, 0.70, 0.82


def _shared() -> list[LabelledComment]:
    if not LABELLED_DATA.exists():
        pytest.skip(f"the shared labelled comments are not at {LABELLED_DATA.resolve()}")
    return read_labelled_csv(LABELLED_DATA)


# One worker runs every test of this file, so the shared model is trained once a run, not once
# on each worker (about a minute each on CI's two cores).
pytestmark = pytest.mark.xdist_group("shared-model")


@pytest.fixture(scope="module")
def shared_split() -> tuple[list[LabelledComment], list[LabelledComment]]:
    return split_by_respondent(_shared(), 0.2, seed=0)


def _training_key() -> str:
    """What the shared model is a function of: the data, the engine's code, the libraries."""
    key = hashlib.sha256(LABELLED_DATA.read_bytes())
    for path in sorted(Path(feedback.themes.__file__).parent.glob("*.py")):
        key.update(path.name.encode() + path.read_bytes())
    key.update(f"{sys.version} {np.__version__} {sp_version} {sklearn_version}".encode())
    return key.hexdigest()[:20]


@pytest.fixture(scope="module")
def shared_model(shared_split) -> ThemeClassifier:
    """Trained once, then kept as it is stored (`dumps`) for the next run with the same data,
    code and libraries: CI's PostgreSQL lane reuses the SQLite lane's, a minute of training
    that could not come out differently. Any change to the themes package trains it again."""
    cached = Path(tempfile.gettempdir()) / f"feedback-shared-theme-model-{_training_key()}.npz"
    if cached.is_file():
        try:
            return ThemeClassifier.loads(cached.read_bytes())
        except ValueError:
            pass  # a partial or foreign file: train again and replace it
    model = train(shared_split[0], seed=0)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(model.dumps())
    partial.replace(cached)
    return model


# --- Reading ----------------------------------------------------------------------------------


def test_reads_the_v6_file_merging_pairs_into_v7():
    comments = _shared()
    assert len(comments) == 6844  # 7,216 rows less 372 blank comments
    themes = {theme for c in comments for theme in c.themes}
    assert themes <= set(V7_NAMES)
    assert not themes & (set(V6_TO_V7) - set(V7_NAMES))
    assert {"Continuity of care", "Staffing levels & responsiveness"} <= themes
    assert {c.rating for c in comments} <= {None, 1, 2, 3, 4, 5, 6}
    assert any(c.rating is None for c in comments)  # the file's code 7
    assert {c.sentiment for c in comments} == {None, 1, 2, 3, 4, 5}
    assert all(c.text.strip() and c.respondent for c in comments)
    questions = {c.question for c in comments}
    assert "FFT Why?" in questions and "What was good?" in questions


def test_reads_a_v7_file_and_applies_merges(tmp_path: Path):
    path = tmp_path / "v7.csv"
    path.write_text(
        LEADING + ",Timeliness of care,Staff responsiveness,Continuity of care,Not assigned\n"
        'c1,NHFT,R1,01/01/2024,,,2,What was good?,"Quick, kind help",,1,1,1,,\n'
        "c2,NHFT,R2,01/01/2024,,,7,What could we do better?,More staff,,4,,1,1,\n"
        "c3,NHFT,R3,01/01/2024,,,1,What was good?,   ,,,,,,1\n"
        "c4,NHFT,,01/01/2024,,,x,,N/A,,,,,,1\n",
        encoding="utf-8-sig",  # a byte-order mark, as Excel writes
    )
    comments = read_labelled_csv(path)
    assert [c.text for c in comments] == ["Quick, kind help", "More staff", "N/A"]
    first, second, third = comments
    assert first.themes == {"Timeliness of care", "Staffing levels & responsiveness"}
    assert (first.rating, first.sentiment, first.respondent) == (2, 1, "R1")
    assert first.question == "What was good?"
    assert second.themes == {"Staffing levels & responsiveness", "Continuity of care"}
    assert (second.rating, second.sentiment) == (None, 4)  # 7 is no rating
    assert third == LabelledComment("N/A", themes=frozenset({"Not assigned"}))
    assert read_labelled_csv(io.StringIO(path.read_text(encoding="utf-8-sig"))) == comments


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Comment,Timeliness of care\nLate,1\n", "no `FFT answer` column"),
        ("FFT answer,Rating,Comment ID\nLate,1,c1\n", "no category columns"),
        ("", "no `FFT answer` column"),
    ],
)
def test_bad_files_raise_with_the_reason(content: str, message: str):
    with pytest.raises(ValueError, match=message):
        read_labelled_csv(io.StringIO(content))


# --- Splitting --------------------------------------------------------------------------------


def test_split_keeps_each_respondent_on_one_side(shared_split):
    train_part, test_part = shared_split
    assert not {c.respondent for c in train_part} & {c.respondent for c in test_part}
    assert abs(len(test_part) / (len(train_part) + len(test_part)) - 0.2) < 0.01
    again = split_by_respondent(test_part + train_part, 0.2, seed=0)[1]  # order does not matter
    assert {c.respondent for c in again} == {c.respondent for c in test_part}
    other = split_by_respondent(train_part + test_part, 0.2, seed=1)[1]
    assert {c.respondent for c in other} != {c.respondent for c in test_part}


def test_split_treats_comments_without_respondent_separately():
    comments = [LabelledComment(f"c{i}", respondent="same" if i < 5 else None) for i in range(50)]
    train_part, test_part = split_by_respondent(comments, 0.3, seed=3)
    assert len(train_part) + len(test_part) == 50 and 14 <= len(test_part) <= 19
    same = [c for c in comments if c.respondent == "same"]
    assert all(c in train_part for c in same) or all(c in test_part for c in same)
    with pytest.raises(ValueError, match="between 0 and 1"):
        split_by_respondent(comments, 1.0)


# --- A small model, no shared data needed ------------------------------------------------------

_TEMPLATES = {
    "Timeliness of care": ("waited {n} hours for the ambulance", "arrived late after {n} hours"),
    "Staff manner & personal attributes": ("the nurse was kind and caring", "staff were rude"),
    "Food & drink provision & facilities": ("the food was cold", "lovely meals and hot tea"),
}


def _synthetic(n: int, seed: int = 0, sentiment: bool = True) -> list[LabelledComment]:
    rng = random.Random(seed)
    comments = []
    for i in range(n):
        theme = rng.choice(sorted(_TEMPLATES))
        text = rng.choice(_TEMPLATES[theme]).format(n=rng.randint(2, 9))
        score = 4 if any(w in text for w in ("late", "rude", "cold", "waited")) else 1
        comments.append(
            LabelledComment(
                text,
                question=rng.choice(["FFT Why?", "What could we do better?"]),
                rating=2 if score == 1 else 4,
                themes=frozenset({theme}),
                sentiment=score if sentiment else None,
                respondent=f"r{i // 2}",
            )
        )
    return comments


def test_a_small_model_learns_and_predicts_consistently():
    model = train(_synthetic(120))
    assert model.labels == tuple(name for name in V7_NAMES if name in _TEMPLATES)
    found = model.predict(
        [
            CommentInput("we waited 6 hours", "FFT Why?", 4),
            CommentInput("the food was cold again"),
            CommentInput("a very rude nurse"),
        ]
    )
    assert [p.themes for p in found] == [
        ("Timeliness of care",),
        ("Food & drink provision & facilities",),
        ("Staff manner & personal attributes",),
    ]
    for prediction in found:
        assert set(prediction.scores) == set(model.labels)
        assert all(0.0 <= s <= 1.0 for s in prediction.scores.values())
        assert prediction.sentiment in SENTIMENT_LABELS
        assert scale_to_label(prediction.sentiment_scale) == prediction.sentiment
    assert found[0].sentiment == "negative"
    assert model.predict([]) == [] and model.learning_value([]) == []


def test_without_coded_sentiment_the_rules_give_sentiment():
    model = train(_synthetic(60, sentiment=False))
    good, unknown = model.predict(
        [CommentInput("Wonderful, kind staff", rating=1), CommentInput("12 34")]
    )
    assert (good.sentiment, unknown.sentiment, unknown.sentiment_scale) == (
        "positive",
        "neutral",
        3,
    )


def test_training_needs_a_theme_with_enough_examples():
    with pytest.raises(ValueError, match="nothing to learn"):
        train(_synthetic(4))


def test_train_and_evaluate_refits_on_everything():
    comments = _synthetic(200, seed=1)
    model, evaluation = train_and_evaluate(comments, seed=0, test_fraction=0.25)
    assert model.n_train == 200
    assert evaluation.n_train == 150 and evaluation.n_test == 50
    assert evaluation.micro_f1 > 0.9 and evaluation.sentiment_accuracy > 0.9
    assert set(evaluation.per_theme) == set(_TEMPLATES)


def test_evaluation_scores_by_hand():
    model = train(_synthetic(120))
    test = [
        LabelledComment("waited 5 hours", themes=frozenset({"Timeliness of care"}), sentiment=4),
        LabelledComment("the food was cold", themes=frozenset({"Timeliness of care"})),
        LabelledComment("staff were rude", themes=frozenset({"Patient records"}), sentiment=1),
    ]
    evaluation = evaluate(model, test)
    assert evaluation.per_theme["Timeliness of care"] == ThemeScore(2 / 3, 1.0, 0.5, 2)
    assert evaluation.per_theme["Patient records"] == ThemeScore(0.0, 0.0, 0.0, 1)
    assert "Food & drink provision & facilities" not in evaluation.per_theme  # no support
    assert math.isnan(evaluation.macro_f1)  # no theme has 5 test examples
    assert evaluation.sentiment_accuracy == 0.5
    data = json.loads(json.dumps(evaluation.to_dict(), allow_nan=False))
    back = Evaluation.from_dict(data)
    assert math.isnan(back.macro_f1) and back.per_theme == evaluation.per_theme
    assert (back.sentiment_accuracy, back.n_train, back.n_test) == (0.5, 120, 3)


# --- The model trained on the shared data ------------------------------------------------------


def test_meets_the_floors_on_held_back_respondents(shared_model, shared_split):
    evaluation = evaluate(shared_model, shared_split[1])
    assert evaluation.n_train == len(shared_split[0])
    assert evaluation.micro_f1 >= MICRO_FLOOR, evaluation.micro_f1
    assert evaluation.macro_f1 >= MACRO_FLOOR, evaluation.macro_f1
    assert evaluation.sentiment_accuracy >= SENTIMENT_FLOOR, evaluation.sentiment_accuracy
    assert {NOT_POSSIBLE, "Not assigned", "Positive experience & gratitude"} <= set(
        shared_model.labels
    )
    assert all(score.support >= 1 for score in evaluation.per_theme.values())


def test_stored_model_predicts_the_same(shared_model, shared_split):
    data = shared_model.dumps()
    assert len(data) < 6_000_000
    loaded = ThemeClassifier.loads(data)
    sample = shared_split[1][:400]
    assert loaded.labels == shared_model.labels
    assert loaded.predict(sample) == shared_model.predict(sample)
    assert loaded.learning_value(sample) == shared_model.learning_value(sample)
    with pytest.raises(ValueError, match="not a stored theme model"):
        ThemeClassifier.loads(b"not a model")


@pytest.mark.parametrize("text", ["", "   ", "-", "...", "?"])
def test_comments_with_nothing_to_read_cannot_be_labelled(shared_model, text: str):
    (prediction,) = shared_model.predict([CommentInput(text, "FFT Why?", 1)])
    assert prediction.themes == (NOT_POSSIBLE,)
    assert prediction.scores[NOT_POSSIBLE] == 1.0
    assert prediction.sentiment == "positive"  # the rating alone speaks


def test_placeholder_answers_get_the_labellers_no_theme_codes(shared_model):
    did_not, not_applicable, nothing = shared_model.predict(
        [
            CommentInput("Did not answer", "FFT Why?", 1),
            CommentInput("N/A", "What was good?", 2),
            CommentInput("Nothing", "How could we improve?", 1),
        ]
    )
    assert did_not.themes == (NOT_POSSIBLE,)
    # The labellers coded "N/A" as "Not assigned", and "Nothing" to improve as praise.
    assert len(not_applicable.themes) == 1 and not_applicable.themes[0] in NO_THEME
    assert nothing.themes == ("Positive experience & gratitude",)
    assert nothing.sentiment == "positive"


def test_predictions_keep_framework_order_and_no_theme_codes_alone(shared_model, shared_split):
    order = {name: i for i, name in enumerate(V7_NAMES)}
    for prediction in shared_model.predict(shared_split[1]):
        assert prediction.themes
        assert list(prediction.themes) == sorted(prediction.themes, key=order.__getitem__)
        if set(prediction.themes) & set(NO_THEME):
            assert len(prediction.themes) == 1


OBVIOUS = [
    "Did not answer",
    "The staff were lovely and kind",
    "They arrived quickly",
    "Very good service, thank you",
    "Friendly staff",
    "Arrived on time",
]
RARE = [
    "I was detained under the Mental Health Act and nobody explained my rights",
    "The television in the lounge was broken and there was no wifi",
    "Staff did not respect my religion and culture",
    "I did not feel safe on the ward at night",
    "The noise on the ward kept me awake all night",
]


def test_suggest_prefers_rare_themes_and_varied_wording(shared_model):
    pool = [CommentInput(text) for text in OBVIOUS * 4 + RARE + [RARE[0]] * 4]
    picked = suggest(shared_model, pool, 5)
    assert len(picked) == len(set(picked)) == 5
    assert all(0 <= i < len(pool) for i in picked)
    assert sum(pool[i].text in RARE for i in picked) >= 4, [pool[i].text for i in picked]
    assert sum(pool[i].text == RARE[0] for i in picked) <= 1  # copies add nothing
    values = shared_model.learning_value(pool)
    obvious, rare = values[: len(OBVIOUS)], values[len(OBVIOUS) * 4 : len(OBVIOUS) * 4 + len(RARE)]
    assert sum(rare) / len(rare) > 3 * sum(obvious) / len(obvious)
    assert values[0] == 0.0 or values[0] < min(rare)  # "Did not answer"
    assert all(0.0 <= v <= 1.0 for v in values)
    assert suggest(shared_model, pool, 0) == []
    assert sorted(suggest(shared_model, pool[:3], 10)) == [0, 1, 2]
