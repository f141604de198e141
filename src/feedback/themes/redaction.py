"""Removing personal details from text before it leaves the patient experience team.

Each detail becomes a token a reader understands: [name], [phone], [email], [nhs_number],
[postcode], [dob]. Kept on purpose: ward and place names, drug doses, times, ordinary dates,
"Ward 5" and the helplines (111, 999, 116 123), which readers need and which identify nobody.

Names are found the way a reader finds them: every staff name the app knows, then names the text
shows to be names (a title, "my son ...", "a nurse called ...", "thanks to ...", a sign-off),
then given names from a list when capitalised and not also an ordinary word ("Will", "May").
The other details, found by their shape, are in redaction_patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from feedback.themes import redaction_names as lists
from feedback.themes.redaction_patterns import is_nhs_number, redact_details

__all__ = ["is_nhs_number", "redact"]

# Words: letters with inner apostrophes (O'Neill) and hyphens (Smith-Jones); and whole tokens in
# square brackets, so "[name]" and a labeller's "[Name Redacted]" are never read as words.
_TOKEN = re.compile(r"\[[^\[\]\n]{1,40}\]")
_PIECE = re.compile(rf"{_TOKEN.pattern}|[^\W\d_]+(?:['\u2019][^\W\d_]+)*(?:-[^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?;:\n\u2022()\"\u201c\u201d]|\s[-\u2013\u2014]\s")
_SPACE = re.compile(r"[ \t]+")
_LOOSE = re.compile(r"[ \t]*[,(:]?[ \t]*")
_SIGN_OFF_GAP = re.compile(r"[ \t]*[,\n][ \t\n]*|[ \t]+")

_NAMED = "|".join(r"\s+".join(map(re.escape, phrase)) for phrase in lists.NAMED_PLACES)
KNOWN_PLACES = re.compile(rf"\b(?:{_NAMED})\b", re.IGNORECASE)
_AFTER_NAME = lists.AFTER_NAME
_PRAISED = lists.INTRODUCED + lists.GRATITUDE
_PERSON_BEFORE_CALLED = lists.ROLES | {"someone", "somebody", "one", "person", "is", "was", "were"}


@dataclass(slots=True)
class _Word:
    start: int
    end: int  # before any possessive 's, which stays in the text: "[name]'s"
    key: str  # the form to look up in the lists
    lower: str
    cap: bool
    opens: bool  # capitalised anyway: starts a sentence, or the text capitalises every word
    gap: str  # what lies between this word and the one before
    possessive: bool = False
    token: bool = False
    name: bool = False
    kept: bool = False


def _words(text: str) -> list[_Word]:
    letters = [c for c in _TOKEN.sub("", text) if c.isalpha()]
    shouting = len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
    words: list[_Word] = []
    last_end = 0
    for match in _PIECE.finditer(text):
        raw, gap = match.group(), text[last_end : match.start()]
        last_end = match.end()
        if raw.startswith("["):
            words.append(_Word(match.start(), match.end(), raw, raw, False, True, gap, token=True))
            words[-1].name = raw == "[name]"
            continue
        possessive = raw[-2:] in ("'s", "\u2019s") and len(raw) > 3
        base = raw[:-2] if possessive else raw
        key = base.title() if shouting and base.isupper() else base
        cap = key[0].isupper() and (len(key) == 1 or not key.isupper())
        if "'" in key.replace("\u2019", "'") and not re.match(r"[A-Z]['\u2019][A-Z]", key):
            cap = False  # a contraction such as "Don't", never a name
        prev = words[-1].lower if words else ""
        opens = not words or (
            bool(_SENTENCE_BREAK.search(gap)) and not (gap.startswith(".") and prev in _ABBREV)
        )
        low = key.lower().replace("\u2019", "'")
        word = _Word(match.start(), match.start() + len(base), key, low, cap, opens, gap)
        word.possessive = possessive
        words.append(word)
    # Title Case ("Thank You To All The Staff") capitalises small words mid-sentence; judged on
    # those alone, which names never are, a second pass sees the text as the first did.
    small = [w for w in words if not w.opens and w.lower in lists.STOP]
    titled = len(small) >= 3 and sum(w.cap for w in small) >= 0.7 * len(small)
    if shouting or titled:
        for w in words:
            w.opens = True
    return words


_ABBREV = lists.STRONG_TITLES | {"st", "no"}


def _ordinary(w: _Word) -> bool:
    """A word a reader takes for an ordinary word or a place, unless told otherwise."""
    low = w.lower
    if low in lists.COMMON_WORDS or low in lists.STOP or w.key in lists.PLACES:
        return True
    return bool(lists.PLACE_END.search(low)) or not all(p[:1].isupper() for p in w.key.split("-"))


def _could_be_name(w: _Word) -> bool:
    low = w.lower
    return not (w.token or w.kept or not w.cap or len(w.key) < 2 or low in _NEVER_NAMES)


_NOT_AFTER_TITLE = lists.STOP | lists.STRONG_TITLES
_NEVER_NAMES = _NOT_AFTER_TITLE | lists.ROLES


def _candidate(w: _Word, *, known_only: bool = False) -> bool:
    """A capitalised word that context may make a name: one the lists know or an unknown one."""
    if not _could_be_name(w):
        return False
    return w.key in lists.KNOWN or (not known_only and not _ordinary(w))


def _surnamish(w: _Word) -> bool:
    if not _could_be_name(w):
        return False
    if w.key in lists.SURNAMES or w.key in lists.GIVEN_NAMES:
        return True
    return not (w.lower in lists.COMMON_WORDS or w.key in lists.PLACES)


def _after(words: list[_Word], i: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the words just before words[i], in the same sentence, end with one of phrases."""
    if not i or words[i - 1].lower not in _last_words(phrases):
        return False
    for phrase in phrases:
        start = i - len(phrase)
        if start < 0:
            continue
        if all(words[start + k].lower == p for k, p in enumerate(phrase)) and not any(
            _SENTENCE_BREAK.search(words[j].gap) for j in range(start + 1, i)
        ):
            return True
    return False


