"""Comments as the urgent rules read them; feedback.themes.urgent says why each step is there."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Mojibake from spreadsheets saved in the wrong encoding, and typographic apostrophes.
_TEXT_FIXES = (
    ("\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2", "'"),
    ("\u00e2\u20ac\u2122", "'"),
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("`", "'"),
    ("&", " and "),
)
_TOKEN = re.compile(r"[a-z0-9@$]+(?:'[a-z]+)*|[.!?;\n]+|[,:()/]+")


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SPOKEN: dict[str, tuple[str, ...]] = {
    "wanna": ("want", "to"),
    "wana": ("want", "to"),
    "wan2": ("want", "to"),
    "gonna": ("going", "to"),
    "gunna": ("going", "to"),
    "gona": ("going", "to"),
    "goin": ("going",),
    "gotta": ("got", "to"),
    "tryna": ("trying", "to"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "youre": ("you", "are"),
    "theyre": ("they", "are"),
    "hes": ("he", "is"),
    "shes": ("she", "is"),
    "u": ("you",),
    "ur": ("your",),
    "cos": ("because",),
    "coz": ("because",),
    "cuz": ("because",),
    "kms": ("kill", "myself"),
    "kmsf": ("kill", "myself"),
    "kys": ("kill", "yourself"),
    "meself": ("myself",),
    "slef": ("self",),
    "sefl": ("self",),
    "slf": ("self",),
    "mysel": ("myself",),
    "sewerslide": ("suicide",),
    "sewerslided": ("suicide",),
    "suicde": ("suicide",),
    "sucidal": ("suicidal",),
    "selfharm": ("self", "harm"),
    "selfharming": ("self", "harming"),
    "selfharmed": ("self", "harmed"),
    "selfharmer": ("self", "harmer"),
    "od'd": ("overdosed",),
    "overdoes": ("overdose",),
    "oded": ("overdosed",),
    "odd'd": ("overdosed",),
    "noone": ("no", "one"),
    "everyday": ("every", "day"),
    "tabs": ("tablets",),
    "tablet's": ("tablets",),
    "paracetemol": ("paracetamol",),
    "paracetomol": ("paracetamol",),
    "anymore": ("anymore",),
    "nomore": ("no", "more"),
    "n": ("and",),
}
# Apostrophe-less negatives people type on phones: "dont", "cant", "wasnt".
_BARE_NEGATIVES = {
    "dont": "do",
    "didnt": "did",
    "doesnt": "does",
    "couldnt": "could",
    "wouldnt": "would",
    "shouldnt": "should",
    "isnt": "is",
    "wasnt": "was",
    "arent": "are",
    "werent": "were",
    "havent": "have",
    "hasnt": "has",
    "hadnt": "had",
    "mustnt": "must",
    "neednt": "need",
    "cant": "can",
    "cannot": "can",
    "wont": "will",
    "aint": "is",
    "carnt": "can",
    "dnt": "do",
    "dint": "did",
    "didint": "did",
    "wasent": "was",
    "hav'nt": "have",
    "cudnt": "could",
}
_NT_BASES = {"ca": "can", "wo": "will", "sha": "shall", "ai": "is"}
_IS_BEFORE_S = {"he", "she", "it", "that", "there", "what", "who", "where", "here", "how"}
_SUFFIXES = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
_MERGES = {
    ("my", "self"): "myself",
    ("me", "self"): "myself",
    ("him", "self"): "himself",
    ("her", "self"): "herself",
    ("your", "self"): "yourself",
    ("them", "selves"): "themselves",
    ("them", "self"): "themself",
    ("any", "more"): "anymore",
    ("no", "body"): "nobody",
    ("over", "dose"): "overdose",
    ("over", "dosed"): "overdosed",
    ("over", "dosing"): "overdosing",
    ("safe", "guarding"): "safeguarding",
    ("un", "alive"): "unalive",
    ("sewer", "slide"): "suicide",
}
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)

# Words the rules rely on that are long and distinctive enough to correct towards when one
# typo away; the suicide words, which no real word sits near, tolerate two.
_KEYWORDS = word_set(
    "suicide suicides suicidal suicidally overdose overdosed overdosing overdoses myself "
    "himself herself themselves yourself anymore safeguarding safeguard neglected neglect "
    "neglecting neglectful assaulted assault sexually molested inappropriately "
    "inappropriate humiliated humiliating humiliation restrained restraint bruises bruised "
    "bruising threatened threatening abusive abused bullied bullying paracetamol ligature "
    "ligatures dehydrated malnourished unalive deliberately intentionally trafficked "
    "trafficking"
)
_WIDE_KEYWORDS = word_set("suicide suicidal suicidally safeguarding paracetamol")
# Real words one typo from a keyword (found by checking a 29,000-word English list and the
# trust's comments): "treats" is not "threats", "appropriate" is not "inappropriate".
_REAL_WORDS = word_set(
    "assailed bruise dehydrate dehydrates humiliate humiliations appropriate appropriately "
    "unintentionally ligament signatures restraints restrict retained unrestrained "
    "overjoyed overcoming amused amuses abuses abuser abusers bullies bullion bulled "
    "bullet bullets threaten threats suicides safeguards safeguarded neglects assaults "
    "overdone overdue overdo trafficker traffickers subside subsided subsides"
)


def _deletes(word: str, depth: int) -> set[str]:
    found = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _allowed_typos(word: str) -> int:
    return 2 if word in _WIDE_KEYWORDS else 1


def _build_typo_index() -> dict[str, tuple[str, ...]]:
    index: dict[str, set[str]] = {}
    for key in _KEYWORDS:
        for variant in _deletes(key, _allowed_typos(key)):
            index.setdefault(variant, set()).add(key)
    return {variant: tuple(sorted(keys)) for variant, keys in index.items()}


_TYPO_INDEX = _build_typo_index()


def _typo_distance(a: str, b: str) -> int:
    """Edits between two words, counting a swap of neighbouring letters as one (OSA)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[len(b)]


