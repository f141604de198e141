"""`flask --app wsgi themes ...`: train, classify, suggest, redact and retag.

The train, classify, suggest and redact commands and their CSV columns are how the engine is
checked from outside on comments it has not seen: keep them exactly.
"""

from __future__ import annotations

from pathlib import Path

import click
from flask.cli import with_appcontext

_file = click.Path(exists=True, dir_okay=False, path_type=Path)
_out = click.Path(dir_okay=False, writable=True, path_type=Path)


def _problem(error: Exception) -> click.ClickException:
    return click.ClickException(str(error))


@click.group("themes")
def themes_cli() -> None:
    """Themes and sentiment in free text."""


@themes_cli.command("train")
@click.option("--labelled", required=True, type=_file, help="A labelled CSV, v6 or v7 columns.")
@with_appcontext
def train(labelled: Path) -> None:
    """Import labelled comments, train a model on them and the team's codings, activate it
    and print its evaluation on a held-back part."""
    from feedback.extensions import db
    from feedback.themes.training import import_labelled, train_new_version

    try:
        imported = import_labelled(labelled, batch=labelled.name)
        version, evaluation = train_new_version("cli", always_activate=True)
    except ValueError as error:
        db.session.rollback()
        raise _problem(error) from error
    db.session.commit()
    click.echo(f"Imported {imported} labelled comments from {labelled.name}")
    click.echo(
        f"Model version {version.id}: trained on {evaluation.n_train}, "
        f"evaluated on {evaluation.n_test} held back, then refitted on all "
        f"{version.training_comments}"
    )
    click.echo(
        f"macro-F1 {evaluation.macro_f1:.3f}  micro-F1 {evaluation.micro_f1:.3f}  "
        f"sentiment agreement {evaluation.sentiment_accuracy:.3f}"
    )
    click.echo(f"{'theme':<60} {'F1':>6} {'support':>8}")
    for name, score in sorted(evaluation.per_theme.items(), key=lambda item: -item[1].support):
        click.echo(f"{name:<60} {score.f1:>6.3f} {score.support:>8}")
    click.echo(version.decision)


@themes_cli.command("classify")
@click.option("--input", "source", required=True, type=_file, help="CSV with id, text.")
@click.option("--output", required=True, type=_out, help="CSV: id, themes, sentiment, urgent.")
@with_appcontext
def classify(source: Path, output: Path) -> None:
    """Themes, sentiment and urgency for each comment in a CSV (question, rating optional)."""
    from feedback.themes.files import FileProblem, classify_file

    try:
        written = classify_file(source, output)
    except FileProblem as error:
        raise _problem(error) from error
    click.echo(f"Classified {written} comments into {output}")


@themes_cli.command("suggest")
@click.option("--input", "source", required=True, type=_file, help="CSV of uncoded comments.")
@click.option("--n", "n", required=True, type=click.IntRange(min=1), help="How many to pick.")
@click.option("--output", required=True, type=_out, help="CSV of the comments picked.")
@with_appcontext
def suggest(source: Path, n: int, output: Path) -> None:
    """The comments the model would learn most from if the team coded them."""
    from feedback.themes.files import FileProblem, suggest_file

    try:
        picked = suggest_file(source, n, output)
    except FileProblem as error:
        raise _problem(error) from error
    click.echo(f"Picked {picked} comments into {output}")


@themes_cli.command("redact")
@click.option("--input", "source", required=True, type=_file, help="CSV with id, text.")
@click.option("--output", required=True, type=_out, help="CSV: id, text redacted.")
@click.option("--names", "names", type=_file, help="Extra names to remove, one a line.")
@with_appcontext
def redact(source: Path, output: Path, names: Path | None) -> None:
    """Remove personal details: names, phone numbers, emails, NHS numbers, postcodes, DOBs."""
    from feedback.themes.files import FileProblem, redact_file

    try:
        written = redact_file(source, output, names)
    except FileProblem as error:
        raise _problem(error) from error
    click.echo(f"Redacted {written} comments into {output}")


@themes_cli.command("retag")
@with_appcontext
def retag() -> None:
    """Collect every comment and tag the whole history again with the active model."""
    from feedback.extensions import db
    from feedback.themes.summary import summarise_themes
    from feedback.themes.tagging import collect_comments, retag_everything

    collected = collect_comments()
    db.session.commit()
    tagged = retag_everything()
    rows = summarise_themes()
    db.session.commit()
    click.echo(f"Collected {collected} new comments; tagged {tagged}; {rows} summary rows")
