"""The JSON API through which the patient record system sends eligible counts.

Staff sign-in and CSRF do not apply: each request carries an API key (`Authorization: Bearer`)
and is checked here. The body is turned into typed rows at the edge, then goes through the
same checks as an uploaded file; one bad item and nothing is saved.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, jsonify, request
from flask.typing import ResponseReturnValue
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import HTTPException

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
from feedback.web.uploads import max_upload_bytes

# Public to the staff access rule on purpose: the key check below stands in for a role.
api_bp = public(Blueprint("api", __name__, url_prefix="/api/v1"))
csrf.exempt(api_bp)

MAX_ITEMS = 10_000


class BodyError(ValueError):
    """The body as a whole is not what the API takes; the message says why."""


def _error(status: int, message: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    return response


@api_bp.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    # A caller of the API reads JSON, not the staff error pages.
    return _error(error.code or 500, error.description or error.name)


def _bearer_key() -> str | None:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() or None if scheme.lower() == "bearer" else None


def _unauthorised() -> Response:
    response = _error(401, "Send a valid API key: Authorization: Bearer <key>")
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def read_counts(body: bytes) -> list[dict[str, Any]]:
    """The items of `counts` in a body, each a JSON object; BodyError if the body is not so."""
    try:
        payload = json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise BodyError("The body must be JSON") from None
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


def _read_body(limit: int) -> bytes:
    too_big = BodyError(f"The body must be at most {limit:,} bytes")
    if (request.content_length or 0) > limit:
        raise too_big
    # Read one byte past the limit, so that a body sent without a length cannot run on.
    body = request.stream.read(limit + 1)
    if len(body) > limit:
        raise too_big
    return body


def _item_label(index: int) -> str:
    return f"item {index}"


@api_bp.post("/eligible-counts")
def eligible_counts() -> ResponseReturnValue:
    client = client_for_key(_bearer_key())
    if client is None:
        return _unauthorised()
    try:
        items = read_counts(_read_body(max_upload_bytes()))
    except BodyError as error:
        db.session.commit()  # the key's last use, nothing else
        return _error(400, str(error))
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
        return _error(409, "Another request saved some of these counts at the same time; retry")
    return jsonify({"saved": result.saved, "added": result.added, "replaced": result.replaced})