@lru_cache(maxsize=8)
def _last_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(phrase[-1] for phrase in phrases)


def _mark_places(text: str, words: list[_Word]) -> None:
    spans = [m.span() for m in KNOWN_PLACES.finditer(text)]
    for i, w in enumerate(words):
        led = i and words[i - 1].lower in lists.PLACE_LEAD and words[i - 1].cap  # "St Mary's"
        if any(a <= w.start < b for a, b in spans) or (led and _SPACE.fullmatch(w.gap.lstrip("."))):
            w.kept = True
    # In a capitalised run, what comes before "Ward", "Unit", "Hospital"... is a place's name;
    # so is a run before "course" or "ward" in lower case ("Desmond course").
    i = 0
    while i < len(words):
        j = i
        # A [name] from an earlier pass stands where a capitalised name stood.
        while (
            j + 1 < len(words)
            and (words[j + 1].cap or words[j + 1].name)
            and _SPACE.fullmatch(words[j + 1].gap)
        ):
            j += 1
        nxt = words[j + 1] if j + 1 < len(words) else None
        if nxt is not None and nxt.lower in lists.PLACE_NOUNS_LOWER and _SPACE.fullmatch(nxt.gap):
            j += 1
        for k in range(i + 1, j + 1):
            if words[k].lower in lists.PLACE_NOUNS and not words[k - 1].possessive:
                for w in words[i:k]:
                    w.kept = w.kept or w.cap
        i = j + 1


def _mark_context(words: list[_Word]) -> None:
    for i, w in enumerate(words):
        if w.name or not i or not (w.cap or words[i - 1].lower in lists.STRONG_TITLES):
            continue
        prev = words[i - 1]
        title = prev.lower in lists.STRONG_TITLES and (prev.cap or prev.lower != "miss")
        if title and not prev.possessive:  # "I miss Sarah" has no title in it
            w.name = _titled(prev, w)
        elif prev.lower in lists.ROLES and not prev.possessive and _LOOSE.fullmatch(w.gap):
            w.name = _candidate(w)
        elif prev.lower in ("called", "named"):
            before = words[i - 2].lower if i > 1 else ""
            # "a nurse called Ade", but "I called Parkway" and "a drug named Sertraline".
            w.name = _candidate(w, known_only=before not in _PERSON_BEFORE_CALLED)
        elif _after(words, i, _PRAISED) and _LOOSE.fullmatch(w.gap):
            w.name = _candidate(w)
        if w.name and len(w.key) == 1 and i + 1 < len(words):
            words[i + 1].name = _surnamish(words[i + 1])  # "Dr J. Smith"
            w.name = words[i + 1].name


