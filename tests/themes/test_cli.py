"""The command-line interface used for independent evaluation: its columns must not change."""

from __future__ import annotations

import csv

from feedback.auth.models import Role
from tests.factories import make_user
from tests.themes.helpers import synthetic_comments, write_v6_csv


def _read(path):  # type: ignore[no-untyped-def]
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _write(path, header, rows):  # type: ignore[no-untyped-def]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_train_then_classify(app, tmp_path):
    runner = app.test_cli_runner()
    labelled = write_v6_csv(tmp_path / "labelled.csv", synthetic_comments(400))
    result = runner.invoke(args=["themes", "train", "--labelled", str(labelled)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and "micro-F1" in result.output
    assert "Activated" in result.output
    source = _write(
        tmp_path / "in.csv",
        ["id", "text", "question", "rating"],
        [
            ["a1", "Really the food was cold", "What could we do better?", "4"],
            ["a2", "staff were kind", "", ""],
            ["a3", "I am going to end it all tonight", "", "5"],
        ],
    )
    out = tmp_path / "out.csv"
    result = runner.invoke(
        args=["themes", "classify", "--input", str(source), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert list(rows[0]) == ["id", "themes", "sentiment", "urgent"]
    assert rows[0]["id"] == "a1" and rows[0]["themes"] == "Food & drink provision & facilities"
    assert rows[0]["sentiment"] == "negative" and rows[0]["urgent"] == "false"
    assert rows[1]["themes"] == "Staff manner & personal attributes"
    assert rows[1]["sentiment"] == "positive"
    assert rows[2]["urgent"] == "true"


def test_classify_without_a_model_uses_the_lexicon(app, tmp_path):
    source = _write(tmp_path / "in.csv", ["id", "text"], [["1", "The car park was always full"]])
    out = tmp_path / "out.csv"
    result = app.test_cli_runner().invoke(
        args=["themes", "classify", "--input", str(source), "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    row = _read(out)[0]
    assert "Parking" in row["themes"].split(";")
    assert row["sentiment"] in ("positive", "neutral", "negative")


def test_a_file_without_the_columns_is_refused_clearly(app, tmp_path):
    source = _write(tmp_path / "in.csv", ["comment"], [["hello"]])
    result = app.test_cli_runner().invoke(
        args=["themes", "classify", "--input", str(source), "--output", str(tmp_path / "o.csv")]
    )
    assert result.exit_code != 0 and "no column id, text" in result.output


def test_suggest_picks_n_rows_in_the_input_columns(app, tmp_path):
    runner = app.test_cli_runner()
    labelled = write_v6_csv(tmp_path / "labelled.csv", synthetic_comments(400))
    assert runner.invoke(args=["themes", "train", "--labelled", str(labelled)]).exit_code == 0
    pool = _write(
        tmp_path / "pool.csv",
        ["id", "text", "rating"],
        [
            [str(i), text, "3"]
            for i, text in enumerate(
                ["the food was cold"] * 5
                + [
                    "the chaplain visited and we prayed together",
                    "my hearing aid was lost on the ward",
                    "the food was cold and staff were rude",
                ]
            )
        ],
    )
    out = tmp_path / "pick.csv"
    result = runner.invoke(
        args=["themes", "suggest", "--input", str(pool), "--n", "3", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = _read(out)
    assert len(rows) == 3 and list(rows[0]) == ["id", "text", "rating"]
    assert len({r["id"] for r in rows}) == 3
    # Five copies of an easy comment are not worth three of the team's codings.
    assert sum(r["text"] == "the food was cold" for r in rows) <= 1


def test_redact_uses_staff_names_and_the_names_file(app, tmp_path):
    make_user(Role.PX_TEAM, name="Priya Shah")
    names = tmp_path / "names.txt"
    names.write_text("Bartholomew\n\n", encoding="utf-8")
    source = _write(
        tmp_path / "in.csv",
        ["id", "text"],
        [["1", "Priya Shah and Bartholomew on Ward 5 were great, call 07700 900123"]],
    )
    out = tmp_path / "out.csv"
    result = app.test_cli_runner().invoke(
        args=[
            "themes",
            "redact",
            "--input",
            str(source),
            "--output",
            str(out),
            "--names",
            str(names),
        ]
    )
    assert result.exit_code == 0, result.output
    row = _read(out)[0]
    assert list(row) == ["id", "text"]
    assert row["text"] == "[name] and [name] on Ward 5 were great, call [phone]"
