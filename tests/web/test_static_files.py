"""Static files: content-hashed names cached for a year, plain names for a while, both
compressed (docs/adr/0011-static-files.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from feedback.web.assets import build
from tests.factories import make_location

ASSET_URL = re.compile(r'(?:href|src)="(/(?:static|assets)/[^"#]+)')
HASHED = re.compile(r"\.[0-9a-f]{12}\.[a-z0-9]+$")
YEAR = "public, max-age=31536000, immutable"


def _start_page_assets(client) -> list[str]:  # type: ignore[no-untyped-def]
    location = make_location()
    html = client.get(f"/feedback/{location.code}/").get_data(as_text=True)
    return ASSET_URL.findall(html)


def test_the_fft_start_page_refers_only_to_hashed_names(app, client):
    urls = _start_page_assets(client)
    assert len(urls) >= 6  # favicons, the NHS.UK CSS, ours, the logo, the script
    assert [url for url in urls if not HASHED.search(url)] == []


@pytest.mark.parametrize(("accept", "encoding"), [("br, gzip", "br"), ("gzip", "gzip")])
def test_hashed_names_are_compressed_and_kept_for_a_year(app, client, accept, encoding):
    for url in _start_page_assets(client):
        response = client.get(url, headers={"Accept-Encoding": accept})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == YEAR, url
        if not url.endswith((".png", ".ico")):
            assert response.headers.get("Content-Encoding") == encoding, url
            assert "Accept-Encoding" in response.headers["Vary"], url


def test_plain_names_still_work_with_a_short_cache(app, client):
    version = app.config["NHSUK_FRONTEND_VERSION"]
    # Our own files by their old names, for an hour; the NHS.UK release (versioned, and its
    # CSS asks for /assets/images/... by plain name) for a week.
    for url, cache in (
        ("/static/css/feedback.css", "public, max-age=3600"),
        ("/static/js/init.js", "public, max-age=3600"),
        (f"/assets/nhsuk-frontend-{version}.min.css", "public, max-age=604800"),
        ("/assets/images/nhsuk-icon-cross.svg", "public, max-age=604800"),
    ):
        response = client.get(url, headers={"Accept-Encoding": "br"})
        assert response.status_code == 200, url
        assert response.headers["Cache-Control"] == cache, url
        assert response.headers["Content-Encoding"] == "br", url


def test_every_image_the_nhs_css_asks_for_is_served(app, client):
    version = app.config["NHSUK_FRONTEND_VERSION"]
    css = client.get(f"/assets/nhsuk-frontend-{version}.min.css").get_data(as_text=True)
    images = set(re.findall(r"url\((/assets/images/[^)]+)\)", css))
    assert images
    for url in images:
        assert client.get(url).status_code == 200, url


def test_the_hashed_script_imports_the_hashed_nhs_bundle(app, client):
    manifest = app.extensions["feedback_assets"]
    version = app.config["NHSUK_FRONTEND_VERSION"]
    bundle = manifest.url(f"/assets/nhsuk-frontend-{version}.min.js")
    script = client.get(manifest.url("/static/js/init.js")).get_data(as_text=True)
    assert f'from "{bundle}"' in script and HASHED.search(bundle)
    # The plain copy keeps the plain import, which is served too.
    assert f'/assets/nhsuk-frontend-{version}.min.js"' in client.get("/static/js/init.js").text


def test_what_the_build_leaves_out_is_still_served_by_flask(app, client):
    version = app.config["NHSUK_FRONTEND_VERSION"]
    response = client.get(f"/assets/nhsuk-frontend-{version}.min.css.map")
    assert response.status_code == 200
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def _write(folder: Path, files: dict[str, str]) -> dict[str, Path]:
    sources = {}
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        sources[f"/static/{name}"] = path
    return sources


def test_a_module_is_renamed_when_a_module_it_imports_changes(tmp_path):
    files = {
        "js/a.js": 'import { b } from "./b.js";\nb();\n',
        "js/b.js": "export const b = () => 1;\n",
        "js/c.js": 'import "./d.js";\n',  # c and d import each other: no hashed name can hold
        "js/d.js": 'import "./c.js";\n',
    }
    first = build(_write(tmp_path / "one", files), tmp_path / "cache")
    a_text = (first.folder / first.url("/static/js/a.js").lstrip("/")).read_text()
    assert f'from "{first.url("/static/js/b.js")}"' in a_text
    assert first.url("/static/js/c.js") == "/static/js/c.js"  # loaded once, by its plain name

    second = build(
        _write(tmp_path / "two", {**files, "js/b.js": "export const b = () => 2;\n"}),
        tmp_path / "cache",
    )
    assert second.url("/static/js/b.js") != first.url("/static/js/b.js")
    assert second.url("/static/js/a.js") != first.url("/static/js/a.js")
    assert second.folder != first.folder and first.folder.is_dir()  # an older build is kept


def test_the_same_files_build_once(tmp_path):
    sources = _write(tmp_path / "src", {"css/x.css": "body { color: red; }\n" * 50})
    first = build(sources, tmp_path / "cache")
    second = build(sources, tmp_path / "cache")
    assert first == second
    built = first.folder / first.url("/static/css/x.css").lstrip("/")
    assert built.with_name(built.name + ".br").is_file()
    assert built.with_name(built.name + ".gz").is_file()


def test_pages_are_compressed_for_people_not_signed_in_only(app):
    from flask.testing import FlaskClient

    from feedback.auth.models import Role
    from tests.factories import make_user, sign_in

    # Not the page-checking client: it would parse the compressed bodies as HTML.
    client = FlaskClient(app, app.response_class, use_cookies=True)
    location = make_location()
    page = client.get(f"/feedback/{location.code}/", headers={"Accept-Encoding": "br, gzip"})
    assert page.headers["Content-Encoding"] == "br"
    assert "Accept-Encoding" in page.headers["Vary"]
    # A staff page holds secrets beside text a link can put there (BREACH): sent as it is.
    sign_in(client, make_user(Role.PX_TEAM))
    staff = client.get(f"/feedback/{location.code}/", headers={"Accept-Encoding": "br, gzip"})
    assert staff.status_code == 200 and "Content-Encoding" not in staff.headers