def _titled(title: _Word, w: _Word) -> bool:
    if w.token or w.kept or w.lower in _NOT_AFTER_TITLE or not _SPACE.fullmatch(w.gap.lstrip(".")):
        return False
    if not w.cap:  # "dr patel" is often typed in lower case; "dr said" is not a name
        return len(w.key) > 2 and w.key.isalpha() and w.lower not in lists.COMMON_WORDS
    # "a call off a dr. However...": after a full stop, an ordinary word starts a sentence.
    unsure = w.gap.startswith(".") or not title.cap
    return not (unsure and w.lower in lists.COMMON_WORDS and w.key not in lists.KNOWN)


def _mark_lists(words: list[_Word]) -> None:
    for i, w in enumerate(words):
        if w.name or not _could_be_name(w):
            continue
        nxt = words[i + 1] if i + 1 < len(words) and _SPACE.fullmatch(words[i + 1].gap) else None
        if i and words[i - 1].lower == "the" and _SPACE.fullmatch(w.gap):
            continue  # "the Freeman", "the James Cook": a hospital, not a person
        parts = w.key.split("-")
        if w.key in lists.UNAMBIGUOUS or (
            len(parts) > 1 and set(parts) <= lists.KNOWN and bool(set(parts) & lists.UNAMBIGUOUS)
        ):
            w.name = True  # "Sarah", "Patel", "Anne-Marie", "Smith-Jones"
        elif _candidate(w, known_only=w.opens) and _role_follows(words, i):
            w.name = True  # "Faith, the support worker", "Ed the porter"
        elif w.key in lists.AMBIGUOUS:
            w.name = _word_name_in_context(words, i, nxt)
        elif nxt is not None and nxt.lower in lists.SPEECH and len(w.key) > 2 and not _ordinary(w):
            w.name = True  # "Omonori explained": only a person explains


def _role_follows(words: list[_Word], i: int) -> bool:
    """Whether "the porter", "our physio" or "a support worker" follows words[i]."""
    ahead = words[i + 1 : i + 5]
    if not ahead or ahead[0].lower not in ("the", "our", "my", "a") or ahead[0].gap.strip(" ,("):
        return False
    for w in ahead[1:]:
        if _SENTENCE_BREAK.search(w.gap) or "," in w.gap:
            return False
        if w.lower in lists.STAFF_ROLES and w.lower != "staff":
            return True
    return False


def _word_name_in_context(words: list[_Word], i: int, nxt: _Word | None) -> bool:
    """Whether an ambiguous name ("Will", "Grace", "May") is a name here."""
    w = words[i]
    prev = words[i - 1].lower if i else ""
    if w.key in lists.MONTH_NAMES and (prev in lists.MONTH_LEAD or re.search(r"\d", w.gap[-4:])):
        return False
    if prev in lists.NOT_BEFORE_NAMES:
        return False  # "in Washington", "the Grace", "full Mark's" (marks)
    surname = nxt is not None and nxt.key in lists.SURNAMES and nxt.lower not in lists.COMMON_WORDS
    if nxt is not None and (surname or (nxt.cap and not _ordinary(nxt))):
        return _surnamish(nxt)  # "Will Patel", "Mark Omonori"
    following = nxt.lower if nxt is not None else ""
    if w.opens and w.key in lists.ABSTRACT_NAMES:
        return following in lists.SPEECH
    return (w.possessive and w.key not in lists.MONTH_NAMES) or following in lists.AFTER_NAME


def _spread(words: list[_Word]) -> bool:
    """Surnames, initials and partners of names: "Anil Patel", "Sam and Mo". True if any."""
    changed = False
    for i, w in enumerate(words):
        if not w.name or w.possessive:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and not nxt.name and _SPACE.fullmatch(nxt.gap):
            # "Anil de Souza", "Anil K Patel": a particle or initial, then the surname.
            linking = nxt.lower in lists.PARTICLES or (len(nxt.key) == 1 and nxt.cap)
            if linking and i + 2 < len(words) and _surnamish(words[i + 2]):
                nxt.name = words[i + 2].name = changed = True
            elif _surnamish(nxt) and not w.token:
                nxt.name = changed = True
        changed = _partners(words, i) or changed
    return changed


def _partners(words: list[_Word], i: int) -> bool:
    changed = False
    for step in (1, -1):
        j, k = i + step, i + 2 * step
        if not 0 <= k < len(words):
            continue
        link, other = words[j], words[k]
        later = other if step == 1 else words[i]
        if link.lower in ("and", "or") and _SPACE.fullmatch(link.gap + later.gap):
            joined = other
        elif re.fullmatch(r"\s*[,&+/]\s*", words[max(i, j)].gap):
            joined = link
        else:
            continue
        if not joined.name and _candidate(joined, known_only=joined.opens or step == -1):
            joined.name = changed = True
    return changed


