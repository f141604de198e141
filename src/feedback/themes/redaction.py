"""Removing personal details from text before it leaves the patient experience team.

Each detail becomes a token a reader understands: [name], [phone], [email], [nhs_number],
[postcode], [dob]. Kept on purpose: ward and place names, drug doses, times, "Ward 5" and the
helplines (111, 999, 116 123), which readers need and which identify nobody.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK postcodes, e.g. LE1 7RH, le17rh (the outward code and the inward code).
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
# A date of birth given as such: "DOB 01/02/1980", "born on 1.2.80", "date of birth: 1-2-1980".
DOB = re.compile(
    r"\b(?:d\.?o\.?b\.?|date of birth|born(?: on)?)\s*[:\-]?\s*\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}",
    re.IGNORECASE,
)
# Ten digits in the NHS number's usual groupings (3-3-4) or run together.
NHS_NUMBER = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
# Anything shaped like a UK phone number, valid or not: readers see a number either way.
PHONE = re.compile(r"(?:(?<=\s)|^|(?<=[(:]))(?:\+44\s?\(?0?\)?\s?|0)\d(?:[\s-]?\d){8,9}\b")
HELPLINES = ("116 123", "116123")


def is_nhs_number(digits: str) -> bool:
    """Ten digits whose modulus 11 check digit is right."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _nhs_numbers(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        return "[nhs_number]" if is_nhs_number(digits) else match.group()

    return NHS_NUMBER.sub(replace, text)


def _names(text: str, names: Iterable[str]) -> str:
    # Longest first, so "Jo Smith" goes before "Jo"; each part of a full name too.
    parts: set[str] = set()
    for name in names:
        cleaned = " ".join((name or "").split())
        if len(cleaned) < 2:
            continue
        parts.add(cleaned)
        parts.update(word for word in cleaned.split() if len(word) > 2)
    for part in sorted(parts, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(part)}(?!\w)", "[name]", text, flags=re.IGNORECASE)
    return re.sub(r"\[name\](?:\s+\[name\])+", "[name]", text)


def redact(text: str, names: Iterable[str] = ()) -> str:
    """The text with personal details replaced by tokens; `names` are people the app knows."""
    if not text:
        return text
    text = EMAIL.sub("[email]", text)
    text = DOB.sub("[dob]", text)
    text = _nhs_numbers(text)
    text = POSTCODE.sub("[postcode]", text)
    kept = {}
    for number, helpline in enumerate(HELPLINES):
        token = f"\x00{number}\x00"
        kept[token] = helpline
        text = text.replace(helpline, token)
    text = PHONE.sub("[phone]", text)
    for token, helpline in kept.items():
        text = text.replace(token, helpline)
    return _names(text, names)
