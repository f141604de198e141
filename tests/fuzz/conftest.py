"""The fuzz tests' tally: every generated input sent, and every server error, printed at the
end of the run ("fuzz: N generated inputs, M server errors") so the figure can be quoted.

Printed when tests/fuzz is named on the command line; a whole-suite run under pytest-xdist
does not load this file in the controller, so it prints no figure there."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from tests.fuzz.sending import TALLY, FuzzClient
from tests.sms.helpers import settings as sms_settings


@pytest.fixture
def app(make_app) -> Iterator[Flask]:  # type: ignore[no-untyped-def]
    """The app every fuzz test sends to, built once per test (each example reuses it)."""
    app = make_app(**sms_settings())
    app.test_client_class = FuzzClient
    with app.app_context():
        yield app


def pytest_sessionfinish(session: pytest.Session) -> None:
    # Under pytest-xdist each worker counts its own: hand the figures to the controller.
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:
        workeroutput["fuzz_tally"] = dict(TALLY)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    for name, count in getattr(node, "workeroutput", {}).get("fuzz_tally", {}).items():
        TALLY[name] += count


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY["inputs"]:
        terminalreporter.write_line(
            f"fuzz: {TALLY['inputs']:,} generated inputs, {TALLY['server_errors']} server errors"
        )
