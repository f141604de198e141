"""Benchmark: what a phone downloads for the FFT from a home link, and how soon it can answer.

    .venv/bin/python benchmarks/first_visit.py [--runs N] [--workers W]

1. builds a SQLite database in a temp folder with the real migrations and the demo
   organisation (`seed_demo`: its wards; no history, which these pages do not read);
2. saves the floor: the home-link start page and the first question as they are served,
   written out as static HTML (the Start link pointing at the saved question) with gzip and
   Brotli copies, referring to the same assets;
3. serves the app with gunicorn on 127.0.0.1 (benchmarks/submit.py's environment, server
   start and stop), with the saved pages at /floor/ through WhiteNoise in the same process;
4. with Chromium (Playwright, /usr/bin/chromium), each run in a new profile (empty cache):
   - bytes: opens the start page (/feedback/<ward>/), then presses Start; the sum of every
     response's encoded size (headers and compressed body, CDP Network.loadingFinished
     encodedDataLength) for the first visit and for the second page (the first question);
   - a slow phone: the same with 3G-like figures (300 ms latency, 1.6 Mbps down, 750 Kbps up;
     CDP Network.emulateNetworkConditions) and the CPU four times slower
     (Emulation.setCPUThrottlingRate): when the start page first shows text, and when the
     first question does (first contentful paint of the question page, from the start);
   and the same for the floor, measured the same way.

The fonts come from assets.nhs.uk, which this machine cannot reach: they are blocked (CDP
Network.setBlockedURLs, which leaves the HTTP cache on, as Playwright's page.route would not)
and not counted. Exit status 1 when the first visit is over 60 KB or the second page over 6 KB.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

# The submit benchmark sits beside this file (sys.path[0] when run as a script): its server
# environment, start-up wait, stop and log check are this benchmark's too.
import submit as submit_benchmark

FIRST_VISIT_BUDGET = 60 * 1024
SECOND_PAGE_BUDGET = 6 * 1024
SLOW_3G = {
    "offline": False,
    "latency": 300,  # ms, each way's round trip as the emulation applies it
    "downloadThroughput": 1_600_000 / 8,  # bytes per second
    "uploadThroughput": 750_000 / 8,
    "connectionType": "cellular3g",
}
CPU_SLOWDOWN = 4
FONTS = "*assets.nhs.uk*"
FLOOR_PREFIX = "/floor/"
FLOOR_ENV = "FIRST_VISIT_FLOOR"  # the folder of saved pages the server also serves
START_BUTTON = "main a.nhsuk-button"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]


def serving_app() -> Any:
    """gunicorn's factory (`first_visit:serving_app()`): the app, plus the saved pages."""
    from baseline_app import app
    from whitenoise import WhiteNoise

    floor = WhiteNoise(app.wsgi_app, max_age=0, allow_all_origins=False)
    floor.add_files(os.environ[FLOOR_ENV], prefix=FLOOR_PREFIX)
    app.wsgi_app = floor
    return app


# --- Preparing the server --------------------------------------------------------------------


def seed_and_save_floor(folder: Path, env: dict[str, str]) -> str:
    """Build the database, load the demo wards, save the floor pages; the ward's code."""
    from flask_migrate import upgrade
    from whitenoise.compress import Compressor

    from feedback import create_app
    from feedback.demo import seed_demo
    from feedback.extensions import db
    from feedback.organisation.models import Location

    # The server's own settings (CSRF on, as a phone meets it), so the saved pages are the
    # pages the server sends, hidden fields and all.
    settings = {
        "SECRET_KEY": env["FEEDBACK_SECRET_KEY"],
        "DATABASE_URL": env["FEEDBACK_DATABASE_URL"],
        "SESSION_COOKIE_SECURE": False,
    }
    app = create_app(settings, instance_path=str(folder))
    with app.app_context(), redirect_stderr(io.StringIO()):  # Alembic's INFO lines
        upgrade()
    with app.app_context():
        seed_demo()
        db.session.commit()
        code = db.session.scalars(
            db.select(Location.code).where(Location.retired_at.is_(None)).order_by(Location.code)
        ).first()
        client = app.test_client()
        start = client.get(f"/feedback/{code}/").get_data(as_text=True)
        question = client.get(f"/feedback/{code}/rating").get_data(as_text=True)
        db.session.remove()
        db.engine.dispose()  # hold no SQLite handle while gunicorn runs
    floor = folder / "floor"
    floor.mkdir()
    start = start.replace(f'href="/feedback/{code}/rating"', f'href="{FLOOR_PREFIX}rating.html"')
    compressor = Compressor(quiet=True)
    for name, html in (("start.html", start), ("rating.html", question)):
        (floor / name).write_text(html, encoding="utf-8")
        compressor.compress(str(floor / name))
    return str(code)


