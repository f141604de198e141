"""Serving baseline_app with gunicorn and reading what its processes spend, for the benchmarks.

Two accounts of the server's CPU, meant to agree:

- from the outside, utime + stime of the gunicorn master and workers in /proc, read before and
  after a phase: everything the server spent, HTTP parsing and the worker loop included;
- from the inside, what baseline_app's accounting middleware summed per request in each
  worker (FEEDBACK_BENCHMARK_ACCOUNTING), by phase, with the SQL statements and commits.

The difference is what gunicorn spends around the app (about half a millisecond a request
here) plus anything that should not be there: a worker still booting, a background thread.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import requests

PROJECT_ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent
NOOP_PATH = "/__benchmark/noop"  # the routes benchmarks/baseline_app.py adds
WORKER_PATH = "/__benchmark/worker"
PHASE_HEADER = "X-Benchmark-Phase"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
BOOT_LIMIT = 180.0  # a cold start on two busy cores has taken more than a minute
IDLE_CPU_SECONDS = 0.05  # gunicorn's CPU in half a second once every worker waits for work


@dataclass(frozen=True)
class Phase:
    """One measured phase: wall time, server CPU and the load generator's own CPU."""

    wall_seconds: float
    server_cpu_seconds: float
    client_cpu_seconds: float


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for path in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(child) for child in path.read_text().split()]
        except OSError:
            continue  # the thread ended while we looked
    return found


def process_tree(root: int) -> list[int]:
    """The gunicorn master and every process below it (its workers)."""
    pids, index = [root], 0
    while index < len(pids):
        pids += _children(pids[index])
        index += 1
    return pids


def cpu_seconds(pid: int) -> float:
    """utime + stime of one process, from /proc/<pid>/stat (fields 14 and 15)."""
    text = Path(f"/proc/{pid}/stat").read_text()
    fields = text[text.rindex(")") + 2 :].split()  # the name in brackets may hold spaces
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def server_cpu(root: int, also: Callable[[], list[int]] | None = None) -> dict[int, float]:
    """CPU seconds of each gunicorn process, and of the `also` processes (database backends)."""
    snapshot: dict[int, float] = {}
    for pid in process_tree(root) + (also() if also else []):
        try:
            snapshot[pid] = cpu_seconds(pid)
        except OSError:
            continue
    return snapshot


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    if not set(before) <= set(after):
        print(
            f"  ! gunicorn processes changed during the phase: {sorted(before)} -> {sorted(after)}"
        )
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


@contextmanager
def measured(
    server_pid: int, into: list[Phase], also: Callable[[], list[int]] | None = None
) -> Iterator[None]:
    """Time the block and the CPU the server (with `also`) and this process spent in it."""
    server_before, client_before = server_cpu(server_pid, also), time.process_time()
    started = time.perf_counter()
    yield
    wall = time.perf_counter() - started
    server = cpu_used(server_before, server_cpu(server_pid, also))
    into.append(Phase(wall, server, time.process_time() - client_before))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(
    env: dict[str, str], port: int, workers: int, log: IO[str]
) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "gunicorn",
        "--workers", str(workers),
        "--bind", f"127.0.0.1:{port}",
        "--chdir", str(PROJECT_ROOT),
        "--pythonpath", str(BENCHMARKS),
        "--error-logfile", "-",
        "baseline_app:app",
    ]  # fmt: skip
    # A session of its own: Ctrl-C reaches only this script, which then stops the server.
    return subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def wait_until_serving(server: subprocess.Popen[str], base_url: str, workers: int) -> None:
    """Until every worker has answered and the server is idle.

    The first answer comes from the first worker up while the others may still import the
    app (about 4 s of CPU each here, scikit-learn included): a phase started then measures
    their boot as if the journeys had cost it."""
    deadline, answered = time.monotonic() + BOOT_LIMIT, set()
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode} (log below)")
        answered |= _worker_pids(base_url + WORKER_PATH)
        if len(answered & set(process_tree(server.pid))) >= workers and _idle(server.pid):
            return
        time.sleep(0.1)
    raise SystemExit(f"gunicorn's {workers} workers were not all serving within {BOOT_LIMIT} s")


def _worker_pids(url: str) -> set[int]:
    try:
        reply = requests.get(url, timeout=2)
    except requests.RequestException:
        return set()
    return {int(reply.text)} if reply.status_code == 200 else set()


def _idle(root: int) -> bool:
    before = sum(server_cpu(root).values())
    time.sleep(0.5)
    return sum(server_cpu(root).values()) - before < IDLE_CPU_SECONDS


def stop_server(server: subprocess.Popen[str]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # the group this script started: master and workers
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def print_server_log(log_text: str) -> bool:
    """Show tracebacks and errors from gunicorn's log; True when there were none."""
    problems = [
        line
        for line in log_text.splitlines()
        if "[ERROR]" in line
        or "[CRITICAL]" in line
        or "Traceback" in line
        or "WORKER TIMEOUT" in line
        or "Exception" in line
    ]
    if not problems:
        print("  Server log: no errors")
        return True
    print(f"\n  ! Server log has {len(problems)} error lines; the log from the first one:")
    start = log_text.find(problems[0])
    print("    " + "\n    ".join(log_text[start:].splitlines()[:80]))
    return False


@dataclass(frozen=True)
class Account:
    """What the workers' middleware summed for one phase, all workers together."""

    requests: int = 0
    cpu_seconds: float = 0.0
    queries: int = 0
    commits: int = 0

    def per_request(self, value: float) -> float:
        return value / self.requests if self.requests else float("nan")


def read_accounting(folder: Path) -> tuple[dict[str, Account], float]:
    """Each phase's account, and the workers' CPU outside requests over their whole life
    (boot included), from the files the workers wrote at exit."""
    totals: dict[str, Account] = {}
    outside = 0.0
    for path in sorted(folder.glob("accounting-*.json")):
        report = json.loads(path.read_text())
        inside = 0.0
        for phase, sums in report["phases"].items():
            old = totals.get(phase, Account())
            totals[phase] = Account(
                old.requests + int(sums["requests"]),
                old.cpu_seconds + sums["process_cpu"],
                old.queries + int(sums["queries"]),
                old.commits + int(sums["commits"]),
            )
            inside += sums["process_cpu"]
        outside += report["process_cpu_total"] - inside
        if report["threads"] != ["MainThread"]:
            print(f"  ! worker {report['pid']} had other threads: {report['threads']}")
    return totals, outside
