"""Pages rendered once per worker: rendered only when missing, and never more than `size` kept."""

from __future__ import annotations

from flask import g

from feedback.web.page_cache import _NONCE_MARK, PageCache


def test_a_page_is_rendered_once_and_the_least_recently_used_is_dropped(app):
    pages = PageCache(size=2)
    rendered: list[str] = []

    def context(name: str):  # type: ignore[no-untyped-def]
        def build() -> dict[str, object]:
            rendered.append(name)
            return {"form": None}

        return build

    with app.test_request_context("/"):
        g.csp_nonce = "abc123"
        for key in ("a", "b", "a", "c", "a", "b"):
            page = pages.render(key, "errors/not-found.html", context(key))
            assert "abc123" in page and _NONCE_MARK not in page

    # "b" was the least recently used when "c" came, so it was rendered again at the end.
    assert rendered == ["a", "b", "c", "b"]
    assert len(pages) == 2
    pages.clear()
    assert len(pages) == 0
