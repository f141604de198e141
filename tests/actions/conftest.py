"""The browser fixtures, for this folder's browser test (they skip without Chromium)."""

from tests.browser.conftest import (  # noqa: F401
    browser,
    live_server,
    new_context,
    page,
    start_live_server,
)
