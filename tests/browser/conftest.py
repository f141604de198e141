"""Real-browser tests: the app served on 127.0.0.1 by a live server, driven by Debian's Chromium.

One Chromium per test session, a fresh context (cookies, storage) per test. The live server's
database is built by the real migrations: a temporary SQLite file, or with
FEEDBACK_TEST_DATABASE_URL (CI's PostgreSQL run) a fresh schema that is dropped afterwards.

Without /usr/bin/chromium the whole package is skipped, unless FEEDBACK_REQUIRE_BROWSER=1 (CI),
when every browser test errors with the reason instead.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_REQUIRED = os.environ.get("FEEDBACK_REQUIRE_BROWSER") == "1"
POSTGRES_URL = os.environ.get("FEEDBACK_TEST_DATABASE_URL")
SECRET_KEY = "browser-test-secret-key"
LOCATION_CODE = "BRW1"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HERE = Path(__file__).resolve().parent
BROWSER_MARKS = (pytest.mark.browser, pytest.mark.xdist_group("browser"))


def _missing_browser() -> str | None:
    # playwright and axe-playwright-python are dev dependencies: without them the test
    # modules fail to import, which is loud enough for a broken install.
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install -y chromium)"
    return None


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> Iterator[None]:
    """Every test in this package is a browser test, run on one xdist worker (loadgroup)."""
    ours = [item for item in items if HERE in Path(str(item.path)).resolve().parents]
    missing = _missing_browser()
    for item in ours:
        # Each module declares the marks itself; this is the safety net for a new module.
        for mark in BROWSER_MARKS:
            if not any(m.name == mark.name for m in item.iter_markers()):
                item.add_marker(mark)
        if missing and not BROWSER_REQUIRED:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {missing}"))
    yield


# --- The browser -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    missing = _missing_browser()
    if missing:
        message = f"browser tests cannot run: {missing}"
        if BROWSER_REQUIRED:
            pytest.fail(f"FEEDBACK_REQUIRE_BROWSER=1 but {message}", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open a fresh browser context (own cookies) with the given options; closed at the end."""
    from playwright.sync_api import expect

    expect.set_options(timeout=5000)
    contexts: list[Any] = []

    def open_context(**options: Any) -> Any:
        context = browser.new_context(**{"locale": "en-GB", **options})
        context.set_default_timeout(5000)
        context.set_default_navigation_timeout(10000)
        # The NHS.UK fonts come from assets.nhs.uk: this machine is offline, and the pages
        # must be usable in the fallback font anyway.
        context.route("https://assets.nhs.uk/**", lambda route: route.abort())
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., Any]) -> Any:
    return new_context().new_page()


# --- The live server ---------------------------------------------------------------------


@dataclass(frozen=True)
class LiveServer:
    url: str
    location_code: str
    kiosk_token: str
    staff_email: str
    app: Any

    @property
    def start_url(self) -> str:
        return f"{self.url}/feedback/{self.location_code}/"

    @property
    def kiosk_url(self) -> str:
        return f"{self.url}/kiosk/{self.kiosk_token}/"


def _seed(app: Any) -> dict[str, str]:
    from feedback.extensions import db
    from feedback.kiosks.services import kiosk_token
    from tests.factories import make_kiosk, make_location, make_user

    with app.app_context():
        location = make_location(code=LOCATION_CODE, name="Beech Ward")
        staff = make_user(email=f"staff-{uuid.uuid4().hex[:8]}@example.nhs.uk")
        kiosk = make_kiosk(location, by=staff)
        token = kiosk_token(kiosk, app.config["SECRET_KEY"])
        db.session.commit()
        return {"kiosk_token": token, "staff_email": staff.email}


@pytest.fixture(scope="session")
def start_live_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Callable[..., LiveServer]]:
    """Start a live server with extra settings; every server started is stopped at the end."""
    from flask_migrate import upgrade
    from werkzeug.serving import WSGIRequestHandler, make_server

    class _QuietHandler(WSGIRequestHandler):
        """Logs only server errors: a failing test's output is not buried under asset GETs."""

        def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
            if str(code).startswith("5"):
                super().log_request(code, size)

    from feedback import create_app
    from feedback.extensions import db

    cleanups: list[Callable[[], None]] = []  # run last-first at the end of the session

    def start(**overrides: Any) -> LiveServer:
        folder = tmp_path_factory.mktemp("live")
        engine_options: dict[str, Any] = {}
        if POSTGRES_URL:
            schema = f"b_{uuid.uuid4().hex[:12]}"
            _run_sql(f'CREATE SCHEMA "{schema}"')
            cleanups.append(lambda: _run_sql(f'DROP SCHEMA "{schema}" CASCADE'))
            engine_options = {
                "connect_args": {"options": f"-csearch_path={schema}"},
                "pool_pre_ping": True,
            }
            database_url = POSTGRES_URL
        else:
            database_url = f"sqlite:///{folder / 'live.sqlite3'}"
        settings = {
            "TESTING": True,
            "SECRET_KEY": SECRET_KEY,
            "DATABASE_URL": database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": engine_options,
            "SESSION_COOKIE_SECURE": False,
            "REMEMBER_COOKIE_SECURE": False,
            "WTF_CSRF_ENABLED": True,  # the real thing, as a person's browser meets it
            "SERVER_NAME": None,
            # Every browser test comes from 127.0.0.1: a quick run types more than the 20 PROM
            # codes a minute one address may try, and the 429 broke the next test. Limits have
            # their own tests, which send from one client on purpose.
            "RATELIMIT_ENABLED": False,
            "PASSWORD_HASH_METHOD": "scrypt:256:8:1",
            **overrides,
        }
        app = create_app(settings, instance_path=str(folder))

        def dispose() -> None:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()

        cleanups.append(dispose)
        with app.app_context():
            upgrade()
        seeded = _seed(app)

        server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietHandler)
        thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
        thread.start()

        def stop() -> None:
            server.shutdown()
            thread.join(timeout=10)
            server.server_close()

        cleanups.append(stop)
        return LiveServer(
            url=f"http://127.0.0.1:{server.server_port}",
            app=app,
            location_code=LOCATION_CODE,
            **seeded,
        )

    yield start
    for cleanup in reversed(cleanups):
        cleanup()


