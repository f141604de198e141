"""`flask complaints ...`: the clock check for spreadsheets of dates (a stable interface)."""

from __future__ import annotations

import csv
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from feedback.complaints.clock import ClockError, clock_from_text

complaints_cli = AppGroup("complaints", help="Complaints and PALS tasks.")

CLOCK_COLUMNS = (
    "id",
    "acknowledgement_due",
    "original_response_due",
    "response_due",
    "working_days_taken",
    "on_time",
    "error",
)


def clock_row(row: dict[str, str], default_target: int) -> dict[str, str]:
    """One output row: the computed dates, or only the reason the row was refused."""
    out = dict.fromkeys(CLOCK_COLUMNS, "")
    out["id"] = (row.get("id") or "").strip()
    try:
        clock = clock_from_text(
            received=row.get("received") or "",
            target_working_days=row.get("target_working_days") or "",
            extensions=row.get("extensions") or "",
            responded=row.get("responded") or "",
            default_target=default_target,
        )
    except ClockError as error:
        out["error"] = str(error)
        return out
    out["acknowledgement_due"] = clock.acknowledgement_due.isoformat()
    out["original_response_due"] = clock.original_response_due.isoformat()
    out["response_due"] = clock.response_due.isoformat()
    if clock.responded is not None:
        out["working_days_taken"] = str(clock.working_days_taken)
        out["on_time"] = "true" if clock.on_time else "false"
    return out


@complaints_cli.command("clock")
@click.option("--input", "input_path", required=True, type=click.Path(dir_okay=False))
@click.option("--output", "output_path", required=True, type=click.Path(dir_okay=False))
def clock_command(input_path: str, output_path: str) -> None:
    """Check a CSV of complaint dates against the working-day clock.

    IN has id, received (YYYY-MM-DD or a UTC time ending Z) and optionally
    target_working_days, extensions (ISO dates separated by ;) and responded.
    """
    default_target = int(current_app.config["COMPLAINT_RESPONSE_WORKING_DAYS"])
    try:
        with Path(input_path).open(newline="", encoding="utf-8-sig") as source:
            reader = csv.DictReader(source)
            fields = {(name or "").strip().lower() for name in reader.fieldnames or []}
            if "received" not in fields:
                raise click.ClickException(f"{input_path} has no 'received' column")
            rows = [
                {(key or "").strip().lower(): value or "" for key, value in row.items()}
                for row in reader
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise click.ClickException(f"Could not read {input_path}: {error}") from error
    refused = 0
    with Path(output_path).open("w", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=CLOCK_COLUMNS)
        writer.writeheader()
        for row in rows:
            out = clock_row(row, default_target)
            refused += bool(out["error"])
            writer.writerow(out)
    click.echo(f"{len(rows)} rows checked, {refused} refused; wrote {output_path}")
