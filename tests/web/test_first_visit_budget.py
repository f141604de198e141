"""The FFT from a home link: what a phone downloads on its first visit stays within 60 KB, and
the second page within 6 KB (benchmarks/first_visit.py measures the same in Chromium)."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from tests.factories import make_location

FIRST_VISIT_BUDGET = 60 * 1024
SECOND_PAGE_BUDGET = 6 * 1024
# What gunicorn adds to each response that the test client does not show: "HTTP/1.1 200 OK",
# Server, Date and Connection (about 90 bytes measured; rounded up).
SERVER_HEADER_BYTES = 120
# What the page makes a browser fetch: stylesheets, scripts, pictures, the logo's <use>, and
# the SVG favicon (a browser that takes it fetches neither the .ico nor the touch icon).
FETCHED = re.compile(
    r'<link rel="stylesheet" href="([^"]+)"'
    r'|<link rel="icon" href="([^"]+\.svg)"'
    r'|<script[^>]* src="([^"]+)"'
    r'|<img[^>]* src="([^"]+)"'
    r'|<use href="([^"#]+)'
)
JS_IMPORT = re.compile(r"""\bfrom\s*["'](/[^"']+)["']""")


def _transferred(response) -> int:  # type: ignore[no-untyped-def]
    headers = sum(len(f"{name}: {value}\r\n") for name, value in response.headers.items())
    return SERVER_HEADER_BYTES + headers + len(response.get_data())


def _referenced(client, html: str, encoding: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Each asset the page makes a browser fetch (and the modules those import): bytes."""
    pending = [next(url for url in match if url) for match in FETCHED.findall(html)]
    sizes: dict[str, int] = {}
    while pending:
        url = pending.pop()
        if url in sizes:
            continue
        response = client.get(url, headers={"Accept-Encoding": encoding})
        assert response.status_code == 200, url
        sizes[url] = _transferred(response)
        if url.endswith(".js"):
            pending += JS_IMPORT.findall(_decoded(client, url))
    return sizes


def _raw_client(app) -> FlaskClient:  # type: ignore[no-untyped-def]
    # The page-checking client would parse compressed bodies as HTML: these tests read bytes.
    return FlaskClient(app, app.response_class, use_cookies=True)


def _decoded(client, url: str) -> str:  # type: ignore[no-untyped-def]
    return client.get(url, headers={"Accept-Encoding": "identity"}).get_data(as_text=True)


@pytest.fixture
def ward(make_app):  # type: ignore[no-untyped-def]
    # CSRF on, as a phone meets the pages: the token is part of what the question page weighs.
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        location = make_location(name="Beech Ward, Bradgate Mental Health Unit")
        yield app, f"/feedback/{location.code}"


@pytest.mark.parametrize("encoding", ["br", "gzip"])  # a browser's first choice, and the fallback
def test_the_first_visit_stays_within_60_kb(ward, encoding):
    app, base = ward
    client = _raw_client(app)
    page = client.get(f"{base}/", headers={"Accept-Encoding": encoding})
    assets = _referenced(client, _decoded(client, f"{base}/"), encoding)
    total = _transferred(page) + sum(assets.values())
    breakdown = "\n".join(f"{size:>7,} {url}" for url, size in sorted(assets.items()))
    assert total <= FIRST_VISIT_BUDGET, f"{total:,} bytes with {encoding}:\n{breakdown}"
    # The NHS.UK CSS, its bundle and ours all came compressed: the budget needs it.
    assert len(assets) >= 6


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_the_second_page_is_its_html_alone_within_6_kb(ward, encoding):
    app, base = ward
    client = _raw_client(app)
    start = _decoded(client, f"{base}/")
    question = client.get(f"{base}/rating", headers={"Accept-Encoding": encoding})
    assert question.headers["Content-Encoding"] == encoding
    html = _decoded(client, f"{base}/rating")
    # Everything the question page refers to, the start page did, by the same hashed name,
    # kept for a year: the browser asks for none of it again.
    first = {next(u for u in m if u) for m in FETCHED.findall(start)}
    for url in {next(u for u in m if u) for m in FETCHED.findall(html)}:
        assert url in first, f"{url} is new on the second page"
        assert "immutable" in client.get(url).headers["Cache-Control"], url
    assert _transferred(question) <= SECOND_PAGE_BUDGET, f"{_transferred(question):,} bytes"
