"""Read an SMS reply to an FFT invite exactly as the live text conversation does.

`read_reply(message, state, language)` is pure: no app, no database. `language` is the invite's
("en", "ur", "gu", "pa", "pl"; "pl-PL" reads as "pl", anything else as English); English is
always understood too. Matching uses a folded copy (NFC, case-folded, Latin accents dropped so
"zle" is "źle", curly apostrophes straightened, Arabic-keyboard letters read as Urdu ones, any
script's digits and keycap emoji read as 0-9); a comment is cut from the person's own text,
only trimmed. The rule where in doubt: no rating. A re-ask costs one text and keeps the words;
a wrong rating goes into the monthly return to NHS England.

In every state, first:
1. Opt-out: after any punctuation, emoji or lead-in ("please", "can you"), the message starts
   with an opt-out as its own words. "unsubscribe", "opt out", "no more texts", "wrong number"
   count whatever follows; "stop" (and "no more", Polish "wypisz", "band karo" in its scripts)
   only alone, before punctuation or a line break, before a follower (please, now, thanks, it,
   that, me, texting...) or before "the/these/all" and the texts: "Stop please" and "stop the
   texts" are opt-outs, "Stop the noise at night" and "stop complaining" are not, nor is "told
   me to stop complaining" or "2 stop" (a rating first). END, QUIT, CANCEL are not read: the UK
   convention is STOP, and "end it all" must reach a person.
2. Expired: nothing is answered, the text is not kept.
3. Awaiting a comment: any text is the comment, even "5 stars for the nurses".
4. Awaiting a rating, or after the one re-ask: a rating counts only at the very start (after
   whitespace, an opening bracket or quote; "It was good" and "👍 2" are re-asked):
   - a lone digit 1-6 in any script or a keycap, not glued to letters or digits ("2nd floor",
     "10", "2.5", "4/5", "1-2"), not before a unit, a counted noun or another scale ("5 stars",
     "5*", "2 hours", "1 nurse was rude");
   - or an option's words from the FFT definition (plain and easy read: "OK" is 3), a listed
     variant ("v good", "excellent", "not sure", "bad"; not "great", between two options), or
     a number word ("two", "dwa"), standing as the answer: alone, before punctuation or a line
     break, or before a linking word ("Good but slow", "Good thanks"). "Good morning", "Poor
     communication", "One of the nurses", "Six hours wait" are not ratings.
   Another number or option straight after makes it unclear ("1 or 2", "Good 5", "1 poor"),
   unless it repeats it ("2 Good", "Good 2"). The comment is the rest, without the punctuation
   right after the rating; words stay ("but slow"), and so do emoticons (":)").
5. No rating: awaiting a rating, REASK, with the trimmed text as the comment for the
   conversation to keep (an empty message is re-asked too); after the re-ask, the text is the
   comment (empty: NONE). Never a third ask.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from feedback.sms import reading_words as words
from feedback.surveys.schema import load_questionnaire

LANGUAGES = frozenset({"en", "ur", "gu", "pa", "pl"})


class State(StrEnum):
    AWAITING_RATING = "awaiting_rating"  # the invite was sent; we wait for a rating
    AWAITING_COMMENT = "awaiting_comment"  # rated; we asked "in your own words..."
    AFTER_REASK = "after_reask"  # the first reply was not a rating; we asked once more
    EXPIRED = "expired"  # the conversation closed (7 days): no answer is sent


class Action(StrEnum):
    RATING = "rating"
    COMMENT = "comment"
    REASK = "reask"
    OPT_OUT = "opt_out"
    NONE = "none"


@dataclass(frozen=True)
class Reading:
    rating: int | None  # 1-6 (6 = Don't know)
    comment: str  # the text besides the rating, trimmed, without the separator after it
    opt_out: bool
    action: Action


_INVISIBLE = words.INVISIBLE
_FOLD = str.maketrans(
    {
        **dict.fromkeys(words.APOSTROPHES, "'"),
        **dict.fromkeys(words.DASHES, "-"),
        **dict.fromkeys(_INVISIBLE, " "),
        **words.LETTERS_FOR_MATCHING,
        **dict.fromkeys(words.DROPPED_FOR_MATCHING, None),
    }
)
_KEYCAP_MARKS = frozenset("\ufe0e\ufe0f\u20e3")  # text/emoji presentation, enclosing keycap
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# Punctuation kept at the start of a comment: quotes, and signs that carry meaning.
_KEPT_PUNCTUATION = frozenset("\"'#@&*%\\")
_EMOTICON = re.compile(r"[:;=]['\-^o]?[)(\]\[dpo3/\\|*@$](?![^\W\d_])")
_JOIN = r"[\s,.\-]+"  # between the words of a phrase: "v.good", "ani dobrze, ani zle"
# Ratings and opt-outs sit in the first words: the rest of a long message is not folded.
_WINDOW = re.compile(r"\s*(?:\S+\s+){40}")


def _fold_cluster(cluster: str) -> str:
    """One character and its marks, folded for matching."""
    base = cluster[0]
    if base.isdecimal():  # any script's digit, a keycap emoji; other marks glue to it
        marks = "".join(mark for mark in cluster[1:] if mark not in _KEYCAP_MARKS)
        return str(unicodedata.decimal(base)) + unicodedata.normalize("NFC", marks).casefold()
    # Full-width Latin letters (a Japanese or Chinese keyboard) as ordinary ones; else NFC.
    text = unicodedata.normalize("NFKC" if "\uff01" <= base <= "\uff5e" else "NFC", cluster)
    if ord(base) < 0x250 or 0x1E00 <= ord(base) <= 0x1EFF:  # Latin: accents do not count
        text = "".join(
            c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
        )
    return text.casefold().translate(_FOLD)


def _view(text: str) -> tuple[str, Sequence[int]]:
    """The folded text, and for each of its positions where that began in the original."""
    if text.isascii():  # one to one
        return text.lower().translate(_FOLD), range(len(text) + 1)
    window = _WINDOW.match(text)
    text = text[: window.end()] if window else text  # cut before a word: a clean boundary
    pieces: list[str] = []
    starts: list[int] = []
    position = 0
    while position < len(text):
        end = position + 1
        while end < len(text) and unicodedata.category(text[end]).startswith("M"):
            end += 1
        piece = _fold_cluster(text[position:end])
        pieces.append(piece)
        starts.extend([position] * len(piece))
        position = end
    return "".join(pieces), [*starts, len(text)]


def _fold(text: str) -> str:
    return _view(text)[0]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _ends_word(text: str, position: int) -> bool:
    """A phrase ends here: not inside a longer word, nor joined on by - or ' ("good-natured")."""
    if position >= len(text):
        return True
    if _is_word_char(text[position]):
        return False
    joined = text[position] in "-'" and position + 1 < len(text)
    return not (joined and _is_word_char(text[position + 1]))


