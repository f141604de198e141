"""The real app plus one do-nothing view: the benchmark's baseline on the same server.

`gunicorn --pythonpath benchmarks baseline_app:app` serves every route of `wsgi:app` and also
NOOP_PATH, which returns "ok" with no template and no database. Its cost is what Flask, the
app's request hooks, gunicorn and the socket round trip cost on this machine, so the FFT
journey can be judged against it in the same run, on the same workers.

With FEEDBACK_BENCHMARK_ACCOUNTING set to a folder, each worker also keeps its own account,
so the /proc figures can be checked from the inside: per phase (the client names it in an
X-Benchmark-Phase header), the requests, the CPU time they took in the worker's thread and
in the whole process, and the SQL statements and commits they ran. At exit each worker writes
it, with the CPU time it spent outside requests, to `accounting-<pid>.json` in that folder.
"""

from __future__ import annotations

import atexit
import json
import os
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from flask import Flask, Response
from sqlalchemy import event

from feedback import create_app
from feedback.extensions import db

NOOP_PATH = "/__benchmark/noop"
WORKER_PATH = "/__benchmark/worker"  # which worker answered: the benchmark waits for them all
PHASE_HEADER = "HTTP_X_BENCHMARK_PHASE"
ACCOUNT_FIELDS = ("requests", "thread_cpu", "process_cpu", "queries", "commits")


def _noop() -> Response:
    return Response("ok", mimetype="text/plain")


def _worker() -> Response:
    return Response(str(os.getpid()), mimetype="text/plain")


class Accounting:
    """Sums, per phase, what each request cost inside this worker (see the module docstring)."""

    def __init__(self, wsgi_app: Callable[..., Iterable[bytes]], folder: Path) -> None:
        self.wsgi_app, self.folder = wsgi_app, folder
        self.phases: dict[str, dict[str, float]] = defaultdict(
            lambda: dict.fromkeys(ACCOUNT_FIELDS, 0.0)
        )
        self.in_request: dict[str, float] | None = None
        atexit.register(self.write)

    def count(self, name: str) -> None:
        if self.in_request is not None:
            self.in_request[name] += 1

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> list[bytes]:
        account = self.phases[environ.get(PHASE_HEADER, "other")]
        self.in_request = account
        thread_before, process_before = time.thread_time(), time.process_time()
        try:
            # Read the whole body here, so the CPU of rendering it is inside the account.
            body = list(self.wsgi_app(environ, start_response))
        finally:
            account["thread_cpu"] += time.thread_time() - thread_before
            account["process_cpu"] += time.process_time() - process_before
            account["requests"] += 1
            self.in_request = None
        return body

    def write(self) -> None:
        times = os.times()
        report = {
            "pid": os.getpid(),
            "process_cpu_total": times.user + times.system,
            "threads": sorted(thread.name for thread in threading.enumerate()),
            "phases": self.phases,
        }
        (self.folder / f"accounting-{os.getpid()}.json").write_text(json.dumps(report))


def _count_statements(app: Flask, accounting: Accounting) -> None:
    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", lambda *_: accounting.count("queries"))
    event.listen(engine, "commit", lambda *_: accounting.count("commits"))


def build_app() -> Flask:
    """Build the real app from the environment and add the do-nothing route."""
    real_app = create_app()
    real_app.add_url_rule(NOOP_PATH, "benchmark_noop", _noop, methods=["GET"])
    real_app.add_url_rule(WORKER_PATH, "benchmark_worker", _worker, methods=["GET"])
    if folder := os.environ.get("FEEDBACK_BENCHMARK_ACCOUNTING"):
        accounting = Accounting(real_app.wsgi_app, Path(folder))
        real_app.wsgi_app = accounting  # type: ignore[method-assign]
        _count_statements(real_app, accounting)
    return real_app


app = build_app()