def _run_sql(statement: str) -> None:
    engine = sa.create_engine(POSTGRES_URL)  # type: ignore[arg-type]
    try:
        with engine.begin() as connection:
            connection.execute(sa.text(statement))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def live_server(start_live_server: Callable[..., LiveServer]) -> LiveServer:
    """The app with its normal settings, shared by the session's browser tests."""
    return start_live_server()


# --- Driving the journey -----------------------------------------------------------------

ABOUT_YOU_QUESTIONS = ("age_band", "sex", "ethnicity", "disability")


def continue_button(page: Any) -> Any:
    """The page's main button: Start or Give more feedback (links that look like buttons),
    Continue or Send feedback (a form's button)."""
    return page.locator(
        'main form[novalidate] button.nhsuk-button, main a.nhsuk-button[role="button"]'
    )


def choose(page: Any, value: str) -> None:
    page.locator(f'input[name="answer"][value="{value}"]').check()


def page_language(page: Any) -> tuple[str, str]:
    lang, direction = page.evaluate("[document.documentElement.lang, document.documentElement.dir]")
    return lang, direction


def complete_by_clicking(
    page: Any,
    start_url: str,
    about_you: bool = True,
    on_page: Callable[[str], None] | None = None,
    comment: str = "Kind staff",
) -> None:
    """Go through the FFT from its start page with the mouse, calling on_page(name) on each
    page (start, each question, thank-you) once it has loaded."""
    check = on_page or (lambda name: None)
    page.goto(start_url)
    check("start")
    continue_button(page).click()
    answers = [
        ("rating", "1"),
        ("reason", comment),
        ("respondent", "carer"),
        ("about_you", "yes" if about_you else "no"),
    ]
    if about_you:
        answers += [(question, "not_said") for question in ABOUT_YOU_QUESTIONS]
    for question, value in answers:
        page.wait_for_url(f"**/{question}")
        check(question)
        if question == "reason":
            page.locator("textarea#answer").fill(value)
        else:
            choose(page, value)
        continue_button(page).click()
    page.wait_for_url("**/thank-you")
    check("thank-you")


def latest_response(server: LiveServer) -> dict[str, Any]:
    """What the server stored last: its mode, language, easy read and answers."""
    from sqlalchemy import select

    from feedback.extensions import db
    from feedback.surveys.models import Response

    with server.app.app_context():
        response = db.session.scalars(select(Response).order_by(Response.id.desc()).limit(1)).one()
        return {
            "mode": response.mode.name,
            "language": response.language,
            "easy_read": response.easy_read,
            "kiosk": response.kiosk_id is not None,
            "answers": {
                **({"rating": str(response.fft_rating)} if response.fft_rating else {}),
                **{a.question_id: a.value for a in response.answers},
            },
        }


# The WCAG 2.2 AA rule set every page is checked against.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
_AXE = Axe()


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 AA violations on the page once it has loaded.

    Waiting for 'load' matters: until the NHS.UK script has run, the header's links that do not
    fit are still laid out past its blue edge (white on white), so axe read a half-built page
    right after a form post and failed CI once on links a person never sees like that."""
    page.wait_for_load_state("load")
    return _AXE.run(page, options=AXE_OPTIONS).response["violations"]


# variant: (query string, expected <html lang>, expected <html dir>, easy read)
VARIANTS = {
    "english": ("?lang=en&easy_read=no", "en", "ltr", False),
    "easy-read": ("?easy_read=yes", "en", "ltr", True),
    "urdu": ("?lang=ur", "ur", "rtl", False),
}


def focused_matches(page: Any, selector: str) -> bool:
    return bool(page.evaluate("s => !!document.activeElement?.matches(s)", selector))


def press_until_focused(page: Any, selector: str, key: str = "Tab", limit: int = 60) -> None:
    """Press Tab (or Shift+Tab) until focus reaches the selector, as a keyboard user would."""
    stops = []
    for _ in range(limit):
        page.keyboard.press(key)
        if focused_matches(page, selector):
            return
        stops.append(page.evaluate("document.activeElement?.outerHTML.slice(0, 80)"))
    raise AssertionError(f"{key} x{limit} never reached {selector}; it went to: {stops}")


def checked_value(page: Any) -> str | None:
    """The value of the chosen answer radio, if any."""
    return page.evaluate(
        "() => document.querySelector('input[name=answer]:checked')?.value ?? null"
    )