def _is_separator(char: str) -> bool:
    """Whitespace or punctuation between a rating and the comment: ". , - : ; ! ) /" etc."""
    if char.isspace() or char in "=~|":
        return True
    return unicodedata.category(char) in ("Pd", "Pe", "Po") and char not in _KEPT_PUNCTUATION


def _skip(text: str, position: int, keep_going: Callable[[str], bool]) -> int:
    while position < len(text) and keep_going(text[position]):
        position += 1
    return position


def _skip_spaces(text: str, position: int) -> int:
    return _skip(text, position, lambda c: c.isspace() and c not in _LINE_BREAKS)


def _word_at(text: str, position: int) -> tuple[str | None, int]:
    """The word starting here (apostrophes inside it included), or None before a non-word."""
    end = position
    while end < len(text) and (
        _is_word_char(text[end])
        or (text[end] == "'" and end > position and not _ends_word(text, end))
    ):
        end += 1
    return (text[position:end] or None), end


def _trim(text: str) -> str:
    """Whitespace and invisible characters off both ends; nothing else is changed."""
    while (trimmed := text.strip().strip(_INVISIBLE)) != text:
        text = trimmed
    return text


_Phrase = tuple[re.Pattern[str], int, bool]  # pattern, option code, is a number word


@dataclass(frozen=True)
class _Language:
    """Everything read in one invite language, English included, folded like a message."""

    options: dict[str, tuple[_Phrase, ...]]  # by first character, longest first
    linking: frozenset[str]
    copulas: frozenset[str]
    connectors: frozenset[str]
    units: frozenset[str]
    opt_out_phrases: tuple[re.Pattern[str], ...]
    opt_out_commands: tuple[re.Pattern[str], ...]
    lead_ins: tuple[re.Pattern[str], ...]
    followers: frozenset[str]
    determiners: frozenset[str]
    text_nouns: frozenset[str]


def _pattern(phrase: str) -> re.Pattern[str]:
    parts = [re.escape(w).replace("'", "'?") for w in re.split(r"[\s,]+", _fold(phrase)) if w]
    return re.compile(_JOIN.join(parts))


