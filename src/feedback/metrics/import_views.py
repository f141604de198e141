"""The patient experience team imports eligible counts and legacy FFT results from CSV files.

Upload, then a preview of every row, then confirm. The confirm form carries the file's text
back and it is read and checked again, so nothing from the browser is trusted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.import_forms import ConfirmForm, UploadForm
from feedback.metrics.import_overview import list_eligible_overview, sample_csv, stored_series
from feedback.metrics.imports import (
    COLUMN_LABELS,
    MAX_ROWS,
    SPECS,
    ImportFileError,
    ImportKind,
    ImportPreview,
    read_csv,
    save_rows,
)
from feedback.web.uploads import DEFAULT_MAX_BYTES, decode_upload, max_upload_bytes, size_in_words

bp = restricted_to(
    Blueprint("imports", __name__, url_prefix="/metrics/imports"), [Role.ADMIN, Role.PX_TEAM]
)
ERRORS_IN_SUMMARY = 20  # the rest are in the table below it
ERROR_ROWS_SHOWN = 1_000  # a file with more is likely the wrong file: the page stays usable


@bp.record_once
def _defaults(state: BlueprintSetupState) -> None:
    state.app.config.setdefault("IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


@bp.url_value_preprocessor
def _room_for_the_file(endpoint: str | None, _values: dict[str, Any] | None) -> None:
    # The confirm form carries a whole file in one field, over Werkzeug's 500 kB default.
    # CSRF reads the form in a before_request hook, before the view runs, so the limit is
    # raised here (which runs first), for this form only. UTF-8 takes up to 3 bytes a character.
    if endpoint == "imports.confirm":
        request.max_form_memory_size = 3 * max_upload_bytes() + 10_000


View = Callable[..., ResponseReturnValue]


def _kind_route(path: str, **options: Any) -> Callable[[View], View]:
    """One URL a kind, so each page's address says which import it is."""

    def register(view: View) -> View:
        for kind in ImportKind:
            bp.add_url_rule(
                f"/{kind.value}{path}",
                view.__name__,
                view,
                defaults={"kind": kind.value},
                **options,
            )
        return view

    return register


@bp.get("/")
def index() -> ResponseReturnValue:
    today = trust_today()
    return render_template(
        "metrics/imports.html",
        specs=SPECS,
        stored=stored_series(),
        overview=list_eligible_overview(today),
        today=today,
        sees_api_keys=current_user.role == Role.ADMIN,
    )


@_kind_route("/sample.csv")
def sample(kind: str) -> ResponseReturnValue:
    filename = f"{kind}-sample.csv"
    return Response(
        sample_csv(ImportKind(kind), trust_today()),
        mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename={filename}"},
    )


def _upload_page(kind: ImportKind, form: UploadForm) -> ResponseReturnValue:
    status = 400 if form.errors else 200
    return render_template(
        "metrics/import-upload.html",
        form=form,
        spec=SPECS[kind],
        labels=COLUMN_LABELS,
        max_size=size_in_words(max_upload_bytes()),
        max_rows=MAX_ROWS,
    ), status


def _error_list(preview: ImportPreview) -> list[dict[str, str]]:
    """The first problems, for the error summary; the table below it has them all."""
    problems = [
        {"text": f"Row {row.number}: {message}", "href": f"#row-{row.number}"}
        for row in preview.error_rows
        for message in row.errors
    ]
    if len(problems) <= ERRORS_IN_SUMMARY:
        return problems
    more = len(problems) - ERRORS_IN_SUMMARY
    return [
        *problems[:ERRORS_IN_SUMMARY],
        {"text": f"And {more:,} more problems, listed below", "href": "#problems"},
    ]


def _preview_page(preview: ImportPreview, text: str) -> ResponseReturnValue:
    confirm = ConfirmForm(formdata=None, csv_text=text)
    return render_template(
        "metrics/import-preview.html",
        preview=preview,
        spec=SPECS[preview.kind],
        labels=COLUMN_LABELS,
        confirm=confirm,
        error_list=_error_list(preview) if preview.has_errors else [],
        rows_shown=ERROR_ROWS_SHOWN,
    ), (400 if preview.has_errors else 200)


@_kind_route("/upload", methods=["GET", "POST"])
def upload(kind: str) -> ResponseReturnValue:
    which = ImportKind(kind)
    form = UploadForm()
    if form.validate_on_submit():
        limit = max_upload_bytes()
        try:
            # One byte past the limit is enough to know the file is too big.
            text = decode_upload(form.file.data.stream.read(limit + 1), limit)
            preview = read_csv(which, text, trust_today(), limit)
        except ImportFileError as error:
            form.file.errors.append(str(error))
        else:
            return _preview_page(preview, text)
    return _upload_page(which, form)


@_kind_route("/confirm", methods=["POST"])
def confirm(kind: str) -> ResponseReturnValue:
    which = ImportKind(kind)
    form = ConfirmForm()
    upload_form = UploadForm(formdata=None)
    if not form.validate_on_submit():
        upload_form.file.errors = ["Upload the file again"]
        return _upload_page(which, upload_form)
    text = form.csv_text.data
    try:
        preview = read_csv(which, text, trust_today(), max_upload_bytes())
    except ImportFileError as error:
        upload_form.file.errors = [str(error)]
        return _upload_page(which, upload_form)
    if preview.has_errors:
        return _preview_page(preview, text)
    result = save_rows(preview, source=current_user.email)
    db.session.commit()
    flash(
        f"{SPECS[which].title} saved: {result.added} {_rows(result.added)} added, "
        f"{result.replaced} replaced"
    )
    return redirect(url_for(".index"))


def _rows(count: int) -> str:
    return "row" if count == 1 else "rows"
