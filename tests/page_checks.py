"""Every HTML page a test renders is checked: valid HTML, exactly one h1, unique ids."""

from __future__ import annotations

import re
from collections import Counter

import html5lib
from flask import has_app_context
from flask.testing import FlaskClient

from feedback.extensions import db

_ID = re.compile(r"""\sid=["']([^"']+)["']""")
_H1 = re.compile(r"<h1[\s>]")
# Characters HTML does not allow in a page (html5lib's "invalid codepoint"), found cheaply.
_NONCHARACTERS = "".join(chr(plane << 16 | end) for plane in range(17) for end in (0xFFFE, 0xFFFF))
_INVALID_CODEPOINT = re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef{_NONCHARACTERS}]")


class PageProblem(AssertionError):
    pass


def check_page(html: str, where: str) -> None:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(html)
    except html5lib.html5parser.ParseError as error:
        line = html.splitlines()[max(parser.errors[0][0][0] - 1, 0)] if parser.errors else ""
        raise PageProblem(f"{where}: invalid HTML ({error}) near: {line.strip()[:200]}") from error
    h1_count = len(_H1.findall(html))
    if h1_count != 1:
        raise PageProblem(f"{where}: {h1_count} h1 elements, expected exactly 1")
    repeated = [i for i, n in Counter(_ID.findall(html)).items() if n > 1]
    if repeated:
        raise PageProblem(f"{where}: repeated ids {repeated}")
    if "nhsuk-error-message" in html and "nhsuk-error-summary" not in html:
        raise PageProblem(f"{where}: an error message without the error summary")


class CheckedClient(FlaskClient):
    """Also runs each request in its own app context, as a server would: otherwise Flask
    reuses the test's context, and `g` (where Flask-Login keeps the user) leaks between
    requests of different clients.

    `full_check_every`: the fuzz tests send thousands of pages, and parsing each takes as long
    as making it, so they parse every tenth and look at the rest for invalid characters."""

    full_check_every = 1
    _pages = 0

    def open(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        outer = has_app_context()
        if outer:
            db.session.commit()  # the test's own data is visible to the request
        with self.application.app_context():
            response = super().open(*args, **kwargs)
        if outer:
            db.session.expire_all()  # and the test sees what the request wrote
        if response.mimetype == "text/html" and response.status_code != 302 and response.data:
            self._check(response.get_data(as_text=True), response.request)
        return response

    def _check(self, html: str, request) -> None:  # type: ignore[no-untyped-def]
        where = f"{request.method} {request.path}"
        CheckedClient._pages += 1
        if CheckedClient._pages % self.full_check_every == 0:
            check_page(html, where)
        elif found := _INVALID_CODEPOINT.search(html):
            raise PageProblem(f"{where}: invalid character {found[0]!r} in the page")
