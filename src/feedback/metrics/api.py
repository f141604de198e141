"""The JSON API through which the patient record system sends eligible counts.

Staff sign-in and CSRF do not apply: each request carries an API key (`Authorization: Bearer`)
and is checked here. The body is turned into typed rows at the edge, then goes through the
same checks as an uploaded file; one bad item and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import IntegrityError

from feedback.auth.access import public
from feedback.auth.api_clients import client_for_key
from feedback.db import trust_today
from feedback.extensions import csrf, db
from feedback.metrics.imports import (
    ImportKind,
    ImportRow,
    check_rows,
    month_from_text,
    save_rows,
)
from feedback.web.api import (
    BodyError,
    answer_errors_in_json,
    bearer_key,
    json_error,
    read_body,
    strict_json,
    unauthorised,
)
from feedback.web.uploads import max_upload_bytes

# Public to the staff access rule on purpose: the key check below stands in for a role.
api_bp = public(Blueprint("api", __name__, url_prefix="/api/v1"))
csrf.exempt(api_bp)
answer_errors_in_json(api_bp)

MAX_ITEMS = 10_000


def read_counts(body: bytes) -> list[dict[str, Any]]:
    """The items of `counts` in a body, each a JSON object; BodyError if the body is not so."""
    payload = strict_json(body)
    if not isinstance(payload, dict):
        raise BodyError('The body must be a JSON object: {"counts": [...]}')
    counts = payload.get("counts")
    if not isinstance(counts, list):
        raise BodyError('The body must have "counts", a list of objects')
    if len(counts) > MAX_ITEMS:
        raise BodyError(f"Send at most {MAX_ITEMS:,} counts in one request")
    for index, item in enumerate(counts):
        if not isinstance(item, dict):
            raise BodyError(f"Item {index} of counts is not an object")
    return counts


def row_from_item(index: int, item: dict[str, Any]) -> ImportRow:
    """One item as a typed row, with a message for each field of the wrong type."""
    row = ImportRow(number=index)
    location, month, eligible = item.get("location"), item.get("month"), item.get("eligible")
    if isinstance(location, str) and location.strip():
        row.code = location.strip()
    else:
        row.errors.append('Give "location", the location code, as text')
    if isinstance(month, str):
        row.month, problem = month_from_text(month)
        if problem:
            row.errors.append(problem)
    else:
        row.errors.append('Give "month" as text: YYYY-MM, for example "2026-11"')
    # JSON true is an int to Python, and 120.0 is not a count.
    if isinstance(eligible, int) and not isinstance(eligible, bool):
        row.counts["eligible"] = eligible
    else:
        row.errors.append('Give "eligible" as a whole number, for example 120')
    return row


def _item_label(index: int) -> str:
    return f"item {index}"


@api_bp.post("/eligible-counts")
def eligible_counts() -> ResponseReturnValue:
    client = client_for_key(bearer_key())
    if client is None:
        return unauthorised()
    try:
        items = read_counts(read_body(max_upload_bytes()))
    except BodyError as error:
        db.session.commit()  # the key's last use, nothing else
        return json_error(400, str(error))
    rows = [row_from_item(index, item) for index, item in enumerate(items)]
    preview = check_rows(ImportKind.ELIGIBLE, rows, trust_today(), where=_item_label)
    if preview.has_errors:
        db.session.commit()  # the key's last use, nothing else
        errors = [{"index": row.number, "message": m} for row in rows for m in row.errors]
        return jsonify({"errors": errors}), 422
    try:
        result = save_rows(preview, source=client.name)
        db.session.commit()
    except IntegrityError:
        # Another request added the same location and month between the check and the save.
        db.session.rollback()
        return json_error(409, "Another request saved some of these counts at the same time; retry")
    return jsonify({"saved": result.saved, "added": result.added, "replaced": result.replaced})
