"""What a home-link FFT journey costs the database, page by page: the budget holds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask.testing import FlaskClient
from sqlalchemy import event

from feedback.extensions import db
from tests.factories import make_location
from tests.surveys.journey_helpers import answer

# (method, page, answer, statements at most): the location and the journey come in one query.
JOURNEY = (
    ("GET", "", None, 1),
    ("GET", "rating", None, 1),
    ("POST", "rating", "2", 2),  # the journey starts with the first answer
    ("GET", "reason", None, 1),
    ("POST", "reason", "Kind staff", 2),
    ("GET", "respondent", None, 1),
    ("POST", "respondent", "patient", 2),
    ("GET", "about_you", None, 1),
    ("POST", "about_you", "no", 8),  # the response and its answers, then the journey closed
    ("GET", "thank-you", None, 1),
)


@contextmanager
def statements() -> Iterator[list[str]]:
    seen: list[str] = []

    def count(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _send(client: FlaskClient, base: str, method: str, page: str, value: str | None):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(f"{base}/{page}")
    return answer(client, base, page, value)


def test_each_page_of_a_journey_runs_few_queries(client):
    base = f"/feedback/{make_location().code}"
    db.session.remove()  # nothing of the set-up left in the identity map to hide a query
    for method, page, value, budget in JOURNEY:
        with statements() as seen:
            reply = _send(client, base, method, page, value)
        assert reply.status_code in (200, 302), (method, page)
        assert len(seen) <= budget, (method, page, seen)


def test_a_patient_page_leaves_the_cookies_alone(client):
    """Nobody is signed in: no page rewrites the session or deletes a remember-me cookie
    unless the journey itself changed something."""
    base = f"/feedback/{make_location().code}"
    client.get(f"{base}/rating")
    answer(client, base, "rating", "2")
    for page in ("reason", "respondent"):
        reply = client.get(f"{base}/{page}")
        assert reply.headers.getlist("Set-Cookie") == [], page
