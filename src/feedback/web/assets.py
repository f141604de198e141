"""Static files: content-hashed names, gzip and Brotli copies, served by WhiteNoise.

Flask has no manifest step and WhiteNoise's manifest storage is Django's, so the app builds its
own when it starts (docs/adr/0011-static-files.md): every file of our static folder and of the
NHS.UK release gets a copy named after its content (css/feedback.css ->
css/feedback.3f2a9c1b7d4e.css) beside a copy under its own name, each with .gz and .br
variants, in a folder named after the whole set. WhiteNoise serves that folder before Flask
sees the request: hashed names for a year (immutable), the others for a short while, since
pages elsewhere and the NHS.UK CSS's absolute url(/assets/images/...) use plain names.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import re
import shutil
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from wsgiref.headers import Headers

from flask import Flask, Response, current_app, send_from_directory
from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

log = logging.getLogger(__name__)

HASHED_CACHE = "public, max-age=31536000, immutable"
# Plain names may change under the same URL: the NHS.UK release's (versioned, pinned, and
# named in its own CSS) for a week, as before; ours for an hour.
PLAIN_CACHE = {"/assets/": "public, max-age=604800", "/static/": "public, max-age=3600"}
DIGEST_LENGTH = 12
BUILD_FORMAT = "1"  # part of the folder name: a change to how copies are made rebuilds them
KEEP_BUILDS = 3  # older builds are removed; a worker started before a deploy may use these
# `import x from "spec"`, `import "spec"`, `export * from "spec"` and `import("spec")`.
JS_IMPORT = re.compile(r"""(\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'\n]+)\2""")


@dataclass(frozen=True)
class Manifest:
    """Each plain URL (/static/css/feedback.css) and its content-hashed one."""

    hashed: Mapping[str, str]
    folder: Path  # the build WhiteNoise serves: <folder>/static/..., <folder>/assets/...

    def url(self, plain_url: str) -> str:
        """The hashed URL; the plain one (served with a short cache) if it was not built."""
        return self.hashed.get(plain_url, plain_url)


def init_assets(app: Flask, headers: Mapping[str, str]) -> None:
    """Serve the hashed and compressed copies, and give templates asset_url()."""
    assets = Assets(app, headers)
    app.wsgi_app = assets  # type: ignore[method-assign]
    app.extensions["feedback_assets"] = assets
    app.jinja_env.globals.update(asset_url=asset_url, nhsuk_asset=nhsuk_asset)
    _serve_other_nhsuk_files(app, Path(app.config["ASSETS_FOLDER"]))


class Assets:
    """The WSGI layer in front of Flask that serves the build, made when first needed.

    Not at create_app: the CLI, the scheduler and migrations serve no files, and a first build
    (Brotli on every file) takes a few seconds; later starts find it already on disk."""

    def __init__(self, app: Flask, headers: Mapping[str, str]) -> None:
        self._app = app
        self._inner = app.wsgi_app
        self._headers = dict(headers)
        self._lock = threading.Lock()
        self._manifest: Manifest | None = None
        self._served: WhiteNoise | None = None

    @property
    def manifest(self) -> Manifest:
        """Every plain URL's hashed one, building the copies the first time it is asked."""
        if self._manifest is None:
            with self._lock:
                if self._manifest is None:
                    self._served, self._manifest = self._build()
        return self._manifest

    def url(self, plain_url: str) -> str:
        return self.manifest.url(plain_url)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if self._served is None:
            self.manifest  # noqa: B018 - builds it
        assert self._served is not None
        return self._served(environ, start_response)

    def _build(self) -> tuple[WhiteNoise, Manifest]:
        config = self._app.config
        sources = {
            **_files(Path(self._app.static_folder or ""), "/static/"),
            **_nhsuk_files(Path(config["ASSETS_FOLDER"]), config["NHSUK_FRONTEND_VERSION"]),
        }
        cache = Path(
            config["STATIC_CACHE_FOLDER"] or Path(self._app.instance_path) / "static-cache"
        )
        manifest = build(sources, cache)
        immutable = frozenset(h for plain, h in manifest.hashed.items() if h != plain)
        headers = self._headers

        def add_headers(response_headers: Headers, path: str, url: str) -> None:
            for name, value in headers.items():
                response_headers[name] = value
            plain = PLAIN_CACHE["/assets/" if url.startswith("/assets/") else "/static/"]
            response_headers["Cache-Control"] = HASHED_CACHE if url in immutable else plain

        served = WhiteNoise(
            self._inner, max_age=None, allow_all_origins=False, add_headers_function=add_headers
        )
        for prefix in ("static", "assets"):
            if (manifest.folder / prefix).is_dir():
                served.add_files(str(manifest.folder / prefix), prefix=f"/{prefix}/")
        return served, manifest


def asset_url(name: str) -> str:
    """The hashed URL of a file of src/feedback/static: asset_url("css/feedback.css")."""
    return current_app.extensions["feedback_assets"].url(f"/static/{name}")  # type: ignore[no-any-return]


def nhsuk_asset(name: str) -> str:
    """The hashed URL of a file of the NHS.UK release: nhsuk_asset("images/favicon.svg")."""
    return current_app.extensions["feedback_assets"].url(f"/assets/{name}")  # type: ignore[no-any-return]


def _files(folder: Path, prefix: str) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    return {
        prefix + path.relative_to(folder).as_posix(): path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def _nhsuk_files(folder: Path, version: str) -> dict[str, Path]:
    """The release's images (dist/nhsuk/assets) and the CSS and JS bundles pages use, at /assets.

    Only the versioned bundles: the release also has unversioned and "dynamic type" copies,
    and Brotli on each CSS bundle takes about 0.4 s (Flask still serves them, as before)."""
    if not folder.is_dir():
        log.warning("No NHS.UK frontend at %s: run `make install`", folder)
        return {}
    names = (f"nhsuk-frontend-{version}.min.css", f"nhsuk-frontend-{version}.min.js")
    bundles = {f"/assets/{name}": folder / name for name in names if (folder / name).is_file()}
    return {**_files(folder / "assets", "/assets/"), **bundles}


def _serve_other_nhsuk_files(app: Flask, folder: Path) -> None:
    # What the build leaves out (source maps, the component modules) is still at /assets, as
    # before, through Flask: only the files pages use need the compressed copies.
    def assets(filename: str) -> Response:
        own_folder = folder / "assets" if (folder / "assets" / filename).is_file() else folder
        return send_from_directory(own_folder, filename, max_age=86400 * 7)

    app.add_url_rule("/assets/<path:filename>", "assets", assets)
    app.config.setdefault("PUBLIC_ENDPOINTS", set()).update({"assets", "static"})


# --- Building the copies ----------------------------------------------------------------


def build(sources: Mapping[str, Path], cache: Path) -> Manifest:
    """Hash every source (plain URL -> file) and write the build once into cache/<digest>."""
    contents = {url: path.read_bytes() for url, path in sources.items()}
    hashed, rewritten = _hash_names(contents)
    digest = _digest(
        BUILD_FORMAT.encode()
        + b"".join(url.encode() + _digest(data).encode() for url, data in sorted(contents.items()))
    )
    # Apps in one process with the same files share one build: tests build an app, each with
    # its own instance folder, per test, and writing the copies takes a good part of a second.
    built = _built.get(digest)
    if built is not None and (built / "manifest.json").is_file():
        return Manifest(hashed=hashed, folder=built)
    folder = cache / digest
    if not (folder / "manifest.json").is_file():
        _write_build(folder, contents, hashed, rewritten)
    os.utime(folder)  # the newest build is the one in use: pruning keeps it
    _prune(cache, keep=folder)
    _built[digest] = folder
    return Manifest(hashed=hashed, folder=folder)


_built: dict[str, Path] = {}  # build digest -> its folder, for this process


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]


def _hashed_name(url: str, data: bytes) -> str:
    stem, dot, extension = url.rpartition(".")
    if not dot or "/" in extension:
        return f"{url}.{_digest(data)}"
    return f"{stem}.{_digest(data)}.{extension}"


def _hash_names(contents: Mapping[str, bytes]) -> tuple[dict[str, str], dict[str, bytes]]:
    """Each URL's hashed name, and the JS modules whose hashed copy imports hashed names.

    A module's hashed copy imports the hashed copies of the modules it imports (so the whole
    chain is cached for good), and its name is the hash of that rewritten text: a change to an
    imported module renames every module that imports it. Modules in an import cycle cannot
    be named after content that names each other: they keep their plain names (short cache),
    so each is still loaded once."""
    imports = {url: _imports(url, data, contents) for url, data in contents.items() if _is_js(url)}
    in_cycle = {url for url in imports if _reaches(imports, url, url)}
    hashed: dict[str, str] = {}
    rewritten: dict[str, bytes] = {}

    def name_of(url: str) -> str:
        if url not in hashed:
            data = contents[url]
            if url in in_cycle:
                hashed[url] = url
                return url
            if url in imports:
                data = _rewrite_imports(url, data, imports[url], name_of)
                if data != contents[url]:
                    rewritten[url] = data
            hashed[url] = _hashed_name(url, data)
        return hashed[url]

    for url in contents:
        name_of(url)
    return hashed, rewritten


def _is_js(url: str) -> bool:
    return url.endswith((".js", ".mjs"))


def _target(url: str, specifier: str) -> str | None:
    """The URL an import specifier in the module at url names; None for bare or full URLs."""
    if specifier.startswith("/"):
        return posixpath.normpath(specifier)
    if specifier.startswith(("./", "../")):
        return posixpath.normpath(posixpath.join(posixpath.dirname(url), specifier))
    return None


def _imports(url: str, data: bytes, contents: Mapping[str, bytes]) -> set[str]:
    found = {_target(url, match.group(3)) for match in JS_IMPORT.finditer(data.decode("utf-8"))}
    return {target for target in found if target in contents}


def _reaches(graph: Mapping[str, set[str]], start: str, goal: str) -> bool:
    seen: set[str] = set()
    pending = list(graph.get(start, ()))
    while pending:
        url = pending.pop()
        if url == goal:
            return True
        if url not in seen:
            seen.add(url)
            pending += graph.get(url, ())
    return False


def _rewrite_imports(
    url: str, data: bytes, targets: set[str], name_of: Callable[[str], str]
) -> bytes:
    def replace(match: re.Match[str]) -> str:
        lead, quote, specifier = match.groups()
        target = _target(url, specifier)
        if target not in targets:
            return match.group(0)  # not one of ours: left as written
        return f"{lead}{quote}{name_of(target)}{quote}"

    return JS_IMPORT.sub(replace, data.decode("utf-8")).encode("utf-8")


def _write_build(
    folder: Path,
    contents: Mapping[str, bytes],
    hashed: Mapping[str, str],
    rewritten: Mapping[str, bytes],
) -> None:
    # Written beside the final folder and renamed into place, so a worker starting at the same
    # time never serves a half-written build; the same sources give the same build, so when
    # two workers race, either result will do.
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = folder.parent / f".{folder.name}.{uuid.uuid4().hex}"
    for url, data in contents.items():
        _write_with_variants(building / url.lstrip("/"), data)
        if hashed[url] != url:
            _write_with_variants(building / hashed[url].lstrip("/"), rewritten.get(url, data))
    (building / "manifest.json").write_text(json.dumps(dict(hashed), indent=1, sort_keys=True))
    try:
        building.rename(folder)
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
        if not (folder / "manifest.json").is_file():
            raise


# Compressing the NHS.UK CSS with Brotli takes about 0.4 s: each distinct file is compressed
# once per process (a test run builds an app, and so a build, per test).
_compressed: dict[tuple[str, str], bytes | None] = {}
_COMPRESSOR = Compressor(quiet=True)
_COMPRESSIONS = ((".br", Compressor.compress_brotli), (".gz", Compressor.compress_gzip))


def _write_with_variants(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if not _COMPRESSOR.should_compress(path.name):  # not PNGs and the like
        return
    for suffix, compress in _COMPRESSIONS:
        variant = _compressed_variant(suffix, data, compress)
        if variant is not None:
            path.with_name(path.name + suffix).write_bytes(variant)


def _compressed_variant(
    suffix: str, data: bytes, compress: Callable[[bytes], bytes]
) -> bytes | None:
    key = (suffix, hashlib.sha256(data).hexdigest())
    if key not in _compressed:
        variant = compress(data)
        # As `python -m whitenoise.compress` does: keep it only if it saves at least 5%.
        _compressed[key] = variant if data and len(variant) <= 0.95 * len(data) else None
    return _compressed[key]


def _prune(cache: Path, keep: Path) -> None:
    builds = sorted(_builds(cache), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [b for b in builds if b != keep][KEEP_BUILDS - 1 :]:
        shutil.rmtree(old, ignore_errors=True)


def _builds(cache: Path) -> Iterator[Path]:
    for entry in cache.iterdir():
        if entry.is_dir() and not entry.name.startswith("."):
            yield entry