def _patterns(phrases: set[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(_pattern(p) for p in sorted(phrases, key=lambda p: -len(_fold(p))))


def _definition_labels(code: str) -> dict[int, set[str]]:
    """The rating options' words, plain and easy read, as the FFT definition gives them."""
    labels: dict[int, set[str]] = {}
    for easy_read in (False, True):
        question = load_questionnaire("fft", code, easy_read).question("rating")
        for option in question.options if question else ():
            labels.setdefault(int(option.value), set()).add(option.label.value)
    return labels


def _option_phrases(codes: tuple[str, ...]) -> dict[str, tuple[_Phrase, ...]]:
    found: dict[str, tuple[int, bool]] = {}
    for code in codes:
        sources = (_definition_labels(code), words.OPTION_WORDS.get(code, {}))
        for source in sources:
            for value, phrases in source.items():
                found.update({_fold(p): (value, False) for p in phrases})
        for value, phrases in words.NUMBER_WORDS.get(code, {}).items():
            found.update({_fold(p): (value, True) for p in phrases})
    by_first: dict[str, list[_Phrase]] = {}
    for phrase in sorted(found, key=len, reverse=True):
        value, is_number = found[phrase]
        by_first.setdefault(phrase[0], []).append((_pattern(phrase), value, is_number))
    return {first: tuple(phrases) for first, phrases in by_first.items()}


@cache
def _language(code: str) -> _Language:
    codes = ("en",) if code == "en" else ("en", code)

    def merged(table: dict[str, tuple[str, ...]]) -> set[str]:
        return {_fold(w) for c in codes for w in table.get(c, ())}

    return _Language(
        options=_option_phrases(codes),
        linking=frozenset(merged(words.LINKING_WORDS)),
        copulas=frozenset(merged(words.COPULAS)),
        connectors=frozenset(merged(words.CONNECTORS)),
        units=frozenset(merged(words.UNIT_WORDS)),
        opt_out_phrases=_patterns(merged(words.OPT_OUT_PHRASES)),
        opt_out_commands=_patterns(merged(words.OPT_OUT_COMMANDS)),
        lead_ins=_patterns(merged(words.OPT_OUT_LEAD_INS)),
        followers=frozenset(merged(words.OPT_OUT_FOLLOWERS)),
        determiners=frozenset(merged(words.OPT_OUT_DETERMINERS)),
        text_nouns=frozenset(merged(words.TEXT_NOUNS)),
    )


def _language_code(language: str | None) -> str:
    code = re.split(r"[-_]", str(language or "").strip().lower())[0]
    return code if code in LANGUAGES else "en"


def _phrase_end(text: str, position: int, patterns: tuple[re.Pattern[str], ...]) -> int | None:
    for pattern in patterns:
        match = pattern.match(text, position)
        if match and _ends_word(text, match.end()):
            return match.end()
    return None


def _is_opt_out(text: str, lang: _Language) -> bool:
    position = _skip(text, 0, lambda c: not _is_word_char(c))
    for _ in range(3):  # "can you please stop"
        after = _phrase_end(text, position, lang.lead_ins)
        if after is None:
            break
        position = _skip(text, after, lambda c: not _is_word_char(c))
    if _phrase_end(text, position, lang.opt_out_phrases) is not None:
        return True
    end = _phrase_end(text, position, lang.opt_out_commands)
    return end is not None and _command_stands(text, end, lang)


def _command_stands(text: str, end: int, lang: _Language) -> bool:
    """ "stop" alone, before punctuation, a follower, or the texts: not "stop the noise"."""
    word, after = _word_at(text, _skip_spaces(text, end))
    if word is None or word in lang.followers or word in lang.text_nouns:
        return True
    for _ in range(2):  # "stop all the texts"
        if word not in lang.determiners:
            return False
        word, after = _word_at(text, _skip_spaces(text, after))
        if word is None or word in lang.text_nouns or word in lang.followers:
            return True
    return False


def _digit_at(text: str, position: int) -> tuple[int | None, int] | None:
    """(1-6, end) for a lone digit here; (None, end) for any other number; None: no digit."""
    if position >= len(text) or text[position] not in "0123456789":
        return None
    end = _skip(text, position, lambda c: c in "0123456789")
    glued = end < len(text) and (
        _is_word_char(text[end])
        or text[end] in "+°£$€"
        or unicodedata.category(text[end]) in ("No", "Sc")
    )
    value = int(text[position])
    clean = end == position + 1 and 1 <= value <= 6 and not glued
    return (value if clean else None), end


def _option_at(text: str, position: int, lang: _Language) -> tuple[int, int, bool] | None:
    """(value, end, is a number word) for the longest option or number word here."""
    if position >= len(text):
        return None
    for pattern, value, is_number in lang.options.get(text[position], ()):
        match = pattern.match(text, position)
        if match and _ends_word(text, match.end()):
            return value, match.end(), is_number
    return None


def _unit_follows(text: str, end: int, lang: _Language) -> bool:
    """ "5 stars", "5*", "5-star", "2 hours": a quantity or another scale."""
    position = _skip(text, end, lambda c: c == "-" or (c.isspace() and c not in _LINE_BREAKS))
    if position < len(text) and text[position] in words.UNIT_SYMBOLS:
        return True
    return _word_at(text, position)[0] in lang.units


def _stands(text: str, end: int, lang: _Language) -> int | None:
    """Where a rating word ends if it is the answer, not the start of a sentence; or None."""
    word, after = _word_at(text, _skip_spaces(text, end))
    if word in lang.copulas:  # "اچھا تھا": "was good"
        end = after
        word, after = _word_at(text, _skip_spaces(text, end))
    return end if word is None or word in lang.linking else None


def _settle(text: str, end: int, value: int, lang: _Language) -> int | None:
    """After a rating: None if another number or option makes it unclear; past a repeat of it."""
    position = _past_separators(text, end)
    digit = _digit_at(text, position)
    if digit is not None:
        return digit[1] if digit[0] == value else None
    word, after = _word_at(text, position)
    if word in lang.connectors:
        following = _skip(text, after, str.isspace)
        if _digit_at(text, following) or _option_at(text, following, lang):
            return None
    other = _option_at(text, position, lang)
    if other is not None and _stands(text, other[1], lang) is not None:
        return other[1] if other[0] == value else None
    return end


def _find_rating(text: str, lang: _Language) -> tuple[int, int] | None:
    """(rating, where it ends in the folded text) when the message starts with a clear one."""
    start = _skip(
        text, 0, lambda c: c.isspace() or c in "\"'" or unicodedata.category(c) in ("Ps", "Pi")
    )
    digit = _digit_at(text, start)
    if digit is not None:
        value, end = digit
        if value is None or _unit_follows(text, end, lang):
            return None
        settled = _settle(text, end, value, lang)
        return None if settled is None else (value, settled)
    option = _option_at(text, start, lang)
    if option is None:
        return None
    value, end, is_number = option
    if is_number and _unit_follows(text, end, lang):
        return None
    settled = _settle(text, end, value, lang)
    stands = None if settled is None else _stands(text, settled, lang)
    return None if stands is None else (value, stands)


def _past_separators(text: str, position: int) -> int:
    """Past the punctuation and spaces after a rating, stopping at an emoticon such as ":)"."""
    while position < len(text) and _is_separator(text[position]):
        if _EMOTICON.match(text, position):
            break
        position += 1
    return position


def _comment_start(text: str, position: int) -> int:
    """Where the comment starts after a rating; punctuation alone is no comment."""
    position = _past_separators(text, position)
    rest = (c.isspace() or unicodedata.category(c).startswith("P") for c in text[position:])
    return len(text) if not _EMOTICON.match(text, position) and all(rest) else position


def _state(state: State | str) -> State:
    try:
        return State(str(state).strip().lower())
    except ValueError:
        expected = ", ".join(s.value for s in State)
        raise ValueError(f"Unknown state {state!r}: expected one of {expected}") from None


def read_reply(message: str | None, state: State | str, language: str) -> Reading:
    """What an SMS reply says: a rating and comment, an opt-out, or what to do next."""
    text = message if isinstance(message, str) else ("" if message is None else str(message))
    state = _state(state)
    lang = _language(_language_code(language))
    folded, starts = _view(text)
    if _is_opt_out(folded, lang):
        return Reading(None, "", True, Action.OPT_OUT)
    if state == State.EXPIRED:
        return Reading(None, "", False, Action.NONE)
    found = None if state == State.AWAITING_COMMENT else _find_rating(folded, lang)
    if found is not None:
        rating, end = found
        comment = _trim(text[starts[_comment_start(folded, end)] :])
        return Reading(rating, comment, False, Action.RATING)
    comment = _trim(text)  # nothing a person writes is lost: a re-ask carries it too
    if state == State.AWAITING_RATING:
        return Reading(None, comment, False, Action.REASK)
    return Reading(None, comment, False, Action.COMMENT if comment else Action.NONE)
