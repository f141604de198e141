"""Error pages in the person's language; a stale form on a public page is a fresh start.
Under /api/ the error is JSON, even for an address no route matches."""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from feedback.web.api import json_error
from feedback.web.uploads import size_in_words


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(HTTPException, _http_error)


def _csrf_failed(error: CSRFError) -> ResponseReturnValue:
    # Patient journeys have their own, friendlier handler (surveys.views).
    return render_template("errors/session-expired.html"), 400


def _http_error(error: HTTPException) -> ResponseReturnValue:
    status = error.code or 500
    if request.path.startswith("/api/"):
        # An API blueprint answers its own errors in JSON; this is for what reaches none of
        # them (/api/v1/fhir/QuestionnaireResponse/abc matches no route).
        return json_error(status, error.description or error.name)
    template = {
        403: "errors/forbidden.html",
        404: "errors/not-found.html",
        413: "errors/too-large.html",
        429: "errors/too-many-requests.html",
    }.get(status, "errors/generic.html")
    return render_template(template, error=error, largest=_largest_request()), status


def _largest_request() -> str | None:
    # A view may lower the limit for its own form (local surveys' publish page does).
    largest = request.max_content_length or current_app.config.get("MAX_CONTENT_LENGTH")
    return size_in_words(int(largest)) if largest else None
