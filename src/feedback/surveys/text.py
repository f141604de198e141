"""Making free text safe to store: nothing a person typed is executed or breaks a page."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls except tab and newline; they are invisible and break exports and XML.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_free_text(text: str) -> str:
    """Normalise newlines and Unicode, drop control characters, trim the ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARACTERS.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


def character_count(text: str) -> int:
    """Characters as a person counts them (code points), not bytes or UTF-16 units."""
    return len(text)