def _corrected(word: str) -> str:
    if len(word) < 6 or word in _KEYWORDS or word in _REAL_WORDS or not word.isalpha():
        return word
    # Ties go to the alphabetically first keyword: set order would make the choice differ
    # between processes ("suicidel" -> suicidal or suicide).
    best, best_distance = word, 3
    for variant in sorted(_deletes(word, 2)):
        for key in _TYPO_INDEX.get(variant, ()):
            distance = _typo_distance(word, key)
            if distance <= _allowed_typos(key) and (distance, key) < (best_distance, best):
                best, best_distance = key, distance
    return best


def _contraction(token: str) -> tuple[str, ...]:
    base, _, rest = token.partition("'")
    if rest == "t" and base.endswith("n"):
        stem = base[:-1]
        return (_NT_BASES.get(stem, stem), "not")
    if rest == "s":
        return (base, "is") if base in _IS_BEFORE_S else (base,)
    if rest in _SUFFIXES:
        return (base, _SUFFIXES[rest])
    return (base + rest,)


@lru_cache(maxsize=65536)
def _expand(token: str) -> tuple[str, ...]:
    token = re.sub(r"([a-z])\1{2,}", r"\1\1", token)
    if token in _SPOKEN:
        return _SPOKEN[token]
    if token in _BARE_NEGATIVES:
        return (_BARE_NEGATIVES[token], "not")
    if "'" in token:
        return tuple(w for part in _contraction(token) for w in _expand(part)) or (token,)
    if any(c.isdigit() or c in "@$" for c in token) and any(c.isalpha() for c in token):
        unleet = token.translate(_LEET)
        fixed = _corrected(unleet)
        if fixed in _KEYWORDS:
            return (fixed,)
        return (token.replace("@", "a").replace("$", "s"),)
    return (_corrected(token),)


@dataclass(frozen=True)
class Normalised:
    text: str  # tokens joined by single spaces; "|" ends a sentence, "," a clause
    words: tuple[str, ...]
    starts: tuple[int, ...]  # where each word begins in text
    spans: tuple[tuple[int, int], ...]  # where each word came from in the cleaned original
    original: str


def _clean(text: str) -> str:
    for bad, good in _TEXT_FIXES:
        text = text.replace(bad, good)
    return text


def normalise(text: str) -> Normalised:
    original = _clean(text)
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    for m in _TOKEN.finditer(original.lower()):
        token = m.group()
        if not token[0].isalnum() and token[0] not in "@$":
            mark = "|" if token[0] in ".!?;\n" else ","
            if not words or words[-1] not in "|,":
                words.append(mark)
                spans.append(m.span())
            continue
        for word in _expand(token):
            if words and (words[-1], word) in _MERGES:
                words[-1] = _MERGES[(words[-1], word)]
                spans[-1] = (spans[-1][0], m.end())
            else:
                words.append(word)
                spans.append(m.span())
    starts, offset = [], 0
    for word in words:
        starts.append(offset)
        offset += len(word) + 1
    return Normalised(" ".join(words), tuple(words), tuple(starts), tuple(spans), original)
