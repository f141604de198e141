"""Security headers on every response: every route of the app, signed out and as the patient
experience team, whatever the status (pages, redirects, refusals, not-found, static files)."""

from __future__ import annotations

import re

import pytest

from feedback.auth.models import Role
from tests.factories import make_user, sign_in

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": None,  # same-origin; the chat's private pages say no-referrer
    "Permissions-Policy": "camera=()",
}


def _every_get_url(app) -> list[str]:  # type: ignore[no-untyped-def]
    urls = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()):
            continue
        # Any value will do for the parts: a route that finds nothing still answers, with
        # its headers, and that answer is what is checked.
        urls.add(re.sub(r"<(?:[^:>]+:)?([^>]+)>", "1", rule.rule))
    version = app.config["NHSUK_FRONTEND_VERSION"]
    urls |= {"/static/css/feedback.css", f"/assets/nhsuk-frontend-{version}.min.css"}
    return sorted(urls)


def _problems(response, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    found = []
    for name, part in EXPECTED.items():
        value = response.headers.get(name)
        if value is None or (part is not None and part not in value):
            found.append(f"{url} ({response.status_code}): {name} is {value!r}")
    policy = response.headers.get("Content-Security-Policy", "")
    if "frame-ancestors 'none'" not in policy or "default-src 'self'" not in policy:
        found.append(f"{url} ({response.status_code}): Content-Security-Policy is {policy!r}")
    return found


@pytest.mark.parametrize("signed_in", [False, True])
def test_every_route_sends_the_security_headers(app, signed_in):
    client = app.test_client()
    if signed_in:
        sign_in(client, make_user(Role.PX_TEAM))
    urls = _every_get_url(app)
    assert len(urls) >= 100  # the walk really covers the app
    problems = []
    for url in urls:
        response = client.get(url)
        problems += _problems(response, url)
        if url.endswith(".css"):
            assert response.status_code == 200, url
    assert not problems, "\n".join(problems)


def test_hsts_only_over_https(app):
    client = app.test_client()
    assert "Strict-Transport-Security" not in client.get("/").headers
    secure = client.get("/", base_url="https://feedback.test")
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")


def test_behind_a_trusted_proxy_https_is_seen_as_https(make_app):
    app = make_app(PROXY_HOPS=1)
    with app.app_context():
        response = app.test_client().get("/", headers={"X-Forwarded-Proto": "https"})
        assert "Strict-Transport-Security" in response.headers
    untrusting = make_app()
    with untrusting.app_context():
        response = untrusting.test_client().get("/", headers={"X-Forwarded-Proto": "https"})
        assert "Strict-Transport-Security" not in response.headers
