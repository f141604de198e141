"""The real app plus one do-nothing view: the benchmark's baseline on the same server.

`gunicorn --pythonpath benchmarks baseline_app:app` serves every route of `wsgi:app` and also
NOOP_PATH, which returns "ok" with no template and no database. Its cost is what Flask, the
app's request hooks, gunicorn and the socket round trip cost on this machine, so the FFT
journey can be judged against it in the same run, on the same workers.
"""

from __future__ import annotations

from flask import Flask, Response

from feedback import create_app

NOOP_PATH = "/__benchmark/noop"


def _noop() -> Response:
    return Response("ok", mimetype="text/plain")


def build_app() -> Flask:
    """Build the real app from the environment and add the do-nothing route."""
    real_app = create_app()
    real_app.add_url_rule(NOOP_PATH, "benchmark_noop", _noop, methods=["GET"])
    return real_app


app = build_app()
