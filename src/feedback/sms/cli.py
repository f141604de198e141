"""`flask sms ...`: the SMS channel from the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import click
from flask.cli import AppGroup

from feedback.sms.reading import Reading, read_reply

sms_cli = AppGroup("sms", help="The SMS channel: read replies as the conversation would.")


# --- `flask sms read`: used to check the reader from outside; keep its columns exactly. ------

READ_COLUMNS = ("id", "state", "language", "message")
READING_COLUMNS = ("id", "rating", "comment", "opt_out", "action")
SHOWN_PROBLEMS = 10


def _replies(path: Path) -> list[dict[str, str]]:
    """The rows of a UTF-8 CSV (with or without a byte order mark), with every needed column."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
            rows = [{k: (v or "") for k, v in row.items() if k is not None} for row in reader]
    except UnicodeDecodeError as error:
        raise click.ClickException(f"{path} is not UTF-8 text: save it as CSV UTF-8.") from error
    except csv.Error as error:
        raise click.ClickException(f"{path} is not a CSV file this can read: {error}") from error
    missing = [name for name in READ_COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        raise click.ClickException(
            f"{path} has no column {', '.join(missing)} (it has {reader.fieldnames})."
        )
    return rows


def _readings(rows: list[dict[str, str]]) -> list[Reading]:
    """Each row read; an unknown state stops the command naming its rows, writing nothing:
    guessing could re-ask someone whose conversation has closed."""
    readings: list[Reading] = []
    problems: list[str] = []
    for number, row in enumerate(rows, start=1):
        try:
            readings.append(read_reply(row["message"], row["state"], row["language"]))
        except ValueError as error:
            problems.append(f"row {number} (id {row['id']!r}): {error}")
    if problems:
        more = len(problems) - SHOWN_PROBLEMS
        shown = problems[:SHOWN_PROBLEMS] + ([f"and {more} more"] if more > 0 else [])
        raise click.ClickException("Nothing written:\n" + "\n".join(shown))
    return readings


@sms_cli.command("read")
@click.option(
    "--input",
    "source",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV with id, state, language, message.",
)
@click.option(
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="CSV: id, rating, comment, opt_out, action.",
)
def read(source: Path, output: Path) -> None:
    """Read each SMS reply in a CSV as the FFT text conversation would, in input order."""
    rows = _replies(source)
    readings = _readings(rows)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(READING_COLUMNS)
        for row, reading in zip(rows, readings, strict=True):
            writer.writerow(
                [
                    row["id"],
                    "" if reading.rating is None else reading.rating,
                    reading.comment,
                    "true" if reading.opt_out else "false",
                    reading.action.value,
                ]
            )
    click.echo(f"Read {len(rows)} replies into {output}")
