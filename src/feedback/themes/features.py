"""What the theme and sentiment models read in a comment, as one sparse matrix row.

- words and word pairs, and character 2-5-grams inside words (spelling slips, "sooner"/"soon"),
  each TF-IDF with a log term count and unit-length rows;
- the words again, tagged with the kind of question they answer ("improve_nothing" is praise,
  "why_nothing" is not), at half weight;
- the question kind and the FFT rating, one-hot.

The sentiment model adds `sentiment_signals`: the question kind crossed with the rating,
TextBlob's polarity and the complaint cues of `feedback.themes.sentiment`.

Everything is plain arrays and word lists (`to_state`/`from_state`), so a stored model loads
without pickle and whichever scikit-learn version is installed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from feedback.themes.sentiment import QUESTION_KINDS, fast_polarity, text_signals

__all__ = ["FeatureSpace", "has_letters"]

_WORD = re.compile(r"(?u)\b\w\w+\b")
_LETTER = re.compile(r"[^\W\d_]")
_RATINGS = 7  # no rating, then FFT codes 1-6
_QUESTION_WORD_WEIGHT = 0.5
_MIN_DF = 1  # every term: a rare word still tells the SVM about its one comment


def has_letters(text: str) -> bool:
    """Whether a comment has any letter at all ("-", "...", "" and "0" do not)."""
    return _LETTER.search(text) is not None


def _rating_index(rating: int | None) -> int:
    return rating if rating is not None and 1 <= rating <= 6 else 0


def _question_words(text: str, kind: str) -> str:
    return " ".join(f"{kind}_{word}" for word in _WORD.findall(text.lower()))


@dataclass
class _Tfidf:
    """TF-IDF over a fixed vocabulary: 1 + log(count), times idf, rows scaled to length 1."""

    analyzer: str
    ngrams: tuple[int, int]
    terms: list[str]
    idf: np.ndarray
    _counter: CountVectorizer | None = field(default=None, repr=False, compare=False)

    @classmethod
    def fit(cls, texts: Sequence[str], analyzer: str, ngrams: tuple[int, int]) -> _Tfidf:
        options = cls._options(analyzer, ngrams)
        vectoriser = TfidfVectorizer(sublinear_tf=True, min_df=_MIN_DF, **options)
        try:
            vectoriser.fit(texts)
        except ValueError:  # no term in two comments: an empty vocabulary
            return cls(analyzer, ngrams, [], np.zeros(0, dtype=np.float32))
        terms = sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.__getitem__)
        return cls(analyzer, ngrams, terms, vectoriser.idf_.astype(np.float32))

    @staticmethod
    def _options(analyzer: str, ngrams: tuple[int, int]) -> dict[str, Any]:
        if analyzer == "tagged":  # words already lower-cased and tagged with the question kind
            return {"token_pattern": r"\S+", "lowercase": False, "ngram_range": ngrams}
        return {"analyzer": analyzer, "ngram_range": ngrams, "lowercase": True}

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        if not self.terms:
            return sp.csr_matrix((len(texts), 0), dtype=np.float32)
        if self._counter is None:
            options = self._options(self.analyzer, self.ngrams)
            self._counter = CountVectorizer(vocabulary=self.terms, dtype=np.float32, **options)
        counts = self._counter.transform(texts)
        counts.data = (1.0 + np.log(counts.data)) * self.idf[counts.indices]
        return normalize(counts, copy=False)

    def to_state(self) -> dict[str, Any]:
        return {"analyzer": self.analyzer, "ngrams": list(self.ngrams), "terms": self.terms}


@dataclass
class FeatureSpace:
    """The fitted vocabularies; `matrix` turns comments into the models' rows."""

    words: _Tfidf
    chars: _Tfidf
    tagged: _Tfidf

    @classmethod
    def fit(cls, texts: Sequence[str], kinds: Sequence[str]) -> FeatureSpace:
        tagged = [_question_words(text, kind) for text, kind in zip(texts, kinds, strict=True)]
        return cls(
            words=_Tfidf.fit(texts, "word", (1, 2)),
            chars=_Tfidf.fit(texts, "char_wb", (2, 5)),
            tagged=_Tfidf.fit(tagged, "tagged", (1, 1)),
        )

    @property
    def width(self) -> int:
        blocks = (self.words, self.chars, self.tagged)
        return sum(len(block.terms) for block in blocks) + len(QUESTION_KINDS) + _RATINGS

    def matrix(
        self, texts: Sequence[str], kinds: Sequence[str], ratings: Sequence[int | None]
    ) -> sp.csr_matrix:
        """One row per comment: the text blocks, then question kind and rating one-hot."""
        n = len(texts)
        tagged = [_question_words(text, kind) for text, kind in zip(texts, kinds, strict=True)]
        columns = np.empty(2 * n, dtype=np.int64)
        columns[0::2] = [QUESTION_KINDS.index(kind) for kind in kinds]
        columns[1::2] = [len(QUESTION_KINDS) + _rating_index(rating) for rating in ratings]
        onehot = sp.csr_matrix(
            (np.ones(2 * n, dtype=np.float32), columns, np.arange(0, 2 * n + 1, 2)),
            shape=(n, len(QUESTION_KINDS) + _RATINGS),
        )
        blocks = [
            self.words.transform(texts),
            self.chars.transform(texts),
            self.tagged.transform(tagged) * np.float32(_QUESTION_WORD_WEIGHT),
            onehot,
        ]
        matrix = sp.hstack(blocks, format="csr", dtype=np.float32)
        matrix.sort_indices()
        return matrix

    def to_state(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """(JSON-safe vocabularies, idf arrays) for storing."""
        blocks = {"words": self.words, "chars": self.chars, "tagged": self.tagged}
        meta = {name: block.to_state() for name, block in blocks.items()}
        return meta, {f"idf_{name}": block.idf for name, block in blocks.items()}

    @classmethod
    def from_state(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> FeatureSpace:
        def block(name: str) -> _Tfidf:
            state = meta[name]
            ngrams = (int(state["ngrams"][0]), int(state["ngrams"][1]))
            idf = np.asarray(arrays[f"idf_{name}"], dtype=np.float32)
            return _Tfidf(str(state["analyzer"]), ngrams, list(state["terms"]), idf)

        return cls(words=block("words"), chars=block("chars"), tagged=block("tagged"))


SIGNAL_WIDTH = len(QUESTION_KINDS) * _RATINGS + 8


def sentiment_signals(
    texts: Sequence[str], kinds: Sequence[str], ratings: Sequence[int | None]
) -> np.ndarray:
    """Per comment: question kind x rating one-hot, then TextBlob polarity and the cues."""
    rows = np.zeros((len(texts), SIGNAL_WIDTH), dtype=np.float32)
    base = len(QUESTION_KINDS) * _RATINGS
    for i, (text, kind, rating) in enumerate(zip(texts, kinds, ratings, strict=True)):
        rows[i, QUESTION_KINDS.index(kind) * _RATINGS + _rating_index(rating)] = 1.0
        polarity, subjectivity, assessed = fast_polarity(text)
        cues, nothing, but = text_signals(text, kind)
        rows[i, base : base + 8] = (
            polarity,
            subjectivity,
            max(polarity, 0.0),
            max(-polarity, 0.0),
            float(assessed > 0),
            cues / 3.0,
            float(nothing),
            float(but),
        )
    return rows
