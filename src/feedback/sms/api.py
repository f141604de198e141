"""The patient record system's JSON endpoint for discharges and contacts to invite by text.

Staff sign-in and CSRF do not apply: each request carries an API key (`Authorization: Bearer`)
and is checked here. The body is turned into rows at the edge, then goes through the same
checks as an uploaded file; one bad item and nothing is saved. A resent body adds nothing
twice (an invite is the same person, place and day).
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
from feedback.sms.invites import InviteRow, check_rows, save_invites
from feedback.sms.uploads import MAX_ROWS, max_upload_bytes
from feedback.web.api import (
    BodyError,
    answer_errors_in_json,
    bearer_key,
    json_error,
    read_body,
    strict_json,
    unauthorised,
)

# Public to the browser-facing access check: each request proves itself with an API key.
api_bp = public(Blueprint("sms_api", __name__, url_prefix="/api/v1/sms"))
csrf.exempt(api_bp)
answer_errors_in_json(api_bp)

MAX_ITEMS = MAX_ROWS  # as many as an uploaded file may have rows
TEXT_FIELDS = ("location_code", "mobile", "contact_date", "language")
SHAPE = (
    'The body must be a JSON object: {"invites": [{"location_code": ..., "mobile": ..., '
    '"contact_date": ...}, ...]}'
)


def read_invites(body: bytes) -> list[dict[str, Any]]:
    """The items of `invites` in a body, each a JSON object; BodyError if the body is not so."""
    payload = strict_json(body)
    if not isinstance(payload, dict):
        raise BodyError(SHAPE)
    items = payload.get("invites")
    if not isinstance(items, list):
        raise BodyError('The body must have "invites", a list of objects')
    if len(items) > MAX_ITEMS:
        raise BodyError(f"Send at most {MAX_ITEMS:,} invites in one request")
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise BodyError(f"Item {index} of invites is not an object")
    return items


def row_from_item(index: int, item: dict[str, Any]) -> InviteRow:
    """One item as a row, with a message for each field of the wrong type."""
    label = f"Item {index}"
    errors = []
    for name in TEXT_FIELDS:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            errors.append(f'{label}: give "{name}" as text')
    flag = item.get("do_not_contact")
    if flag is not None and not isinstance(flag, bool):
        errors.append(f'{label}: give "do_not_contact" as true or false')

    def text(name: str) -> str:
        value = item.get(name)
        return value if isinstance(value, str) else ""

    return InviteRow(
        label=label,
        location_code=text("location_code"),
        mobile=text("mobile"),
        contact_on=text("contact_date"),
        language=text("language") or "en",
        do_not_contact="yes" if flag is True else "no",
        errors=errors,
    )


@api_bp.post("/invites")
def invites() -> ResponseReturnValue:
    client = client_for_key(bearer_key())
    if client is None:
        return unauthorised()
    try:
        items = read_invites(read_body(max_upload_bytes()))
    except BodyError as error:
        db.session.commit()  # the key's last use, nothing else
        return json_error(400, str(error))
    rows = [row_from_item(index, item) for index, item in enumerate(items)]
    # An item of the wrong shape is reported as such, not also as a bad code or number.
    check_rows([row for row in rows if not row.errors], trust_today())
    errors = [
        {"item": index, "error": message}
        for index, row in enumerate(rows)
        for message in row.errors
    ]
    if errors:
        db.session.commit()  # the key's last use, nothing else
        return jsonify({"errors": errors}), 422
    try:
        added, already = save_invites(rows, client.name)
        db.session.commit()
    except IntegrityError:
        # Another request added the same invite between the check and the save.
        db.session.rollback()
        return json_error(
            409, "Another request saved some of these invites at the same time; retry"
        )
    return jsonify({"added": added, "already_there": already})
