"""Bad input, generated: text nobody types on purpose, JSON of the wrong shape, and files that
are not the CSV they claim to be."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

# Kept short so a run of thousands stays quick; the long ones are built from these.
NASTY_STRINGS = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x1b[31mred",
    "\u202ecba\u202c",  # right-to-left override
    "مرحبا بالعالم",
    "ਸਤਿ ਸ੍ਰੀ ਅਕਾਲ",
    "😀👍🏽👨‍👩‍👧",
    "e\u0301" * 50,  # combining marks
    "\u200b\u200d\ufeff",
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1",
    "\r=1",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "%s%s%n",
    "\uff11\uff12",  # full-width digits
    "١٢٣",
    "9" * 40,
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "0x10",
    "\r\n\r\n",
    "null",
    "[]",
    "LONE-SURROGATE",  # as_json writes a lone surrogate escape here, which UTF-8 cannot hold
]
nasty_text = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    st.text(max_size=40),  # any code point but surrogates (which UTF-8 cannot carry)
    st.text(alphabet=st.characters(codec="ascii"), max_size=20),
)
# 10,000 characters and more: past every limit a field has.
long_text = st.builds(
    lambda piece, times: (piece or "x") * times,
    st.sampled_from(["x", "é", "😀", "\u0627", "a\x00", "=1,"]),
    st.integers(min_value=10_000, max_value=20_000),
)
any_text = st.one_of(nasty_text, nasty_text, nasty_text, long_text)

# JSON values of every type, including numbers out of range and nested containers.
json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    nasty_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(nasty_text, inner, max_size=4)
    ),
    max_leaves=12,
)


def object_like(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Objects shaped like the one an endpoint takes, with fields missing, wrong or extra."""
    wrong = {name: st.one_of(strategy, json_values) for name, strategy in fields.items()}
    return st.builds(
        lambda present, extra: {**present, **extra},
        st.fixed_dictionaries({}, optional=wrong),
        st.dictionaries(nasty_text, json_values, max_size=2),
    )


# Bodies that are not JSON, or are JSON a strict reader must refuse.
raw_bodies = st.one_of(
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"",
            b"{",
            b'{"a": NaN}',
            b'{"a": Infinity}',
            b'{"a": -Infinity}',
            b'"\\ud800"',
            b'{"\\udfff": "\\ud800"}',
            b"\xff\xfe{\x00}\x00",
            b"\xef\xbb\xbf{}",
            b"[" * 100_000,
            b'{"a":1,"a":2}',
            b"1" * 5000,
            b"\x89PNG\r\n\x1a\n",
        ]
    ),
)


def as_json(value: Any) -> bytes:
    """The value as a request body; a placeholder becomes an escape JSON allows but UTF-8
    (and so the database) cannot hold."""
    return json.dumps(value).encode().replace(b"LONE-SURROGATE", b"\\ud800")


# Files a person might upload instead of the CSV asked for.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40)
not_csv_files = st.sampled_from(
    [
        b"",
        b"\n\n\n",
        PNG,
        ZIP,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(40),  # an old .xls workbook
        b'{"not": "csv"}',
        b"<html><body>nope</body></html>",
        b'"an unclosed quote,\n',
    ]
)


def encoded(text: str) -> st.SearchStrategy[bytes]:
    """The same text in each encoding people's spreadsheets write, with and without BOMs."""
    return st.sampled_from(
        [
            text.encode("utf-8"),
            b"\xef\xbb\xbf" + text.encode("utf-8"),
            text.encode("utf-16"),
            text.encode("utf-16-le"),
            text.encode("latin-1", errors="replace"),
            text.encode("cp1252", errors="replace"),
            text.encode("utf-8") + b"\xff\xfe\x80",  # invalid UTF-8 at the end
            text.encode("utf-8").replace(b",", b"\x00,", 1),
        ]
    )


csv_cells = st.one_of(nasty_text, st.sampled_from(["=1+1", "+44", "-3", "@A1", '"', ",", "\n"]))