def _mark_sign_off(words: list[_Word], text: str) -> None:
    """ "Kind regards, Jane" or "Thanks, Jane Smith x" at the end of the text."""
    end = len(words)
    while end and (words[end - 1].lower in ("x", "xx", "xxx") or words[end - 1].token):
        end -= 1
    for start in range(max(0, end - 3), end):
        run = words[start:end]
        signed = _SIGN_OFF_GAP.fullmatch(run[0].gap) and _after(words, start, lists.SIGN_OFFS)
        if signed and all(_candidate(w) for w in run):
            for w in run:
                w.name = True
            return


def _contextual_names(text: str, words: list[_Word]) -> str:
    _mark_places(text, words)
    _mark_context(words)
    _mark_lists(words)
    _mark_sign_off(words, text)
    for _ in range(4):
        if not _spread(words):
            break
    pieces: list[str] = []
    last = 0
    for i, w in enumerate(words):
        if w.name and not w.token:
            # An initial's full stop goes with it: "Dr J. Smith" becomes "Dr [name]".
            dotted = len(w.key) == 1 and i + 1 < len(words) and words[i + 1].name
            end = w.end + 1 if dotted and text[w.end : w.end + 1] == "." else w.end
            pieces += [text[last : w.start], "[name]"]
            last = end
    pieces.append(text[last:])
    return re.sub(r"\[name\](?:[ \t]+\[name\])+", "[name]", "".join(pieces))


_StaffIndex = tuple[dict[str, bool], dict[str, list[tuple[tuple[str, ...], bool]]]]


@lru_cache(maxsize=32)
def _staff_index(names: tuple[str, ...]) -> _StaffIndex:
    """Staff names by word, built once per list of names.

    Each part longer than 2 letters maps to whether it must be capitalised, being an ordinary
    word too ("Will", "Rose"); a part that names places too ("Ward", "Hall") counts only in the
    full name. Full names are listed under their first word, longest first.
    """
    parts: dict[str, bool] = {}
    fulls: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for name in names:
        found = _PIECE.findall((name or "").replace("\u2019", "'"))
        words = [w for w in found if w.lower() not in lists.STRONG_TITLES and w[0] != "["]
        pieces = {p for w in words for p in (w, *w.split("-")) if len(p) > 2 or len(words) == 1}
        pieces = {p for p in pieces if len(p) > 1}
        for piece in pieces:
            low = piece.lower()
            if low not in lists.PLACE_NOUNS and low not in lists.PARTICLES:
                parts[low] = parts.get(low, False) or _is_ordinary_word(piece)
        if len(words) > 1:
            plain = all(_is_ordinary_word(w) for w in words)
            fulls.setdefault(words[0].lower(), []).append((tuple(w.lower() for w in words), plain))
    for options in fulls.values():
        options.sort(key=lambda option: -len(option[0]))
    return parts, fulls


def _is_ordinary_word(word: str) -> bool:
    return word.lower() in lists.COMMON_WORDS or word.title() in lists.AMBIGUOUS


def _mark_staff(words: list[_Word], names: tuple[str, ...]) -> None:
    parts, fulls = _staff_index(names)
    for i, w in enumerate(words):
        for sequence, plain in fulls.get(w.lower, ()):
            run = words[i : i + len(sequence)]
            joined = all(_SPACE.fullmatch(r.gap.lstrip(".")) for r in run[1:])
            same = [r.lower for r in run] == list(sequence)
            if joined and same and (not plain or all(r.cap for r in run)):
                for r in run:
                    r.name = True
                break
        # A part inside a double-barrelled word counts too: "Smith-Jones" for staff "Jones".
        found = [p for p in (w.lower, *w.lower.split("-")) if p in parts]
        if w.name or w.token or not found:
            continue
        nxt = words[i + 1] if i + 1 < len(words) else None
        # "Will they ring?" starts with the word, not the person; "Will was lovely" is Will.
        opening = w.opens and not w.possessive and (nxt is None or nxt.lower not in _AFTER_NAME)
        w.name = not parts[found[0]] or (w.cap and not opening)


def _names(text: str, names: tuple[str, ...]) -> str:
    words = _words(text)
    if not words:
        return text
    if names:
        _mark_staff(words, names)
    return _contextual_names(text, words)


def redact(text: str, names: Iterable[str] = ()) -> str:
    """The text with personal details replaced by tokens; `names` are people the app knows."""
    if not text:
        return text
    return _names(redact_details(text), tuple(names))
