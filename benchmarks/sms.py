"""Benchmark: GOV.UK Notify's SMS callbacks on gunicorn, against the do-nothing view.

    .venv/bin/python benchmarks/sms.py [--quick] [--conversations N] [--clients N]
                                       [--workers W] [--only sqlite|postgresql]
                                       [--postgres-url URL] [--concurrent-retries F]

For each database (SQLite in a temp file; PostgreSQL in a temp schema, dropped at the end,
skipped with a note when the server does not answer), in a schema built by the real migrations:

1. bulk-inserts a small organisation and N open text conversations (at most 1,000: one per
   number in Ofcom's drama range, 07700 900000 to 900999, the only UK mobiles that reach
   nobody), each with its sent invite and the invite text as GOV.UK Notify left it (sent, with
   Notify's id, so its delivery receipt finds it);
2. serves `baseline_app:app` with gunicorn (sync workers) on 127.0.0.1: the real app, the outbox
   SMS provider (nothing leaves the machine), a callback bearer token, and the do-nothing view
   at /__benchmark/noop, so both are measured on the same server and workers in one run;
3. warms up on a few conversations of its own, then C client threads post as Notify does:
   a. a delivery receipt for every invite (delivered, or a temporary, permanent or technical
      failure), one in ten retried with the same body;
   b. each person's replies, in order, one conversation after another: "2" then a comment;
      "1 the staff were kind"; "2" alone; "Ward 5 were lovely" (re-asked) then "Good"; "STOP";
      "4" then "Stop please"; "3" then two comments. One reply in ten is retried with the same
      message id (straight after, or after the person's next reply), as Notify retries a
      callback; with --concurrent-retries, a share of replies is also posted twice at once,
      as when Notify's retry overtakes a slow first attempt;
   c. the same threads on the do-nothing view for as long as the replies took (3 to 6 s);
4. reads the CPU time of the gunicorn master and workers from /proc around each phase;
5. stops the server and checks the database against what was sent: every distinct inbound id
   stored once, each conversation's response with the rating and comment sent and no other,
   each opt-out and its one confirmation, each text the server answered with, each receipt's
   status, each conversation's state; and no 5xx or unexpected answer. Exit status 1 if not.

As in benchmarks/submit.py, only the ratios to the do-nothing view carry across machines: on a
small machine (2 cores) the load generator shares the CPU with the server, so the milliseconds
are this run's. Server CPU per request, read from /proc, leaves the load generator out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import signal
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

# The complaints and submit benchmarks sit beside this file (sys.path[0] when run as a
# script): their databases, gunicorn handling, CPU readings and load threads are this one's.
import complaints as complaints_benchmark
import requests
import sqlalchemy as sa
import submit as submit_benchmark
from flask import Flask

from feedback.db import utc_now
from feedback.extensions import db
from feedback.organisation.models import (
    CareSetting,
    Directorate,
    Location,
    LocationKind,
    Service,
    Trust,
)
from feedback.sms import texts
from feedback.sms.conversation import COMMENT_QUESTION
from feedback.sms.models import (
    ConversationState,
    Direction,
    InviteStatus,
    MessageStatus,
    SmsConversation,
    SmsInvite,
    SmsMessage,
    SmsOptOut,
)
from feedback.sms.numbers import number_hash
from feedback.sms.segments import parts
from feedback.surveys.models import Answer, Response, ResponseMode

INBOUND_PATH, STATUS_PATH = "/sms/notify/inbound", "/sms/notify/status"
NOOP_PATH = submit_benchmark.NOOP_PATH
FIRST_NUMBER, DRAMA_NUMBERS = 7700900000, 1000  # 07700 900000 to 900999, Ofcom's drama range
NOTIFY_NUMBER = "07537417417"  # the service's inbound number, as Notify names it
DEFAULT_CONVERSATIONS, QUICK_CONVERSATIONS = 800, 200
WARMUP_CONVERSATIONS_PER_CLIENT = 3
RETRY_SHARE = 0.1  # Notify retries a callback that failed or timed out
MIN_NOOP_SECONDS, MAX_NOOP_SECONDS = 3.0, 6.0  # the floor settles in seconds; keep under 2 min
REQUEST_TIMEOUT = 60.0  # longer than gunicorn's 30 s worker timeout: a hang shows as a 5xx
RECORDED, ALREADY = "recorded", "already recorded"
LANGUAGES = (("en", 80), ("pl", 5), ("ur", 5), ("gu", 5), ("pa", 5))
RECEIPTS = (
    ("delivered", 85),
    ("temporary-failure", 5),
    ("permanent-failure", 5),
    ("technical-failure", 5),
)
LOCATIONS = (
    ("SMSB-BEL", "Belvoir Ward, Bradgate Unit", LocationKind.WARD, CareSetting.MENTAL_HEALTH),
    ("SMSB-KIR", "Kirby Ward", LocationKind.WARD, CareSetting.INPATIENT),
    ("SMSB-DN", "District nursing, Hinckley", LocationKind.COMMUNITY_TEAM, CareSetting.COMMUNITY),
    ("SMSB-CAMHS", "CAMHS Melton", LocationKind.COMMUNITY_TEAM, CareSetting.MENTAL_HEALTH),
)


@dataclass(frozen=True)
class Script:
    """One person's replies, in order, and what the conversation must have made of them."""

    name: str
    replies: tuple[tuple[str, str], ...]  # (kind, for the latency breakdown; the text)
    rating: int | None  # the response's FFT rating; None with no comment: no response at all
    comment: str | None  # the response's comment ("reason" answer); None: no answer row
    opt_out: bool
    texts_back: tuple[str, ...]  # the intents of the texts the server answers with
    state: ConversationState  # afterwards
    weight: int

    @property
    def responds(self) -> bool:
        return self.rating is not None or self.comment is not None


