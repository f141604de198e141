"""How many SMS parts a text costs: GSM 03.38 when every character is in it (160 characters
in one part, 153 in each of several; the extension table's characters count twice), otherwise
UCS-2 (70 in one part, 67 each of several, counted in UTF-16 units, so an emoji counts 2)."""

from __future__ import annotations

GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENSION = frozenset("^{}\\[~]|€\f")


def is_gsm(text: str) -> bool:
    return all(ch in GSM_BASIC or ch in GSM_EXTENSION for ch in text)


def parts(text: str) -> int:
    """The number of SMS parts the text is sent in."""
    if is_gsm(text):
        units = sum(2 if ch in GSM_EXTENSION else 1 for ch in text)
        single, each = 160, 153
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, each = 70, 67
    if units <= single:
        return 1
    return -(-units // each)
