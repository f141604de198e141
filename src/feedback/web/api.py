"""What every JSON endpoint for other systems shares: errors as JSON, the API key from the
`Authorization: Bearer` header, and a body read with a size limit and strict JSON."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, jsonify, request
from werkzeug.exceptions import HTTPException


class BodyError(ValueError):
    """The body as a whole is not what the API takes; the message says why."""


def json_error(status: int, message: str) -> Response:
    response = jsonify({"error": message})
    response.status_code = status
    return response


def answer_errors_in_json(blueprint: Blueprint) -> None:
    """A caller of an API reads JSON, not the staff error pages."""

    @blueprint.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        return json_error(error.code or 500, error.description or error.name)


def bearer_key() -> str | None:
    scheme, _, key = request.headers.get("Authorization", "").partition(" ")
    return key.strip() or None if scheme.lower() == "bearer" else None


def unauthorised() -> Response:
    response = json_error(401, "Send a valid API key: Authorization: Bearer <key>")
    response.headers["WWW-Authenticate"] = "Bearer"
    return response


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number")


def read_body(limit: int) -> bytes:
    too_big = BodyError(f"The body must be at most {limit:,} bytes")
    if (request.content_length or 0) > limit:
        raise too_big
    # Read one byte past the limit, so that a body sent without a length cannot run on.
    body = request.stream.read(limit + 1)
    if len(body) > limit:
        raise too_big
    return body


def strict_json(body: bytes) -> Any:
    """The body's JSON; NaN and Infinity are refused as numbers. BodyError if not JSON."""
    try:
        return json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):
        raise BodyError("The body must be JSON") from None