AWAITING_COMMENT, CLOSED = ConversationState.AWAITING_COMMENT, ConversationState.CLOSED
SCRIPTS = (
    Script("rating, then a comment",
           (("rating", "2"), ("comment", "The nurses were kind but the wait was long")),
           2, "The nurses were kind but the wait was long", False, ("follow_up", "thanks"),
           AWAITING_COMMENT, 25),
    Script("rating with a comment", (("rating with a comment", "1 the staff were kind"),),
           1, "the staff were kind", False, ("thanks",), AWAITING_COMMENT, 25),
    Script("rating alone", (("rating", "2"),), 2, None, False, ("follow_up",),
           AWAITING_COMMENT, 15),
    Script("re-asked, then rated",
           (("not a rating: re-ask", "Ward 5 were lovely"), ("rating", "Good")),
           2, "Ward 5 were lovely", False, ("reask", "thanks"), AWAITING_COMMENT, 10),
    Script("STOP", (("opt-out", "STOP"),), None, None, True, ("opt_out_confirmation",),
           CLOSED, 10),
    Script("rating, then Stop please", (("rating", "4"), ("opt-out", "Stop please")),
           4, None, True, ("follow_up", "opt_out_confirmation"), CLOSED, 5),
    Script("rating, then two comments",
           (("rating", "3"), ("comment", "Food was cold"), ("comment", "Also parking was hard")),
           3, "Food was cold\nAlso parking was hard", False, ("follow_up", "thanks"),
           AWAITING_COMMENT, 10),
)  # fmt: skip


# --- The plan: every conversation and every callback, fixed before the server starts ---------


@dataclass
class Call:
    """One callback as Notify posts it; a retry shares its first attempt's body."""

    endpoint: str  # "inbound" or "status"
    kind: str
    body: dict[str, str]
    expect: str  # the "result" a 200 must carry
    twin: bool = False  # posted twice at once (--concurrent-retries)


@dataclass
class Conversation:
    id: int
    phone: str  # E.164, as stored on the invite
    phone_hash: str
    language: str
    location: int  # index into LOCATIONS
    invite_provider_id: str
    script: Script
    receipt: str  # the status Notify reports for the invite
    receipts: list[Call] = field(default_factory=list)
    replies: list[Call] = field(default_factory=list)


