"""Sending generated input to the app, counting each one, and the checks every answer to it
must pass: no server error, a refusal that says why, and nothing stored by a refusal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import cache
from typing import Any

import sqlalchemy as sa
from flask.testing import FlaskClient
from hypothesis import HealthCheck, Phase, settings
from werkzeug.test import TestResponse

from feedback.extensions import db
from tests.page_checks import CheckedClient

TALLY: Counter[str] = Counter()
# Written by every request, refused or not: a journey's progress, sign-in bookkeeping.
NOT_STORED_DATA = frozenset({"journey", "user_account", "job_run", "job_lock"})
ERROR_SUMMARY = "nhsuk-error-summary"


def fuzz_settings(examples: int) -> settings:
    """Reproducible in CI (derandomised) and writing no example database into the project."""
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        # No shrinking: a walk replayed thousands of times to shrink took minutes; the
        # derandomised failing input is reproducible as it is.
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


def send(client: FlaskClient, method: str, path: str, **kwargs: Any) -> TestResponse:
    """One generated input: counted, and a server error (raised in tests) counted too."""
    TALLY["inputs"] += 1
    try:
        response = client.open(path, method=method, **kwargs)
    except AssertionError:  # the page checks' finding (invalid HTML), not the server's
        raise
    except Exception:
        TALLY["server_errors"] += 1
        raise
    if response.status_code >= 500:
        TALLY["server_errors"] += 1
    assert response.status_code < 500, (method, path, response.status_code)
    return response


@cache
def _count_query() -> sa.TextClause:
    # Plain SQL built once: composing 70 subqueries per call cost more than the request.
    tables = [t.name for t in db.metadata.sorted_tables if t.name not in NOT_STORED_DATA]
    # The names are the models' own table names, not input.
    columns = ", ".join(f'(SELECT count(*) FROM "{name}") AS "{name}"' for name in tables)  # noqa: S608
    return sa.text(f"SELECT {columns}")


def stored_counts() -> dict[str, int]:
    """Rows in every table that holds what people sent (one query, so cheap per example)."""
    db.session.rollback()  # read what the requests committed, not a stale snapshot
    return dict(db.session.execute(_count_query()).one()._mapping)


def changed(before: dict[str, int]) -> dict[str, int]:
    after = stored_counts()
    return {name: after[name] - count for name, count in before.items() if after[name] != count}


def assert_html_refusal(response: TestResponse) -> None:
    """A refused page says why: a form shown again with the error summary, or (4xx) an error
    page with its own heading."""
    page = response.get_data(as_text=True)
    if response.status_code == 200:
        assert ERROR_SUMMARY in page, page[:500]
    else:
        assert 400 <= response.status_code < 500, response.status_code
        assert ERROR_SUMMARY in page or "<h1" in page, page[:500]


def assert_json_refusal(response: TestResponse) -> None:
    """A refused API call says why, in JSON: an "error" or "errors" with words in it."""
    body = response.get_json(silent=True)
    assert isinstance(body, dict), response.get_data(as_text=True)[:300]
    message = body.get("error") or body.get("errors")
    assert message, body
    assert _has_words(message), body


def _has_words(message: object) -> bool:
    if isinstance(message, str):
        return any(character.isalpha() for character in message)
    if isinstance(message, dict):  # {"index": 0, "message": "..."}: the words are in one
        return any(_has_words(value) for value in message.values())
    if isinstance(message, list):
        return all(_has_words(value) for value in message) and bool(message)
    return False


Check = Callable[[TestResponse], None]


class FuzzClient(CheckedClient):
    full_check_every = 10
