"""First themes on a fresh install: a keyword lexicon the patient experience team can edit.

A fresh install has no trained model, so comments are themed by phrases: a theme applies when
one of its phrases occurs in the comment. The app keeps the team's editable copy in its
database, seeded from DEFAULT_LEXICON; this module only turns a lexicon into a fast matcher.

Matching is on whole words, ignoring case and apostrophes ("dont" and "don't" are one word),
so "ward" does not match "award". Each word of a phrase also matches its simple inflections
("nurse" matches "nurses", "wait" matches "waiting" and "waited", "reply" matches "replied"),
and a word ending in "*" matches any word it begins ("communicat*" matches "communication").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from feedback.themes.framework import NO_THEME
from feedback.themes.lexicon_default import DEFAULT_LEXICON

__all__ = ["DEFAULT_LEXICON", "CompiledLexicon", "compile_lexicon", "parse_phrases"]

NOT_POSSIBLE = "Labelling not possible"

_WORD = re.compile(r"[a-z0-9]+\*?")
_APOSTROPHES = re.compile(r"['\u2018\u2019`\u00b4]")
# Answers that say nothing a reader could theme. They only count when no phrase matched, so a
# team that wants "nothing" read as praise can add it to a theme.
_MEANINGLESS = frozenset(
    {
        "",
        "n a",
        "na",
        "none",
        "nothing",
        "nothing at all",
        "no",
        "nope",
        "nil",
        "no comment",
        "no comments",
        "not applicable",
        "did not answer",
        "no answer",
        "nothing to say",
        "nothing to add",
        "nothing to report",
        "x",
        "test",
    }
)


def _words(text: str) -> list[str]:
    text = _APOSTROPHES.sub("", text.lower()).replace("&", " and ")
    return _WORD.findall(text)


def parse_phrases(text: str) -> tuple[str, ...]:
    """One phrase per line of a textarea: trimmed, lower case, blanks and repeats dropped."""
    seen: dict[str, None] = {}
    for line in text.splitlines():
        phrase = " ".join(line.split()).lower()
        if phrase:
            seen.setdefault(phrase, None)
    return tuple(seen)


def _forms(word: str) -> frozenset[str]:
    """The word and its simple inflections: plural, -ing, -ed (and their spelling changes)."""
    forms = {word, word + "s", word + "es", word + "ing", word + "ed"}
    if word.endswith("e"):
        forms |= {word + "d", word[:-1] + "ing"}
    if len(word) > 2 and word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if (
        len(word) > 2
        and word[-1] not in "aeiouwxy"
        and word[-2] in "aeiou"
        and word[-3] not in ("aeiou")
    ):
        forms |= {word + word[-1] + "ing", word + word[-1] + "ed"}  # stop -> stopping, stopped
    return frozenset(forms)


@dataclass(frozen=True)
class _Step:
    """One word of a phrase: a set of exact forms, or a prefix when the word ended in "*"."""

    forms: frozenset[str]
    prefix: str | None

    def accepts(self, word: str) -> bool:
        if self.prefix is not None:
            return word.startswith(self.prefix)
        return word in self.forms


@dataclass(frozen=True)
class _Phrase:
    theme: str
    text: str
    steps: tuple[_Step, ...]


def _compile_phrase(theme: str, phrase: str) -> _Phrase | None:
    words = _words(phrase)
    steps = []
    for word in words:
        if word.endswith("*"):
            stem = word.rstrip("*")
            if not stem:
                continue
            steps.append(_Step(frozenset(), stem))
        else:
            steps.append(_Step(_forms(word), None))
    return _Phrase(theme, phrase, tuple(steps)) if steps else None


class CompiledLexicon:
    """A lexicon built once into a word index, then applied to any number of comments."""

    def __init__(self, lexicon: Mapping[str, Iterable[str]]) -> None:
        self._order = {theme: position for position, theme in enumerate(lexicon)}
        self._by_form: dict[str, list[_Phrase]] = {}
        self._by_prefix: dict[str, list[_Phrase]] = {}
        for theme, phrases in lexicon.items():
            for phrase in phrases:
                compiled = _compile_phrase(theme, phrase)
                if compiled is None:
                    continue
                first = compiled.steps[0]
                if first.prefix is not None:
                    self._by_prefix.setdefault(first.prefix, []).append(compiled)
                else:
                    for form in first.forms:
                        self._by_form.setdefault(form, []).append(compiled)
        self._prefix_lengths = sorted({len(prefix) for prefix in self._by_prefix})

    def _starting_with(self, word: str) -> list[_Phrase]:
        found = list(self._by_form.get(word, ()))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            found.extend(self._by_prefix.get(word[:length], ()))
        return found

    def matches(self, text: str) -> dict[str, tuple[str, ...]]:
        """Each theme whose phrases occur in the comment, with the phrases found (to show why)."""
        words = _words(text or "")
        found: dict[str, dict[str, None]] = {}
        for start, word in enumerate(words):
            for phrase in self._starting_with(word):
                end = start + len(phrase.steps)
                if end > len(words):
                    continue
                if all(
                    step.accepts(words[start + offset])
                    for offset, step in enumerate(phrase.steps[1:], 1)
                ):
                    found.setdefault(phrase.theme, {}).setdefault(phrase.text, None)
        # A comment with a real theme carries no "no theme" code (the framework's rule).
        if any(theme not in NO_THEME for theme in found):
            found = {theme: hits for theme, hits in found.items() if theme not in NO_THEME}
        ordered = sorted(found, key=lambda theme: self._order.get(theme, len(self._order)))
        return {theme: tuple(found[theme]) for theme in ordered}

    def themes(self, text: str) -> tuple[str, ...]:
        """The comment's themes in lexicon order; ("Labelling not possible",) for an empty or
        meaningless answer ("n/a", "nothing", "-") that no phrase matched; () otherwise."""
        found = tuple(self.matches(text))
        if found:
            return found
        if " ".join(_words(text or "")) in _MEANINGLESS:
            return (NOT_POSSIBLE,)
        return ()


def compile_lexicon(lexicon: Mapping[str, Iterable[str]]) -> CompiledLexicon:
    """Build the matcher once; reuse it for every comment."""
    return CompiledLexicon(lexicon)
