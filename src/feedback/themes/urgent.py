"""Comments that need a person now: suicide, self-harm, abuse, neglect, safeguarding, threats.

Patients, carers and young people write these the way they talk ("i dont wanna be here
anymore", "took all my tablets", "kms", "sucidal"), so the text is normalised before any rule
runs: lower case, contractions expanded ("don't" -> "do not"), slang spelled out ("gonna",
"kms"), letters repeated for emphasis cut back, and long distinctive words corrected when they
are one typo from a word the rules use ("sexualy", "myslef"; two for the suicide words, which
no real word sits near: "sucidle", "safegaurding"). Real English words that close ("treats",
"overdone", "appropriate") are never corrected: a 29,000-word English list was checked.

Each rule then names a concern and a phrase pattern. Rules are deliberately about people and
acts, not single alarming words, because ordinary comments are full of hyperbole ("the wait
was killing me", "I could murder a cup of tea", "dead good"). Context rules:

- Negated mentions do not count ("not suicidal", "no threat to anyone", "never self harmed").
- A past suicidal or self-harm crisis described as resolved is praise, not an alert: it is
  dropped when the sentence is in the past ("was", "last year", "used to"), the comment says
  things are better ("much better now", "no longer", "saved my life") and nothing says it is
  happening now ("still", "again", "at the moment"). Anything else (present feelings, a
  carer describing a relative's overdose, a past crisis with no recovery) is kept, because a
  missed alert costs far more than a reviewer's minute.
- Injuries from accidents ("fell and cut my arm", "burnt myself cooking") are not self-harm.

False alarms are cheap but not free: every flagged comment interrupts the patient experience
team, so rules that misfired on the trust's own comments were narrowed, not dropped.

The normalising is in urgent_text, the rule tables in urgent_rules_* (built from the pieces in
urgent_vocabulary), and the context checks and matching here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from feedback.themes.urgent_rules_harm import ABUSE_RULES, NEGLECT_RULES
from feedback.themes.urgent_rules_safeguarding import SAFEGUARDING_RULES
from feedback.themes.urgent_rules_self import SELF_HARM_RULES, SUICIDE_RULES
from feedback.themes.urgent_rules_threats import THREAT_RULES

# Imported under private names: they are this module's workings, not its interface.
from feedback.themes.urgent_text import Normalised as _Normalised
from feedback.themes.urgent_text import normalise as _normalise
from feedback.themes.urgent_text import word_set as _words
from feedback.themes.urgent_vocabulary import Rule as _Rule

__all__ = ["URGENT_CONCERNS", "UrgentMatch", "is_urgent", "urgent_matches"]

URGENT_CONCERNS: tuple[str, ...] = (
    "suicide",
    "self-harm",
    "abuse",
    "neglect",
    "safeguarding",
    "threats",
)


@dataclass(frozen=True)
class UrgentMatch:
    concern: str
    phrase: str  # the text that raised it, as the person wrote it, for the reviewer


# --- Rules ---------------------------------------------------------------------------------

_RULES: tuple[_Rule, ...] = (
    SUICIDE_RULES
    + SELF_HARM_RULES
    + ABUSE_RULES
    + NEGLECT_RULES
    + SAFEGUARDING_RULES
    + THREAT_RULES
)


def _anchor_index(rules: Iterable[_Rule]) -> dict[str, tuple[int, ...]]:
    index: dict[str, set[int]] = {}
    for number, rule in enumerate(rules):
        for anchor in rule.anchors:
            index.setdefault(anchor, set()).add(number)
    return {anchor: tuple(sorted(numbers)) for anchor, numbers in index.items()}


_ANCHORS = _anchor_index(_RULES)
_ANCHOR_LENGTHS = sorted({len(anchor) for anchor in _ANCHORS})


@lru_cache(maxsize=65536)
def _rules_for_word(word: str) -> frozenset[int]:
    found: set[int] = set()
    for length in _ANCHOR_LENGTHS:
        if length > len(word):
            break
        found.update(_ANCHORS.get(word[:length], ()))
    return frozenset(found)


# --- Context -------------------------------------------------------------------------------

_ACCIDENT = re.compile(
    r"\b(?:fell|fall|falls|falling|fallen|slipped|slip|slipping|tripped|trip|tripping|"
    r"accident\w*|mistake|"
    r"cooking|kettle|oven|iron|shaving|gardening|garden|playing|football|rugby|sport|diy|"
    r"bike|cycling|work|broken glass|glass broke|tin|knife slipped|stairs|ice|icy|car|crash)\b"
)
_NEGATORS = _words(
    "not no never nor without non denies denied deny denying nothing none neither hardly"
)
_STOPPERS = _words("stop stopped stopping quit quitting ceased overcome overcame beat")
# A negation reaches over "have any thoughts of" but not into the next clause: "I don't know
# why I want to die" is not negated.
_SCOPE_ENDS = _words(
    "but and because so though although yet however if when that until why what how while "
    "cos since unless or then"
)
_PAST = re.compile(
    r"\b(?:was|were|had|used to|ago|previously|past|since|stopped|last (?:year|month|week|"
    r"time|summer|winter|spring|autumn)|back then|at the time|at that time|when i|when he|when she|"
    r"before|once|felt|wanted|tried|attempted|harmed|took|thought|overdosed|cut|been)\b"
)
_RECOVERY = re.compile(
    r"(?<!not )(?<!never )\b(?:(?:much|feeling|feel|felt|getting|doing|a lot|so much|far|"
    r"loads|lot|now|am|is|are|been) better\b(?! off)|recovered|on the road to recovery|"
    r"no longer|not anymore|improved|improving|doing well|(?:am|feel|feeling|now|much|so "
    r"much|a lot|far) happier|in a good place|kept me safe|keeping me safe|"
    r"in a better place|saved (?:my|his|her|their) li(?:fe|ves)|saved me|saved him|"
    r"saved her|got me through|pulled me through|helped me through|turned my life around|"
    r"back on track|on the mend|stable now|well now|(?<!be )(?<!been )stopped(?! from| (?:me|"
    r"him|her|them) from)|free of|overcome|overcame|"
    r"(?:now|finally) (?:i am |i feel |feeling |am |he is |she is )?(?:very |really |so |much |"
    r"a lot )?(?:happy|happier|well|safe|stable|ok|okay|fine|good|thriving|settled|working)|"
    r"(?:i am|am|feel|feeling|he is|she is) (?:\w+ )?(?:happy|well|good|great|stable|settled|"
    r"safe|fine|ok|okay) now|"
    r"changed my life|gave me my life back|got my life back|have my life back|"
    r"(?:been|kept|keeping|stayed|staying) (?:\w+ )?(?:well|safe|clean|stable|ok|okay|fine|"
    r"free) (?:for|since)|clean for)"
)
_PRESENT = re.compile(
    r"\b(?:still (?:feel\w*|suicidal|want\w*|think\w*|struggl\w*|self|cut\w*|harm\w*|hurt\w*|"
    r"get\w* (?:thoughts|urges|the urge)|ha(?:ve|ving) (?:thoughts|urges|dark|suicidal)|"
    r"am not|not (?:ok|okay|safe|coping|well)|at risk|in crisis)|"
    r"(?:struggl\w*|cutting|harm\w*|hurting|feel\w*|suicidal|relaps\w*|started|thoughts|"
    r"urges|down|low|bad) (?:\w+ )?again|again (?:feel\w*|suicidal|cutting|harming)|"
    r"currently|at the moment|right now|these days|every (?:day|night)|constantly|"
    r"keep (?:on )?(?:having|thinking|wanting|feeling|getting|cutting|harming)|tonight|"
    r"anymore|any longer|at present|nowadays|not coping|can not cope|in crisis|"
    r"(?:have|has) had no (?:\w+ )?(?:care|support|help)|no (?:care|support|help) since|"
    r"still (?:no|not had|waiting)|(?:nobody|no one) (?:is|has been) helping)\b"
)


def _sentence(norm: _Normalised, first: int, last: int) -> tuple[int, int]:
    start, end = first, last
    while start > 0 and norm.words[start - 1] != "|":
        start -= 1
    while end < len(norm.words) - 1 and norm.words[end + 1] != "|":
        end += 1
    return start, end


def _negated(norm: _Normalised, first: int) -> bool:
    window: list[str] = []
    index = first - 1
    while index >= 0 and len(window) < 5:
        word = norm.words[index]
        if word in "|," or word in _SCOPE_ENDS:
            break
        window.append(word)
        index -= 1
    for position, word in enumerate(window):
        if word in _NEGATORS:
            return True
        if word in _STOPPERS:
            # "stopped self harming" denies it; "had to be stopped from jumping" does not, nor
            # "can't stop cutting".
            before = window[position + 1] if position + 1 < len(window) else ""
            after = window[position - 1] if position > 0 else ""
            return before not in {"not", "can", "could", "be", "been"} and after not in {
                "from",
                "me",
                "him",
                "her",
                "them",
            }
    return False


def _span_words(norm: _Normalised, start: int, end: int) -> tuple[int, int]:
    """Word indexes covering text[start:end]."""
    first = bisect_right(norm.starts, start) - 1
    last = bisect_right(norm.starts, max(end - 1, start)) - 1
    return first, last


def _resolved(norm: _Normalised, start: int, end: int) -> bool:
    """A past crisis the person says is over: "when I was suicidal last year ... better now"."""
    if not _PAST.search(norm.text, start, end):
        return False
    return bool(_RECOVERY.search(norm.text)) and not _PRESENT.search(norm.text)


def _accepted(rule: _Rule, norm: _Normalised, first: int, last: int) -> tuple[int, int] | None:
    """The words to show the reviewer, or None when the context says this is not the concern."""
    sentence_first, sentence_last = _sentence(norm, first, last)
    start = norm.starts[sentence_first]
    end = norm.starts[sentence_last] + len(norm.words[sentence_last])
    if rule.unless is not None and rule.unless.search(norm.text, start, end):
        return None
    if rule.needs is not None:
        needed = next(
            (
                m
                for m in rule.needs.finditer(norm.text, start, end)
                if not _negated(norm, _span_words(norm, m.start(), m.end())[0])
            ),
            None,
        )
        if needed is None:  # absent, or denied: "restrained, but no one got hurt"
            return None
        # The reviewer sees why it counted: "restrained ... bruised", not just "restrained".
        need_first, need_last = _span_words(norm, needed.start(), needed.end())
        first, last = min(first, need_first), max(last, need_last)
    if rule.negatable and _negated(norm, first):
        return None
    if rule.accidental and _ACCIDENT.search(norm.text, start, end):
        return None
    if rule.resolvable and _resolved(norm, start, end):
        return None
    return first, last


def _merged(found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    # Two rules often see the same words ("I'll burn the place", "burn the place down"): the
    # reviewer gets one phrase covering both.
    merged: list[tuple[str, int, int]] = []
    for concern, first, last in sorted(found, key=lambda f: (URGENT_CONCERNS.index(f[0]), f[1])):
        if merged and merged[-1][0] == concern and first <= merged[-1][2]:
            merged[-1] = (concern, merged[-1][1], max(last, merged[-1][2]))
        else:
            merged.append((concern, first, last))
    return sorted(merged, key=lambda f: (f[1], URGENT_CONCERNS.index(f[0])))


def urgent_matches(text: str) -> tuple[UrgentMatch, ...]:
    """Every urgent concern the comment raises, with the words that raised it; empty if none."""
    if not text or not text.strip():
        return ()
    norm = _normalise(text)
    candidates: set[int] = set()
    for word in set(norm.words):
        candidates |= _rules_for_word(word)
    found: list[tuple[str, int, int]] = []
    for number in sorted(candidates):
        rule = _RULES[number]
        for match in rule.pattern.finditer(norm.text):
            first, last = _span_words(norm, match.start(), match.end())
            shown = _accepted(rule, norm, first, last)
            if shown is not None:
                found.append((rule.concern, *shown))
                break
    matches: list[UrgentMatch] = []
    for concern, first, last in _merged(found):
        phrase = norm.original[norm.spans[first][0] : norm.spans[last][1]].strip()
        matches.append(UrgentMatch(concern, phrase))
    return tuple(matches)


def is_urgent(text: str) -> bool:
    """Whether the comment needs a person to read it now."""
    return bool(urgent_matches(text))