def start_server(env: dict[str, str], port: int, workers: int, log: IO[str]) -> Any:
    import subprocess

    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(workers),
        "--bind", f"127.0.0.1:{port}",
        "--chdir", str(submit_benchmark.PROJECT_ROOT),
        "--pythonpath", str(submit_benchmark.BENCHMARKS),
        "--error-logfile", "-",
        "first_visit:serving_app()",
    ]  # fmt: skip
    # A session of its own, so submit.py's stop_server can stop master and workers together.
    return subprocess.Popen(
        command,
        cwd=submit_benchmark.PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


# --- Measuring in the browser ----------------------------------------------------------------


@dataclass
class Visit:
    first_bytes: int = 0
    second_bytes: int = 0
    first_requests: list[tuple[str, int, str]] = field(default_factory=list)  # url, bytes, enc
    start_paint_ms: float = 0.0
    question_paint_ms: float = 0.0


class Counter:
    """Encoded bytes of every response the page received, since the last reset."""

    def __init__(self, cdp: Any) -> None:
        self.sizes: dict[str, int] = {}
        self.meta: dict[str, tuple[str, str]] = {}
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)

    def _response(self, event: dict[str, Any]) -> None:
        response = event["response"]
        headers = {k.lower(): v for k, v in response["headers"].items()}
        self.meta[event["requestId"]] = (response["url"], headers.get("content-encoding", "-"))

    def _finished(self, event: dict[str, Any]) -> None:
        self.sizes[event["requestId"]] = int(event["encodedDataLength"])

    def take(self) -> tuple[int, list[tuple[str, int, str]]]:
        """The total and each response (url, bytes, content encoding); then start again."""
        found = []
        for key, size in self.sizes.items():
            url, encoding = self.meta.get(key, ("?", "-"))
            found.append((url, size, encoding))
        self.sizes, self.meta = {}, {}
        return sum(size for _, size, _ in found), found


def paint_ms(page: Any) -> float:
    """This page's first contentful paint, in the browser's clock (epoch ms)."""
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0")
    return float(
        page.evaluate(
            "performance.timeOrigin + performance.getEntriesByName('first-contentful-paint')[0]"
            ".startTime"
        )
    )


