"""Sentiment with no trained model: the rating, TextBlob and the question kind."""

from __future__ import annotations

import pytest
from textblob import TextBlob

from feedback.themes.model import LABELLED_DATA, read_labelled_csv
from feedback.themes.sentiment import (
    fast_polarity,
    question_kind,
    rule_sentiment,
    scale_to_label,
)

URDU_THANKS = "عملے کا بہت شکریہ"  # "many thanks to the staff": TextBlob reads no sentiment in it


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("FFT Why?", "why"),
        ("Please tell us why you gave that answer", "why"),
        ("How could we improve?", "improve"),
        ("What could we do better?", "improve"),
        ("What was good?", "good"),
        ("What did we do well?", "good"),
        (
            "Please describe any things about the 111 service that\nyou were particularly "
            "satisfied and/or dissatisfied with",
            "other",
        ),
        ("Any other comments?", "other"),
        ("", "other"),
        (None, "other"),
    ],
)
def test_question_kind(question, kind):
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("text", "rating", "question", "label"),
    [
        ("The staff were wonderful, kind and caring", None, "What was good?", "positive"),
        ("Excellent service, thank you", 1, "FFT Why?", "positive"),
        ("Rude staff and a terrible wait, we waited five hours", None, "FFT Why?", "negative"),
        ("Awful. Nobody listened and the care was poor", 5, "FFT Why?", "negative"),
        ("Nothing", None, "How could we improve?", "positive"),
        ("Good care but the food was awful", 2, "FFT Why?", "neutral"),
        ("Staff were kind, however the ward was dirty", 3, "What was good?", "neutral"),
        (URDU_THANKS, 1, "FFT Why?", "positive"),
        (URDU_THANKS, 5, "FFT Why?", "negative"),
    ],
)
def test_rule_sentiment(text, rating, question, label):
    found = rule_sentiment(text, rating, question)
    assert found is not None
    assert found[0] == label
    assert scale_to_label(found[1]) == label and 1 <= found[1] <= 5


def test_very_sure_is_the_end_of_the_scale():
    assert rule_sentiment("Excellent, brilliant, wonderful staff", 1, "FFT Why?") == (
        "positive",
        1,
    )
    assert rule_sentiment("Terrible, rude and useless", 5, "FFT Why?") == ("negative", 5)


@pytest.mark.parametrize(
    ("text", "rating"),
    [(URDU_THANKS, None), (URDU_THANKS, 6), ("12/05/2023", None), ("", None), ("...", 7)],
)
def test_nothing_to_go_on_is_none(text, rating):
    assert rule_sentiment(text, rating, "FFT Why?") is None


def test_fast_polarity_is_textblobs():
    for text in (
        "The staff were not very helpful",
        "Brilliant service!",
        "I didn't like the food",
        "Never again, awful",
        "Nothing to add",
    ):
        blob = TextBlob(text).sentiment_assessments
        polarity, subjectivity, assessed = fast_polarity(text)
        assert polarity == pytest.approx(blob.polarity)
        assert subjectivity == pytest.approx(blob.subjectivity)
        assert assessed == len(blob.assessments)


def test_rules_agree_with_the_labellers_more_than_the_rating_does():
    if not LABELLED_DATA.exists():
        pytest.skip(f"the shared labelled comments are not at {LABELLED_DATA.resolve()}")
    coded = [c for c in read_labelled_csv(LABELLED_DATA) if c.sentiment is not None]
    truth = [scale_to_label(c.sentiment) for c in coded]  # type: ignore[arg-type]
    by_rating = [
        scale_to_label(c.rating) if c.rating and c.rating <= 5 else "positive" for c in coded
    ]
    by_rule = []
    for c in coded:
        found = rule_sentiment(c.text, c.rating, c.question)
        by_rule.append(found[0] if found else "neutral")
    rating_agreement = sum(a == b for a, b in zip(by_rating, truth, strict=True)) / len(coded)
    rule_agreement = sum(a == b for a, b in zip(by_rule, truth, strict=True)) / len(coded)
    # Measured: rating alone 0.69, the rules 0.79 (5,618 coded comments).
    assert rating_agreement < 0.72
    assert rule_agreement >= 0.77
    assert rule_agreement >= rating_agreement + 0.07