def notify_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def notify_time(moment: datetime | None = None) -> str:
    """Notify's dates: UTC with microseconds and a Z."""
    return (moment or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _receipt_calls(conversation: Conversation, rng: random.Random) -> list[Call]:
    sent = datetime.now(UTC) - timedelta(hours=2)
    body = {
        "id": conversation.invite_provider_id,
        "reference": f"sms-{conversation.id}",
        "to": "0" + conversation.phone[3:],
        "status": conversation.receipt,
        "created_at": notify_time(sent),
        "completed_at": notify_time(sent + timedelta(seconds=5)),
        "sent_at": notify_time(sent + timedelta(seconds=1)),
        "notification_type": "sms",
    }
    calls = [Call("status", "receipt", body, RECORDED)]
    if rng.random() < RETRY_SHARE:  # a retried receipt changes nothing and is still a 200
        calls.append(Call("status", "receipt, retried", body, RECORDED))
    return calls


def _reply_calls(conversation: Conversation, rng: random.Random, twins: float) -> list[Call]:
    """The person's replies in order; a retry straight after its reply, or after the next."""
    source = conversation.phone[1:]  # Notify sends 447700900123: no plus
    calls: list[Call] = []
    late: list[Call] = []
    for kind, text in conversation.script.replies:
        body = {"id": notify_id(rng), "source_number": source,
                "destination_number": NOTIFY_NUMBER, "message": text}  # fmt: skip
        calls.append(Call("inbound", kind, body, RECORDED, twin=rng.random() < twins))
        calls += late  # the previous reply's late retry, now that this one has been answered
        late = []
        if rng.random() < RETRY_SHARE:
            retry = Call("inbound", "retry: already recorded", body, ALREADY)
            (calls if rng.random() < 0.5 else late).append(retry)
    return calls + late


def _weighted(rng: random.Random, choices: Sequence[tuple[Any, int]]) -> Any:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def make_plan(app: Flask, count: int, twins: float) -> list[Conversation]:
    """The same conversations, texts and callbacks for both databases (seeded)."""
    rng = random.Random(2026)
    plan = []
    with app.app_context():  # number_hash reads the key from the app's config
        for index in range(count):
            phone = f"+44{FIRST_NUMBER + index}"
            conversation = Conversation(
                id=index + 1,
                phone=phone,
                phone_hash=number_hash(phone),
                language=_weighted(rng, LANGUAGES),
                location=index % len(LOCATIONS),
                invite_provider_id=notify_id(rng),
                script=rng.choices(SCRIPTS, weights=[s.weight for s in SCRIPTS])[0],
                receipt=_weighted(rng, RECEIPTS),
            )
            conversation.receipts = _receipt_calls(conversation, rng)
            conversation.replies = _reply_calls(conversation, rng, twins)
            plan.append(conversation)
    return plan


# --- The database: migrations, then the conversations in bulk ---------------------------------


def seed_locations() -> list[int]:
    trust = Trust(code="RSMSB", name="SMS Benchmark NHS Trust")
    db.session.add(trust)
    db.session.flush()
    directorate = Directorate(trust_id=trust.id, code="SMSB", name="Benchmark directorate")
    service = Service(directorate=directorate, code="SMSB-1", name="Benchmark service")
    locations = [
        Location(service=service, code=code, name=name, kind=kind, setting=setting)
        for code, name, kind, setting in LOCATIONS
    ]
    db.session.add_all([directorate, service, *locations])
    db.session.flush()
    return [location.id for location in locations]


def _rows(
    plan: list[Conversation], locations: list[int], now: datetime, days: int
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Invites, conversations and invite texts as the invite job and Notify left them."""
    started = now - timedelta(hours=2)
    invites, conversations, messages = [], [], []
    for c in plan:
        location = locations[c.location]
        invites.append(
            {"id": c.id, "location_id": location, "contact_on": started.date() - timedelta(1),
             "language": c.language, "phone": c.phone, "phone_hash": c.phone_hash,
             "do_not_contact": False, "status": InviteStatus.SENT, "skip_reason": None,
             "source_key": f"sms-benchmark-{c.id}", "received_from": "SMS benchmark",
             "received_at": started - timedelta(days=1), "handled_at": started}
        )  # fmt: skip
        conversations.append(
            {"id": c.id, "invite_id": c.id, "location_id": location, "language": c.language,
             "phone_hash": c.phone_hash, "state": ConversationState.AWAITING_RATING,
             "held_text": None, "response_id": None, "thanked": False, "started_at": started,
             "expires_at": started + timedelta(days=days), "closed_at": None,
             "web_token": secrets.token_urlsafe(16)}
        )  # fmt: skip
        body = texts.invite(c.language, LOCATIONS[c.location][1])
        messages.append(
            {"id": c.id, "conversation_id": c.id, "direction": Direction.OUT,
             "intent": "invite", "body": body, "to_phone": None, "phone_hash": c.phone_hash,
             "status": MessageStatus.SENT, "provider_id": c.invite_provider_id,
             "parts": parts(body), "error": None, "created_at": started, "sent_at": started,
             "delivered_at": None}
        )  # fmt: skip
    return invites, conversations, messages


def seed(app: Flask, plan: list[Conversation]) -> float:
    """Bulk inserts (not HTTP): the benchmark times the callbacks, not the invite job."""
    started = time.perf_counter()
    with app.app_context():
        locations = seed_locations()
        days = app.config["SMS_CONVERSATION_DAYS"]
        tables = (SmsInvite, SmsConversation, SmsMessage)
        for model, rows in zip(tables, _rows(plan, locations, utc_now(), days), strict=True):
            complaints_benchmark.bulk_insert(model, rows)
        db.session.commit()
        db.session.remove()
        if db.engine.dialect.name == "postgresql":  # the ids were given: move the sequences on
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                for model in tables:
                    conn.execute(
                        sa.text("SELECT setval(pg_get_serial_sequence(:t, 'id'), :n)"),
                        {"t": model.__tablename__, "n": len(plan)},
                    )
                conn.execute(sa.text("ANALYZE"))  # as autovacuum would within a minute
        db.engine.dispose()  # the server opens its own connections; nothing is left open here
    return time.perf_counter() - started


def server_environment(
    folder: str, url: str, options: dict[str, Any], token: str, key: str
) -> dict[str, str]:
    """submit.py's environment, on this database, with the SMS settings the callbacks need."""
    env = dict(os.environ)
    env.update(
        FLASK_APP="wsgi.py",
        FEEDBACK_INSTANCE_PATH=folder,
        FEEDBACK_DATABASE_URL=url,
        # Flask reads FEEDBACK_* values as JSON: the schema's search_path reaches the engine.
        FEEDBACK_SQLALCHEMY_ENGINE_OPTIONS=json.dumps({"pool_pre_ping": True, **options}),
        FEEDBACK_SECRET_KEY=secrets.token_hex(32),
        FEEDBACK_SESSION_COOKIE_SECURE="false",
        FEEDBACK_SMS_PROVIDER="outbox",
        FEEDBACK_SMS_CALLBACK_TOKEN=token,
        FEEDBACK_SMS_NUMBER_KEY=key,  # the key the seeded number hashes were made with
        PYTHONUNBUFFERED="1",
    )
    return env


# --- Clients ---------------------------------------------------------------------------------


@dataclass
class CallResults:
    """What the client threads saw, by endpoint; threads keep their own, merged at the end."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)  # by endpoint
    failures: list[str] = field(default_factory=list)
    inbound_ids: set[str] = field(default_factory=set)

    def merge(self, other: CallResults) -> None:
        for mine, theirs in ((self.seconds, other.seconds), (self.by_kind, other.by_kind)):
            for key, seconds in theirs.items():
                mine.setdefault(key, []).extend(seconds)
        self.statuses.update(other.statuses)
        self.errors.update(other.errors)
        self.failures += other.failures
        self.inbound_ids |= other.inbound_ids

    def requests(self, endpoint: str) -> int:
        return len(self.seconds.get(endpoint, []))

    def server_errors(self) -> int:
        return sum(n for (_, status), n in self.statuses.items() if status >= 500)


class CallbackClient:
    """Notify's side: posts callbacks with the bearer token and checks each answer."""

    def __init__(self, base_url: str, token: str, results: CallResults) -> None:
        self.base_url, self.results = base_url, results
        self.headers = {"Authorization": f"Bearer {token}"}
        self.http, self.twin_http = requests.Session(), requests.Session()
        self.lock = threading.Lock()  # a twin's helper thread records into the same results

    def run(self, calls: list[Call], stop: threading.Event) -> None:
        for call in calls:
            if stop.is_set():
                return
            if call.endpoint == "inbound":
                call.body.setdefault("date_received", notify_time())  # kept by its retries
                with self.lock:
                    self.results.inbound_ids.add(call.body["id"])
            if call.twin:
                self.send_twice(call)
            else:
                self.check(call, self.post(self.http, call))

    def post(self, http: requests.Session, call: Call) -> str | None:
        """One callback; the result it answered with (None: it failed, and was recorded)."""
        path = INBOUND_PATH if call.endpoint == "inbound" else STATUS_PATH
        started = time.perf_counter()
        try:
            reply = http.post(
                self.base_url + path, json=call.body, headers=self.headers, timeout=REQUEST_TIMEOUT
            )
            result = reply.json().get("result") if reply.status_code == 200 else None
        except (requests.RequestException, ValueError) as error:
            self.fail(call, f"{call.kind}: {type(error).__name__}: {error}")
            return None
        elapsed = time.perf_counter() - started
        with self.lock:
            self.results.seconds.setdefault(call.endpoint, []).append(elapsed)
            self.results.by_kind.setdefault(call.kind, []).append(elapsed)
            self.results.statuses[call.endpoint, reply.status_code] += 1
        if reply.status_code != 200:
            self.fail(call, f"POST {path} ({call.kind}): {reply.status_code}")
        return result

    def check(self, call: Call, result: str | None) -> None:
        if result is not None and result != call.expect:
            self.fail(call, f"{call.kind}: answered {result!r}, expected {call.expect!r}")

    def send_twice(self, call: Call) -> None:
        """The same reply twice at once: both must be 200s saying recorded or already recorded.
        Both may say "recorded" (the second found the first committed only inside `receive`,
        and stored nothing): the database checks are what show that nothing was stored twice."""
        gate = threading.Barrier(2)
        results: list[str | None] = [None, None]
        twin = Call(call.endpoint, "concurrent duplicate", call.body, call.expect)

        def other() -> None:
            gate.wait()
            results[1] = self.post(self.twin_http, twin)

        helper = threading.Thread(target=other, daemon=True)
        helper.start()
        gate.wait()
        results[0] = self.post(self.http, call)
        helper.join()
        if None not in results and not set(results) <= {RECORDED, ALREADY}:
            self.fail(call, f"concurrent duplicate: answered {results!r}")

    def fail(self, call: Call, reason: str) -> None:
        with self.lock:
            self.results.errors[call.endpoint] += 1
            self.results.failures.append(reason)


def callback_phase(
    base_url: str, token: str, calls: list[list[Call]], stop: threading.Event
) -> CallResults:
    """One thread per list of calls, all started together; their results merged."""
    per_client = [CallResults() for _ in calls]

    def work(index: int) -> None:
        CallbackClient(base_url, token, per_client[index]).run(calls[index], stop)

    submit_benchmark.run_threads(len(calls), work)
    total = CallResults()
    for part in per_client:
        total.merge(part)
    return total


def split(
    plan: list[Conversation], clients: int, calls: Callable[[Conversation], list[Call]]
) -> list[list[Call]]:
    """Each conversation to one client, so a person's replies arrive in the order sent."""
    return [[call for c in plan[i::clients] for call in calls(c)] for i in range(clients)]


# --- One database ----------------------------------------------------------------------------


@dataclass
class Run:
    label: str
    receipts: CallResults
    replies: CallResults
    noop: submit_benchmark.NoopResults
    phases: dict[str, submit_benchmark.Phase]
    checks: list[tuple[bool, str]]

    @property
    def ok(self) -> bool:
        return all(ok for ok, _ in self.checks)


@dataclass
class Measured:
    warm: CallResults
    receipts: CallResults
    replies: CallResults
    noop: submit_benchmark.NoopResults
    phases: list[submit_benchmark.Phase]  # receipts, replies, noop


def measure(
    args: argparse.Namespace,
    plan: list[Conversation],
    server_pid: int,
    base_url: str,
    stop: threading.Event,
) -> Measured:
    """Warm-up, receipts, replies, then the noop view; the phases' wall and CPU times."""
    clients, token = args.clients, args.token
    warm_count = WARMUP_CONVERSATIONS_PER_CLIENT * clients
    warm, measured_plan = plan[:warm_count], plan[warm_count:]
    print(f"  Warming up ({warm_count} conversations) ...")
    warm_results = callback_phase(base_url, token, split(warm, clients, _all_calls), stop)
    for _ in range(submit_benchmark.WARMUP_NOOP_REQUESTS_PER_CLIENT * clients):
        requests.get(base_url + NOOP_PATH, timeout=REQUEST_TIMEOUT)
    phases: list[submit_benchmark.Phase] = []
    receipt_calls = split(measured_plan, clients, lambda c: c.receipts)
    print(f"  Delivery receipts: {sum(map(len, receipt_calls))} callbacks, {clients} clients ...")
    with submit_benchmark.measured(server_pid, phases):
        receipts = callback_phase(base_url, token, receipt_calls, stop)
    reply_calls = split(measured_plan, clients, lambda c: c.replies)
    print(f"  Inbound replies: {sum(map(len, reply_calls))} callbacks, {clients} clients ...")
    with submit_benchmark.measured(server_pid, phases):
        replies = callback_phase(base_url, token, reply_calls, stop)
    seconds = min(max(phases[-1].wall_seconds, MIN_NOOP_SECONDS), MAX_NOOP_SECONDS)
    print(f"  Noop view: {clients} clients for {seconds:.1f} s ...")
    with submit_benchmark.measured(server_pid, phases):
        noop = submit_benchmark.noop_phase(base_url, clients, seconds, stop)
    return Measured(warm_results, receipts, replies, noop, phases)


def _all_calls(conversation: Conversation) -> list[Call]:
    return conversation.receipts + conversation.replies


def serve_and_measure(
    args: argparse.Namespace, target: tuple[str, dict[str, Any], str], plan: list[Conversation]
) -> tuple[Measured, bool]:
    """gunicorn on this database for the phases; the figures, and whether its log was clean."""
    url, options, folder = target
    env = server_environment(folder, url, options, args.token, args.number_key)
    port, stop = submit_benchmark.free_port(), threading.Event()
    base_url = f"http://127.0.0.1:{port}"
    with open(Path(folder) / "gunicorn.log", "w+", encoding="utf-8") as log:
        server = submit_benchmark.start_server(env, port, args.workers, log)
        try:
            submit_benchmark.wait_until_serving(server, base_url, args.workers)
            print(f"  gunicorn pid {server.pid} serving {base_url}, {args.workers} sync workers")
            measured = measure(args, plan, server.pid, base_url, stop)
        finally:
            stop.set()  # on Ctrl-C: the client threads stop before the server does
            submit_benchmark.stop_server(server)
            log.seek(0)
            log_clean = submit_benchmark.print_server_log(log.read())
    return measured, log_clean


def run_database(
    label: str, target: tuple[str, dict[str, Any], str], args: argparse.Namespace
) -> Run:
    url, options, folder = target
    started = time.perf_counter()
    app = complaints_benchmark.build_app(url, options, folder)
    app.config["SMS_NUMBER_KEY"] = args.number_key  # as the server's: the hashes must match
    print(f"  Schema built by the migrations in {time.perf_counter() - started:.1f} s")
    try:
        plan = make_plan(app, args.conversations, args.concurrent_retries)
        seconds = seed(app, plan)
        print(f"  Seeded {len(plan)} open conversations (invite, invite text) in {seconds:.1f} s")
        got, log_clean = serve_and_measure(args, target, plan)
        everything = CallResults()
        for part in (got.warm, got.receipts, got.replies):
            everything.merge(part)
        checks = check_database(app, plan, everything)
        checks.append((log_clean, "server log: no tracebacks, errors or worker timeouts"))
        phases = dict(zip(("receipts", "replies", "noop"), got.phases, strict=True))
        run = Run(label, got.receipts, got.replies, got.noop, phases, checks)
        print_run(run)
        return run
    finally:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


# --- Checks against the database -------------------------------------------------------------


def _stored(app: Flask) -> dict[str, Any]:
    """Everything the checks compare, read once the server has stopped."""
    with app.app_context():
        s = db.session
        inbound = s.execute(
            sa.select(SmsMessage.provider_id, sa.func.count())
            .where(SmsMessage.direction == Direction.IN)
            .group_by(SmsMessage.provider_id)
        ).all()
        comment = (Answer.response_id == Response.id) & (Answer.question_id == COMMENT_QUESTION)
        responses = s.execute(
            sa.select(SmsConversation.id, Response.fft_rating, Response.mode, Answer.value)
            .join(Response, Response.id == SmsConversation.response_id)
            .outerjoin(Answer, comment)
        ).all()
        texts_back = s.execute(
            sa.select(SmsMessage.conversation_id, SmsMessage.intent).where(
                SmsMessage.direction == Direction.OUT, SmsMessage.intent != "invite"
            )
        ).all()
        invites = s.execute(
            sa.select(SmsMessage.conversation_id, SmsMessage.status, SmsMessage.delivered_at,
                      SmsMessage.error).where(SmsMessage.intent == "invite")
        ).all()  # fmt: skip
        stored = {
            "inbound": Counter(dict(inbound)),
            "responses": responses,
            "sms_responses": s.scalar(
                sa.select(sa.func.count(Response.id)).where(Response.mode == ResponseMode.SMS)
            ),
            "opt_outs": set(s.scalars(sa.select(SmsOptOut.phone_hash))),
            "texts_back": Counter(texts_back),
            "invites": {c: (status, at is not None, error) for c, status, at, error in invites},
            "states": dict(s.execute(sa.select(SmsConversation.id, SmsConversation.state)).all()),
        }
        s.remove()
    return stored


def _receipt_outcome(status: str) -> tuple[MessageStatus, bool, str | None]:
    if status == "delivered":
        return MessageStatus.DELIVERED, True, None
    return MessageStatus.FAILED, False, status


def _differences(expected: dict[Any, Any], found: dict[Any, Any]) -> str:
    wrong = [k for k in expected.keys() | found.keys() if expected.get(k) != found.get(k)]
    shown = ", ".join(f"{k}: {expected.get(k)!r} != {found.get(k)!r}" for k in sorted(wrong)[:3])
    return f"; {len(wrong)} differ (expected != stored: {shown})" if wrong else ""


def _tally(values: Any) -> str:
    return ", ".join(f"{value} {n}" for value, n in sorted(Counter(values).items()))


def check_database(
    app: Flask, plan: list[Conversation], sent: CallResults
) -> list[tuple[bool, str]]:
    """Each check (passed, what it found), against what the plan sent."""
    stored = _stored(app)
    inbound, twice = stored["inbound"], sum(1 for n in stored["inbound"].values() if n > 1)
    missing = len(sent.inbound_ids - set(inbound))
    responses = {c: (r, mode.value, text) for c, r, mode, text in stored["responses"]}
    # One row per response: a second "reason" answer would show as a second row.
    one_each = len(stored["responses"]) == len(responses) == stored["sms_responses"]
    want_responses = {
        c.id: (c.script.rating, ResponseMode.SMS.value, c.script.comment)
        for c in plan
        if c.script.responds
    }
    want_opt_outs = {c.phone_hash for c in plan if c.script.opt_out}
    want_texts = Counter((c.id, intent) for c in plan for intent in c.script.texts_back)
    got_texts = stored["texts_back"]
    want_invites = {c.id: _receipt_outcome(c.receipt) for c in plan}
    want_states = {c.id: c.script.state.value for c in plan}
    states = {c: state.value for c, state in stored["states"].items()}
    errors, unexpected = sent.server_errors(), len(sent.failures) - sent.server_errors()
    return [
        (set(inbound) == sent.inbound_ids and not twice,
         f"inbound ids: {len(sent.inbound_ids)} distinct sent, {len(inbound)} stored, "
         f"{twice} stored more than once, {missing} missing"),
        (not errors and not sent.failures,
         f"answers: {errors} 5xx, {unexpected} other failures or unexpected results, "
         f"of {sum(sent.statuses.values())} callbacks answered"),
        (one_each and responses == want_responses,
         f"responses: {len(want_responses)} expected, {stored['sms_responses']} stored with mode "
         f"SMS, each with the rating and comment sent{_differences(want_responses, responses)}"),
        (stored["opt_outs"] == want_opt_outs,
         f"opt-outs: {len(want_opt_outs)} numbers sent STOP, {len(stored['opt_outs'])} stored, "
         f"{len(stored['opt_outs'] ^ want_opt_outs)} differ"),
        (got_texts == want_texts,
         f"texts back: {want_texts.total()} expected ({_tally(i for _, i in want_texts.elements())}"
         f"), {got_texts.total()} stored{_differences(dict(want_texts), dict(got_texts))}"),
        (stored["invites"] == want_invites,
         f"receipts: {len(plan)} invite texts, {_tally(c.receipt for c in plan)}"
         f"{_differences(want_invites, stored['invites'])}"),
        (states == want_states,
         f"conversation states: {_tally(want_states.values())}"
         f"{_differences(want_states, states)}"),
    ]  # fmt: skip


# --- Report ----------------------------------------------------------------------------------


def _p(seconds: Sequence[float], pct: int) -> float:
    return submit_benchmark.percentile_ms(seconds, pct)


@dataclass(frozen=True)
class Row:
    endpoint: str
    requests: int
    errors: int
    seconds: Sequence[float]
    phase: submit_benchmark.Phase

    @property
    def rate(self) -> float:
        return self.requests / self.phase.wall_seconds

    @property
    def cpu_ms(self) -> float:
        return self.phase.server_cpu_seconds * 1000 / max(self.requests, 1)


def rows_of(run: Run) -> list[Row]:
    """The floor first: every other row is read against it."""
    noop, phases = run.noop, run.phases
    return [
        Row("noop view (floor)", noop.requests, len(noop.failures), noop.request_seconds,
            phases["noop"]),
        Row("status (receipts)", run.receipts.requests("status"), run.receipts.errors["status"],
            run.receipts.seconds.get("status", []), phases["receipts"]),
        Row("inbound (replies)", run.replies.requests("inbound"), run.replies.errors["inbound"],
            run.replies.seconds.get("inbound", []), phases["replies"]),
    ]  # fmt: skip


HEADER = (
    f"  {'database':<11}{'endpoint':<19}{'requests':>9}{'req/s':>8}{'p50':>8}{'p95':>8}"
    f"{'p99':>8}{'errors':>7}{'CPU/req':>8}{'p50 x':>7}{'p95 x':>7}{'CPU x':>7}"
)


def table_line(label: str, row: Row, floor: Row) -> str:
    line = (
        f"  {label:<11}{row.endpoint:<19}{row.requests:>9}{row.rate:>8.1f}"
        f"{_p(row.seconds, 50):>8.1f}{_p(row.seconds, 95):>8.1f}{_p(row.seconds, 99):>8.1f}"
        f"{row.errors:>7}{row.cpu_ms:>8.2f}"
    )
    if row is floor:
        return line
    floor_cpu = floor.cpu_ms or float("nan")  # nan: too little CPU to read
    return (
        f"{line}{_p(row.seconds, 50) / _p(floor.seconds, 50):>6.1f}x"
        f"{_p(row.seconds, 95) / _p(floor.seconds, 95):>6.1f}x{row.cpu_ms / floor_cpu:>6.1f}x"
    )


def print_table(runs: list[Run]) -> None:
    print(
        "\n  Latency in ms (client side, round trip on 127.0.0.1); CPU/req: server CPU ms per"
        " request\n  (gunicorn master and workers, from /proc); x: against the noop view on the"
        " same server, same run"
    )
    print(HEADER)
    for run in runs:
        rows = rows_of(run)
        for row in rows:
            print(table_line(run.label, row, rows[0]))


def print_run(run: Run) -> None:
    print_table([run])
    replies = run.replies.by_kind | run.receipts.by_kind
    print(f"\n  {'latency by callback (ms)':<40}{'count':>8}{'p50':>8}{'p95':>8}{'p99':>8}")
    for kind, seconds in sorted(replies.items(), key=lambda item: -len(item[1])):
        print(
            f"    {kind:<38}{len(seconds):>8}{_p(seconds, 50):>8.1f}{_p(seconds, 95):>8.1f}"
            f"{_p(seconds, 99):>8.1f}"
        )
    for name, phase in run.phases.items():
        busy = 100 * phase.server_cpu_seconds / phase.wall_seconds
        client = 100 * phase.client_cpu_seconds / phase.wall_seconds
        print(
            f"  Phase {name}: {phase.wall_seconds:.1f} s, server CPU {busy:.0f}% of one core, "
            f"load generator {client:.0f}%"
        )
    submit_benchmark.print_failures("callbacks", run.receipts.failures + run.replies.failures)
    submit_benchmark.print_failures("noop requests", run.noop.failures)
    print(f"\n  {run.label}: checks against the database")
    for ok, text in run.checks:
        print(f"    {'OK    ' if ok else 'FAILED'}  {text}")


# --- Main ------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--conversations", type=int, help=f"open conversations (default {DEFAULT_CONVERSATIONS})"
    )
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_CONVERSATIONS} conversations")
    parser.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"), help="one database only")
    parser.add_argument(
        "--postgres-url", default=complaints_benchmark.POSTGRES_URL, help="server, not the schema"
    )
    parser.add_argument(
        "--concurrent-retries", type=float, default=0.0, metavar="SHARE",
        help="share of replies also posted twice at once (default 0)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    args.conversations = args.conversations or (
        QUICK_CONVERSATIONS if args.quick else DEFAULT_CONVERSATIONS
    )
    warm = WARMUP_CONVERSATIONS_PER_CLIENT * args.clients
    if min(args.clients, args.workers) < 1:
        parser.error("--clients and --workers must be at least 1")
    if not warm < args.conversations <= DRAMA_NUMBERS:
        parser.error(
            f"--conversations must be more than {warm} (the warm-up's) and at most "
            f"{DRAMA_NUMBERS}: one per number in Ofcom's drama range (other mobiles are real)"
        )
    if not 0 <= args.concurrent_retries <= 1:
        parser.error("--concurrent-retries must be between 0 and 1")
    # Flask reads FEEDBACK_* as JSON when it can: a prefix keeps these strings.
    args.token, args.number_key = f"bench-{secrets.token_urlsafe(24)}", f"bench-{uuid.uuid4()}"
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # clean up as for Ctrl-C
    print(
        f"SMS callback benchmark: {args.conversations} open conversations, {args.clients} "
        f"clients, {args.workers} gunicorn sync workers, {os.cpu_count()} CPUs, outbox provider"
        + (f", {args.concurrent_retries:.0%} of replies posted twice at once"
           if args.concurrent_retries else "")
    )  # fmt: skip
    started, runs = time.perf_counter(), []
    if args.only in (None, "sqlite"):
        print("\nSQLite (temp file)")
        with complaints_benchmark.sqlite_database() as target:
            runs.append(run_database("SQLite", target, args))
    if args.only in (None, "postgresql"):
        print("\nPostgreSQL (temp schema)")
        with complaints_benchmark.postgres_database(args.postgres_url) as pg_target:
            if pg_target is not None:
                runs.append(run_database("PostgreSQL", pg_target, args))
    if runs:
        print("\nAll databases")
        print_table(runs)
    failed = [run.label for run in runs if not run.ok]
    verdict = f"FAILED on {' and '.join(failed)}" if failed else "every check OK"
    verdict = verdict if runs else "nothing measured"
    print(f"\n  Checks: {verdict}; {time.perf_counter() - started:.0f} s in all")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print(
            "\nInterrupted: gunicorn stopped (if started), temp folder removed, schema dropped.",
            file=sys.stderr,
        )
        sys.exit(130)