def visit(browser: Any, start_url: str, slow: bool) -> Visit:
    """Open the start page in an empty profile, press Start, and measure both pages."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setBlockedURLs", {"urls": [FONTS]})
    if slow:
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    counter = Counter(cdp)
    result = Visit()
    try:
        page.goto(start_url, wait_until="load", timeout=120_000)
        began = float(page.evaluate("performance.timeOrigin"))
        result.start_paint_ms = paint_ms(page) - began
        page.wait_for_load_state("networkidle", timeout=120_000)
        result.first_bytes, result.first_requests = counter.take()
        with page.expect_navigation(wait_until="load", timeout=120_000):
            page.locator(START_BUTTON).click()
        result.question_paint_ms = paint_ms(page) - began
        page.wait_for_load_state("networkidle", timeout=120_000)
        result.second_bytes, _ = counter.take()
    finally:
        context.close()
    return result


def measure(base_url: str, code: str, runs: int) -> dict[str, dict[str, list[Visit]]]:
    from playwright.sync_api import sync_playwright

    pages = {"app": f"{base_url}/feedback/{code}/", "floor": f"{base_url}{FLOOR_PREFIX}start.html"}
    results: dict[str, dict[str, list[Visit]]] = {name: {"fast": [], "slow": []} for name in pages}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS
        )
        try:
            for name, url in pages.items():
                visit(browser, url, slow=False)  # warm the server (templates, first queries)
                for _ in range(runs):
                    results[name]["fast"].append(visit(browser, url, slow=False))
                    results[name]["slow"].append(visit(browser, url, slow=True))
        finally:
            browser.close()
    return results


# --- The report ------------------------------------------------------------------------------


def _median(visits: list[Visit], pick: Callable[[Visit], float]) -> float:
    return statistics.median(pick(v) for v in visits)


def print_report(results: dict[str, dict[str, list[Visit]]]) -> bool:
    app, floor = results["app"], results["floor"]
    rows: Sequence[tuple[str, Callable[[Visit], float], str, str, int | None]] = (
        ("First visit, bytes", lambda v: v.first_bytes, "fast", "{:,.0f}", FIRST_VISIT_BUDGET),
        ("Second page, bytes", lambda v: v.second_bytes, "fast", "{:,.0f}", SECOND_PAGE_BUDGET),
        ("Slow phone: start page shows, ms", lambda v: v.start_paint_ms, "slow", "{:,.0f}", None),
        ("Slow phone: first question, ms", lambda v: v.question_paint_ms, "slow", "{:,.0f}", None),
    )
    print(f"\n{'':36} {'app':>10} {'floor':>10} {'budget':>10}")
    within = True
    for label, pick, speed, shape, budget in rows:
        ours, best = _median(app[speed], pick), _median(floor[speed], pick)
        if budget is not None:
            within &= ours <= budget
        limit = f"{budget:,}" if budget else ""
        print(f"{label:36} {shape.format(ours):>10} {shape.format(best):>10} {limit:>10}")
    print("\nFirst visit of the app, by response (bytes transferred, content encoding):")
    for url, size, encoding in sorted(app["fast"][0].first_requests, key=lambda r: -r[1]):
        print(f"  {size:>8,}  {encoding:5} {re.sub(r'^https?://[^/]+', '', url)}")
    print(
        f"\nMedians of {len(app['fast'])} runs, each in an empty profile. Slow phone: "
        f"{SLOW_3G['latency']} ms latency, 1.6 Mbps down, 750 Kbps up, CPU /{CPU_SLOWDOWN}. "
        "Fonts from assets.nhs.uk blocked and not counted (offline here)."
    )
    print("Within budget." if within else "OVER BUDGET.")
    return within


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="measured visits per page and speed")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="first-visit-") as name:
        folder = Path(name)
        print("Building the database and saving the floor pages ...")
        env = submit_benchmark.server_environment(folder)
        code = seed_and_save_floor(folder, env)
        env[FLOOR_ENV] = str(folder / "floor")
        port = submit_benchmark.free_port()
        base_url = f"http://127.0.0.1:{port}"
        with open(folder / "gunicorn.log", "w+", encoding="utf-8") as log:
            server = start_server(env, port, args.workers, log)
            try:
                submit_benchmark.wait_until_serving(server, base_url, args.workers)
                print(f"Serving ward {code} at {base_url}; measuring {args.runs} runs ...")
                began = time.monotonic()
                results = measure(base_url, code, args.runs)
                print(f"Measured in {time.monotonic() - began:.0f} s")
            finally:
                submit_benchmark.stop_server(server)
            log.seek(0)
            clean = submit_benchmark.print_server_log(log.read())
    return 0 if print_report(results) and clean else 1


if __name__ == "__main__":
    sys.exit(main())
