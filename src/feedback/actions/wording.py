"""Easy-read wording for posters: short plain sentences, each 15 words or fewer."""

from __future__ import annotations

import re

from feedback.actions.models import Action

MAX_WORDS = 15
MAX_POSTER = 100  # characters of each poster text: six pairs fit one A4 page

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"\S*\w\S*")


def sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text.strip()) if part.strip()]


def long_sentence(text: str) -> str | None:
    """The first sentence of more than 15 words, or None when every sentence is short."""
    for sentence in sentences(text):
        if len(_WORD.findall(sentence)) > MAX_WORDS:
            return sentence
    return None


def long_sentence_message(sentence: str) -> str:
    words = _WORD.findall(sentence)
    start = " ".join(words[:6])
    return (
        f"Keep each sentence to {MAX_WORDS} words or fewer: the sentence starting "
        f"\u201c{start}\u201d has {len(words)} words"
    )


def fits_poster(text: str) -> bool:
    return len(text) <= MAX_POSTER and long_sentence(text) is None


def poster_wording(action: Action) -> tuple[str, str] | None:
    """The "You said" and "We did" a poster shows: the easy-read wording, or the full text
    where that is short enough; None when either has no wording fit for a poster."""
    pair = []
    for short, full in ((action.poster_said, action.said), (action.poster_did, action.did)):
        if short:
            pair.append(short)
        elif full and fits_poster(full):
            pair.append(full)
        else:
            return None
    return pair[0], pair[1]
