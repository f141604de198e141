"""Making free text safe to store: nothing a person typed is executed or breaks a page."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and newline; they are invisible and break exports and XML.
# Unicode's noncharacters (U+FDD0-U+FDEF, and the last two code points of every plane) too:
# never text, and HTML forbids them, so an answer shown back would make the page invalid.
_NONCHARACTERS = "".join(chr(plane << 16 | end) for plane in range(17) for end in (0xFFFE, 0xFFFF))
_CONTROL_CHARACTERS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]")


# What no text file holds: controls but tab and line breaks, and noncharacters. A CSV file
# with them is some other file, and a cell shown back would make the page invalid.
_NOT_IN_TEXT_FILES = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]"
)


def is_plain_text(text: str) -> bool:
    """Whether a file's text has only what text files hold (tabs and line breaks, no other
    controls or noncharacters)."""
    return _NOT_IN_TEXT_FILES.search(text) is None


def without_control_characters(text: str) -> str:
    """The text with C0 and C1 control characters (except tab and newline) and Unicode
    noncharacters removed."""
    return _CONTROL_CHARACTERS.sub("", text)


def clean_free_text(text: str) -> str:
    """Normalise newlines and Unicode, drop control characters, trim the ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = without_control_characters(text)
    return unicodedata.normalize("NFC", text).strip()


def character_count(text: str) -> int:
    """Characters as a person counts them (code points), not bytes or UTF-16 units."""
    return len(text)
