"""Pages that are the same for everybody but for their CSRF token and CSP nonce, rendered once.

A patient's question page, before they have answered it, depends only on the questionnaire,
the language, easy read, the channel and where the question sits on their path: a few
thousand possible pages, asked for thousands of times a day. Rendering one is most of what a
journey costs the server (Jinja, the NHS.UK macros, dozens of translated strings), so each is
rendered once per worker with marks where the token and the nonce go, and every later request
gets a copy with its own two values put in. Callers choose what is safe to keep: never a page
holding something a person typed, an error, or anything read from the database.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from flask import g, render_template
from flask_wtf.csrf import generate_csrf

__all__ = ["PageCache"]

# Letters and digits only, so autoescaping leaves them as they are, and random, so no text a
# page is built from can contain them.
_NONCE_MARK = f"nonce{secrets.token_hex(12)}"
_CSRF_MARK = f"csrf{secrets.token_hex(12)}"


class PageCache:
    """The most recently used `size` pages of one worker, each kept as rendered with marks."""

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._pages: OrderedDict[Hashable, str] = OrderedDict()
        self._lock = threading.Lock()

    def render(self, key: Hashable, template: str, context: Callable[[], dict[str, Any]]) -> str:
        """The page for `key`, as `render_template(template, **context())` would give it now
        (`context` is called only when the page is rendered)."""
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
        if page is None:
            page = self._render_marked(template, context())
            with self._lock:
                self._pages[key] = page
                while len(self._pages) > self.size:
                    self._pages.popitem(last=False)
        page = page.replace(_NONCE_MARK, getattr(g, "csp_nonce", ""))
        # Asked for only where the page has a form, as the template would: it may set a cookie.
        return page.replace(_CSRF_MARK, generate_csrf()) if _CSRF_MARK in page else page

    def clear(self) -> None:
        with self._lock:
            self._pages.clear()

    def __len__(self) -> int:
        return len(self._pages)

    @staticmethod
    def _render_marked(template: str, context: dict[str, Any]) -> str:
        nonce = g.get("csp_nonce")
        g.csp_nonce = _NONCE_MARK  # read by the page context processor while rendering
        try:
            return render_template(template, **context, csrf_token=lambda: _CSRF_MARK)
        finally:
            if nonce is None:
                g.pop("csp_nonce", None)
            else:
                g.csp_nonce = nonce
