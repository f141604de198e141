"""Pages for people who are not signed in go out compressed (Flask-Compress, Brotli or gzip).

A question page is about 5 KB of HTML and 1 KB of headers: compressed it is about 3 KB, and
the FFT's second page has a 6 KB budget (docs/adr/0011-static-files.md). Staff pages are not
compressed: a compressed page that holds a secret (a CSRF token, a patient's words) and text
an attacker can put in it (a search box) leaks the secret to anyone who can watch its length
(BREACH). The patient pages' only secret is the CSRF token of an anonymous journey, which
guards nothing an anonymous person could not do anyway.
"""

from __future__ import annotations

from flask import Flask, Response, request, session
from flask_compress import Compress

SETTINGS = {
    "COMPRESS_REGISTER": False,  # this module decides which responses are compressed
    "COMPRESS_MIMETYPES": ["text/html"],
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    # Quick levels: a page is compressed on every request, and the FFT journey's whole server
    # budget is 8 ms (Brotli 4 takes about 0.1 ms on a question page, for 95% of level 11).
    "COMPRESS_BR_LEVEL": 4,
    "COMPRESS_LEVEL": 6,
    "COMPRESS_MIN_SIZE": 500,
}


def init_compression(app: Flask) -> None:
    """Compress HTML responses to requests from nobody signed in."""
    for name, value in SETTINGS.items():
        app.config.setdefault(name, value)
    compress = Compress(app)

    def compress_when_signed_out(response: Response) -> Response:
        # Read the session, never current_user: asking Flask-Login here loads (and, with
        # strong session protection, rewrites) a session that only holds a sign-in half done.
        remember = app.config.get("REMEMBER_COOKIE_NAME", "remember_token")
        if "_user_id" in session or remember in request.cookies:
            return response
        return compress.after_request(response)

    # Registered first, so it runs after every other app-wide after_request (Flask runs them
    # last-registered first) and compresses the body they have finished with.
    app.after_request(compress_when_signed_out)
