"""`flask sms read`: used for independent checking from outside, so its columns must not change."""

from __future__ import annotations

import csv
from pathlib import Path

COLUMNS = ["id", "rating", "comment", "opt_out", "action"]


def _write(path: Path, header: list[str], rows: list[list[str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _run(runner, source: Path, output: Path):  # type: ignore[no-untyped-def]
    return runner.invoke(args=["sms", "read", "--input", str(source), "--output", str(output)])


def test_reads_every_row_into_every_column_in_input_order(runner, tmp_path):
    source = _write(
        tmp_path / "in.csv",
        ["id", "state", "language", "message"],
        [
            ["r1", "awaiting_rating", "en", "2 but the wait was long"],
            ["r2", "awaiting_rating", "en", "5 stars"],
            ["r3", "after_reask", "en", "1 or 2"],
            ["r4", "awaiting_comment", "en", "  Lovely staff, 10/10  "],
            ["r5", "expired", "en", "3"],
            ["r6", "awaiting_rating", "pl", "Stop prosz\u0119"],
            ["r7", "after_reask", "ur", "\u06f2"],
            ["r8", "awaiting_comment", "en", ""],
            ["r9", "awaiting_rating", "pl", "Bardzo dobrze, dzi\u0119kuj\u0119"],
        ],
    )
    out = tmp_path / "out.csv"
    result = _run(runner, source, out)
    assert result.exit_code == 0, result.output
    assert "Read 9 replies" in result.output
    header, rows = _read(out)
    assert header == COLUMNS
    assert [list(row.values()) for row in rows] == [
        ["r1", "2", "but the wait was long", "false", "rating"],
        ["r2", "", "5 stars", "false", "reask"],
        ["r3", "", "1 or 2", "false", "comment"],
        ["r4", "", "Lovely staff, 10/10", "false", "comment"],
        ["r5", "", "", "false", "none"],
        ["r6", "", "", "true", "opt_out"],
        ["r7", "2", "", "false", "rating"],
        ["r8", "", "", "false", "none"],
        ["r9", "1", "dzi\u0119kuj\u0119", "false", "rating"],
    ]


def test_reads_a_byte_order_mark_and_columns_in_any_order(runner, tmp_path):
    source = _write(
        tmp_path / "in.csv",
        ["message", "language", "id", "state", "extra"],
        [["Good", "en", "a", "awaiting_rating", "ignored"]],
        encoding="utf-8-sig",  # as Excel saves "CSV UTF-8"
    )
    assert source.read_bytes().startswith(b"\xef\xbb\xbf")
    out = tmp_path / "out.csv"
    result = _run(runner, source, out)
    assert result.exit_code == 0, result.output
    expected = dict(zip(COLUMNS, ["a", "2", "", "false", "rating"], strict=True))
    assert _read(out) == (COLUMNS, [expected])


def test_a_newline_inside_a_message_survives(runner, tmp_path):
    message = '2. Lovely staff\nbut the "wait", was long'
    source = _write(
        tmp_path / "in.csv",
        ["id", "state", "language", "message"],
        [["n1", "awaiting_rating", "en", message], ["n2", "awaiting_comment", "en", "a\r\nb"]],
    )
    out = tmp_path / "out.csv"
    result = _run(runner, source, out)
    assert result.exit_code == 0, result.output
    _header, rows = _read(out)
    assert rows[0]["comment"] == 'Lovely staff\nbut the "wait", was long'
    assert rows[0]["rating"] == "2"
    assert rows[1]["comment"] == "a\r\nb"
    assert len(rows) == 2


def test_a_missing_column_is_a_clear_error(runner, tmp_path):
    source = _write(tmp_path / "in.csv", ["id", "state", "message"], [["1", "expired", "2"]])
    out = tmp_path / "out.csv"
    result = _run(runner, source, out)
    assert result.exit_code != 0
    assert "no column language" in result.output
    assert not out.exists()


def test_an_unknown_state_names_its_row_and_writes_nothing(runner, tmp_path):
    source = _write(
        tmp_path / "in.csv",
        ["id", "state", "language", "message"],
        [["ok", "awaiting_rating", "en", "2"], ["bad", "waiting", "en", "2"]],
    )
    out = tmp_path / "out.csv"
    result = _run(runner, source, out)
    assert result.exit_code != 0
    assert "row 2 (id 'bad')" in result.output and "'waiting'" in result.output
    assert not out.exists()


def test_states_and_languages_are_read_leniently(runner, tmp_path):
    source = _write(
        tmp_path / "in.csv",
        ["id", "state", "language", "message"],
        [["1", " AWAITING_RATING ", "PL", "dwa"], ["2", "awaiting_rating", "", "two"]],
    )
    out = tmp_path / "out.csv"
    assert _run(runner, source, out).exit_code == 0
    assert [row["rating"] for row in _read(out)[1]] == ["2", "2"]


def test_text_that_is_not_utf8_is_a_clear_error(runner, tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"id,state,language,message\n1,awaiting_rating,pl,\xbfle\n")
    result = _run(runner, source, tmp_path / "out.csv")
    assert result.exit_code != 0
    assert "not UTF-8" in result.output


def test_a_header_only_file_writes_a_header_only_file(runner, tmp_path):
    source = _write(tmp_path / "in.csv", ["id", "state", "language", "message"], [])
    out = tmp_path / "out.csv"
    assert _run(runner, source, out).exit_code == 0
    assert _read(out) == (COLUMNS, [])
