"""Error pages in the person's language; a stale form on a public page is a fresh start."""

from __future__ import annotations

from flask import Flask, render_template
from flask.typing import ResponseReturnValue
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def register(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(HTTPException, _http_error)


def _csrf_failed(error: CSRFError) -> ResponseReturnValue:
    # Patient journeys have their own, friendlier handler (surveys.views).
    return render_template("errors/session-expired.html"), 400


def _http_error(error: HTTPException) -> ResponseReturnValue:
    status = error.code or 500
    template = {
        403: "errors/forbidden.html",
        404: "errors/not-found.html",
        429: "errors/too-many-requests.html",
    }.get(status, "errors/generic.html")
    return render_template(template, error=error), status
