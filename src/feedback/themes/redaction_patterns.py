"""Personal details other than names: email, date of birth, NHS number, postcode, phone.

Internal to feedback.themes.redaction, which says what is replaced and what is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Starting only where a run of address characters starts keeps long words from being slow.
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK postcodes, any case, with or without the space; the inward code never uses C, I, K, M, O
# or V, which keeps doses like "B12 1mg" out, and "A1 1st" is an ordinal, not a postcode.
POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ \t]*(?!(?-i:1st|2nd|3rd|[04-9]th)\b)"
    r"\d[ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
_DATE = (
    r"(?:\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19|20)?\d\d"
    r"|(?:19|20)\d\d[/.\-]\d{1,2}[/.\-]\d{1,2}"
    rf"|{_DAY}(?:\s+of)?[\s\-]+{_MONTH},?[\s\-]+'?(?:19|20)?\d\d"
    rf"|{_MONTH}\s+{_DAY},?\s+'?(?:19|20)?\d\d)(?!\d)"
)
# Only a date the text calls a date of birth: "on 12/03/2024 I waited" is an ordinary date.
DOB = re.compile(
    r"\b(?:d\.?o\.?b\b\.?|d\.\s?o\.\s?b\b\.?|date\s+of\s+birth|birth\s?date|born(?:\s+on)?)"
    rf"(?:\s*(?:is\b|was\b|:|-|\u2013|=))*\s*(?:the\s+)?{_DATE}"
    rf"|\bborn\s+in\s+(?:{_MONTH}\s+)?(?:19|20)\d\d\b",
    re.IGNORECASE,
)
# Ten digits in the NHS number's usual groupings (3-3-4) or run together.
NHS_NUMBER = re.compile(r"(?<![\d+])\d{3}([ -]?)\d{3}\1\d{4}(?!\d)")
# After "NHS number" any grouping will do: the reader is told what it is.
NHS_CUED = re.compile(
    r"\bnhs\s*(?:number|no\.?|num)?\s*(?:is|:|-)?\s*(\d(?:[ -]?\d){9})(?!\d)", re.IGNORECASE
)
# Anything shaped like a UK phone number, valid or not (drama ranges such as 07700 900xxx
# fail libphonenumber's checks but still read as a number): +44 or 0, then 9 or 10 digits.
PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?\(?|\(?0)\d(?:[ \t\-\u2013.)]{0,2}\d){8,9}(?!\d)"
    r"|(?<![\w+])0[358]\d\d(?:[ \t\-]?\d){4,7}(?!\d)"
    r"|(?<![\w+])\+(?!44)[1-9]\d{0,2}(?:[ \t\-]?\d){7,12}(?!\d)"
)
PHONE_CUED = re.compile(
    r"\b(?:tel(?:ephone)?|phone|mobile|mob|landline|(?:ring|call|text|contact) me on"
    r"|contact number)\b\.?(?:\s*(?:no\.?|number|is|on|:|-))*\s*(\d(?:[ \t\-]?\d){5,12})(?!\d)",
    re.IGNORECASE,
)
HELPLINES = frozenset({"111", "999", "116123"})


def is_nhs_number(digits: str) -> bool:
    """Ten digits whose modulus 11 check digit is right."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def _cued(pattern: re.Pattern[str], token: str, keep: Callable[[str], bool], text: str) -> str:
    """Replace group 1 of each match, after its cue ("NHS number", "tel"), unless `keep` it."""

    def replace(match: re.Match[str]) -> str:
        if keep(re.sub(r"\D", "", match.group(1))):
            return match.group()
        return match.group()[: match.start(1) - match.start()] + token

    return pattern.sub(replace, text)


def _nhs_numbers(text: str) -> str:
    def bare(match: re.Match[str]) -> str:
        digits = re.sub(r"\D", "", match.group())
        # A leading 0 with nothing saying "NHS" reads as a phone number, as patients mean it.
        if digits.startswith("0") or not is_nhs_number(digits):
            return match.group()
        return "[nhs_number]"

    text = _cued(NHS_CUED, "[nhs_number]", lambda digits: not is_nhs_number(digits), text)
    return NHS_NUMBER.sub(bare, text)


def _phones(text: str) -> str:
    def shaped(match: re.Match[str]) -> str:
        # "(0116 258 5000)": the bracket belongs to the sentence, not the number.
        unbalanced = match.group().startswith("(") and ")" not in match.group()
        return "([phone]" if unbalanced else "[phone]"

    return PHONE.sub(shaped, _cued(PHONE_CUED, "[phone]", HELPLINES.__contains__, text))


def redact_details(text: str) -> str:
    """The text with every detail but names replaced by its token."""
    text = EMAIL.sub("[email]", text)
    text = DOB.sub("[dob]", text)
    text = _nhs_numbers(text)
    text = POSTCODE.sub("[postcode]", text)
    return _phones(text)
