"""Comment sentiment with no trained model: the FFT rating, TextBlob's polarity and the question.

`rule_sentiment` is what a fresh install shows before any comment has been coded. It weighs, with
a small fixed table of weights (a three-class logistic model fitted once on the labelled FFT
comments, see `_WEIGHTS`):

- the FFT rating (1 very good ... 5 very poor; 6 "don't know" and anything else count as none);
- TextBlob's polarity of the text, and whether TextBlob found any sentiment word at all
  (it reads English only: Urdu, Polish or a row of dots score 0.0, so the rating decides then);
- a few English complaint cues TextBlob's lexicon does not score ("waited", "late", "should",
  "more", "didn't", ...) and a "but"/"however" that marks a mixed comment;
- the question kind (`question_kind`): "Nothing" answering "How could we improve?" is praise.

The result is the labellers' 5-point scale (1 very positive ... 5 very negative, 3 mixed) and its
3-class label. With no rating and no English sentiment word there is nothing to go on: None.

`text_signals` and `fast_polarity` are the same signals for many comments at once, used as
features by the trained model (`feedback.themes.model`); `fast_polarity` is TextBlob's own
lexicon and negation rules on a quick tokenisation (about 7x faster, the same polarity on 99%
of the labelled comments).
"""

from __future__ import annotations

import math
import re

from textblob import TextBlob
from textblob.en import sentiment as _pattern_sentiment

__all__ = [
    "QUESTION_KINDS",
    "SENTIMENT_LABELS",
    "fast_polarity",
    "question_kind",
    "rule_sentiment",
    "scale_to_label",
    "text_signals",
]

QUESTION_KINDS = ("why", "improve", "good", "other")
SENTIMENT_LABELS = ("positive", "neutral", "negative")

_IMPROVE = re.compile(
    r"improve|better|differently|change|could we|should we|suggest|would have made|wish",
    re.IGNORECASE,
)
_GOOD = re.compile(
    r"\bgood\b|\bwell\b|\blike(?:d)?\b|\bbest\b|positive|enjoy|helpful|(?<!dis)satisf",
    re.IGNORECASE,
)
_BAD = re.compile(r"dissatisf|\bbad\b|\bpoor\b|negative|unhappy|complain", re.IGNORECASE)
_WHY = re.compile(r"\bwhy\b|reason|explain|tell us more|main thing", re.IGNORECASE)

_NEGATIVE_CUES = re.compile(
    r"\b(?:wait\w*|late|hours?|long(?:er)?|delay\w*|rude|never|didn'?t|did not|wasn'?t|"
    r"weren'?t|not|no one|nobody|poor\w*|bad|worse|worst|unhelpful|should|could|lack\w*|"
    r"more|better|improve\w*|too|cancel\w*|needs?|only|less)\b",
    re.IGNORECASE,
)
_NOTHING = re.compile(
    r"^\W*(?:nothing|none|no|not really|can'?t think|n/?a|everything|all good|no complaints|"
    r"not a thing|keep)\b",
    re.IGNORECASE,
)
_BUT = re.compile(r"\b(?:but|however|although|though|except|apart from)\b", re.IGNORECASE)
# Words as TextBlob's tokeniser splits them ("didn't" -> "did", "n't"), "!" and simple smileys.
_TOKEN = re.compile(r"n't|[a-z]+(?=n't)|[a-z]+(?:'[a-z]+)?|!|[:;=8][-o^']?[()dp/\\|]", re.I)


def question_kind(question: str | None) -> str:
    """What the free-text question asks for, by its wording: "why", "improve", "good", "other".

    "FFT Why?" and "Please tell us why" are "why"; "How could we improve?" and "What could we do
    better?" are "improve"; "What was good?" and "What did we do well?" are "good"; a question
    that asks for both the good and the bad ("satisfied and/or dissatisfied"), or none, is "other".
    """
    if not question or not question.strip():
        return "other"
    if _IMPROVE.search(question):
        return "improve"
    good, bad = bool(_GOOD.search(question)), bool(_BAD.search(question))
    if good and not bad:
        return "good"
    if good or bad:
        return "other"
    return "why" if _WHY.search(question) else "other"


def fast_polarity(text: str) -> tuple[float, float, int]:
    """TextBlob's (polarity, subjectivity) and how many sentiment words it scored, quickly."""
    words = [word.lower() for word in _TOKEN.findall(text)]
    if not words:
        return 0.0, 0.0, 0
    score = _pattern_sentiment(words)
    return float(score[0]), float(score[1]), len(score.assessments)


def text_signals(text: str, kind: str) -> tuple[int, bool, bool]:
    """(complaint cues, capped at 3; a "nothing to improve" answer; a "but" that mixes)."""
    cues = min(len(_NEGATIVE_CUES.findall(text)), 3)
    nothing = kind == "improve" and _NOTHING.match(text) is not None
    return cues, nothing, _BUT.search(text) is not None


# Logits of (positive, neutral, negative): an intercept, then one weight per signal.
_WEIGHTS: dict[str, tuple[float, float, float]] = {
    "intercept": (-0.37, 0.10, 0.27),
    "rating 1": (1.59, -0.35, -1.24),
    "rating 2": (0.31, -0.00, -0.31),
    "rating 3": (-0.64, 0.12, 0.52),
    "rating 4": (-1.07, -0.01, 1.08),
    "rating 5": (-1.04, -0.10, 1.13),
    "polarity": (2.27, -0.66, -1.60),
    "has words": (0.08, -0.26, 0.18),
    "cues": (-0.53, -0.02, 0.55),
    "nothing to improve": (1.57, -0.69, -0.88),
    "but": (-0.77, 1.02, -0.25),
    "improve question": (-0.22, -0.19, 0.40),
    "good question": (1.25, -0.09, -1.16),
}
_CONFIDENT = 0.75  # a class this probable is "very" (1 or 5) rather than 2 or 4


def scale_to_label(scale: int) -> str:
    """The 3-class label of a point on the labellers' 5-point scale."""
    return "positive" if scale <= 2 else "neutral" if scale == 3 else "negative"


def rule_sentiment(text: str, rating: int | None, question: str | None) -> tuple[str, int] | None:
    """(label, 1-5 scale) from the rating, TextBlob and the question; None with nothing to go on."""
    rating = rating if rating is not None and 1 <= rating <= 5 else None
    kind = question_kind(question)
    text = text or ""
    blob = TextBlob(text).sentiment_assessments
    has_words = bool(blob.assessments)
    cues, nothing, but = text_signals(text, kind)
    if rating is None and not (has_words or cues or nothing):
        return None
    signals = {
        f"rating {rating}": 1.0 if rating else 0.0,
        "polarity": float(blob.polarity),
        "has words": float(has_words),
        "cues": float(cues),
        "nothing to improve": float(nothing),
        "but": float(but),
        "improve question": float(kind == "improve"),
        "good question": float(kind == "good"),
    }
    logits = list(_WEIGHTS["intercept"])
    for name, value in signals.items():
        if value and name in _WEIGHTS:
            logits = [
                logit + value * weight for logit, weight in zip(logits, _WEIGHTS[name], strict=True)
            ]
    top = max(logits)
    odds = [math.exp(logit - top) for logit in logits]
    best = odds.index(max(odds))
    confident = odds[best] / sum(odds) >= _CONFIDENT
    scale = (2, 3, 4)[best] + ((-1, 0, 1)[best] if confident else 0)
    return SENTIMENT_LABELS[best], scale
