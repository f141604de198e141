"""Emails and texts go out through GOV.UK Notify's official client, here against a stand-in
Notify on 127.0.0.1: what each request carries, what a sent message keeps, and a failed send
left pending with its error until the next attempt."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.notifications.gateway import deliver_pending_emails, email_gateway
from feedback.notifications.models import EmailMessage
from feedback.notifications.models import MessageStatus as EmailStatus
from feedback.sms.gateway import deliver_pending_sms, sms_gateway
from feedback.sms.models import MessageStatus as TextStatus
from feedback.sms.models import SmsMessage

SERVICE_ID, SECRET = str(uuid.uuid4()), str(uuid.uuid4())


class StandInNotify:
    """Answers Notify's two send endpoints; `failing` makes every send a 500."""

    def __init__(self) -> None:
        self.received: list[tuple[str, dict[str, Any]]] = []
        self.failing = False
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                assert self.headers["Authorization"].startswith("Bearer ")
                outer.received.append((self.path, body))
                status = 500 if outer.failing else 201
                reply = (
                    {"errors": [{"error": "Exception"}]}
                    if outer.failing
                    else {"id": str(uuid.uuid4())}
                )
                data = json.dumps(reply).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def notify() -> Iterator[StandInNotify]:
    stand_in = StandInNotify()
    yield stand_in
    stand_in.server.shutdown()
    stand_in.server.server_close()


@pytest.fixture
def app(make_app, notify):  # type: ignore[no-untyped-def]
    app = make_app(
        EMAIL_PROVIDER="notify",
        SMS_PROVIDER="notify",
        NOTIFY_API_KEY=f"test_key-{SERVICE_ID}-{SECRET}",
        NOTIFY_BASE_URL=notify.url,
        NOTIFY_EMAIL_TEMPLATE_ID="email-template",
        NOTIFY_SMS_TEMPLATE_ID="sms-template",
    )
    with app.app_context():
        yield app


def test_an_email_goes_out_with_its_subject_body_and_reference(app, notify):
    email_gateway().send_satisfaction_invite(to="pat@example.com", link="https://x.test/s")
    db.session.commit()
    assert deliver_pending_emails() == 1
    [(path, body)] = notify.received
    assert path == "/v2/notifications/email"
    assert body["email_address"] == "pat@example.com"
    assert body["template_id"] == "email-template"
    assert body["reference"] == "complaint-satisfaction"
    assert "https://x.test/s" in body["personalisation"]["body"]
    message = db.session.scalars(select(EmailMessage)).one()
    assert message.status == EmailStatus.SENT and message.provider_id and message.sent_at
    assert deliver_pending_emails() == 0  # sent once, never again


def test_a_failed_send_stays_pending_with_its_error_until_the_next_attempt(app, notify):
    notify.failing = True
    email_gateway().send_satisfaction_invite(to="pat@example.com", link="https://x.test/s")
    sms_gateway().confirm_opt_out(None, "07700900123", "a-hash", "en")
    db.session.commit()
    assert deliver_pending_emails() == 0 and deliver_pending_sms() == 0
    email = db.session.scalars(select(EmailMessage)).one()
    text = db.session.scalars(select(SmsMessage)).one()
    assert (email.status, email.error) == (EmailStatus.PENDING, "500")
    assert (text.status, text.error, text.to_phone) == (TextStatus.PENDING, "500", "07700900123")
    notify.failing = False
    assert deliver_pending_emails() == 1 and deliver_pending_sms() == 1
    db.session.refresh(email)
    db.session.refresh(text)
    assert email.status == EmailStatus.SENT and email.error is None
    assert text.status == TextStatus.SENT and text.error is None


def test_a_text_goes_out_without_personal_data_in_its_reference_and_forgets_the_number(app, notify):
    sms_gateway().confirm_opt_out(None, "07700900123", "a-hash", "en")
    db.session.commit()
    assert deliver_pending_sms() == 1
    [(path, body)] = notify.received
    text = db.session.scalars(select(SmsMessage)).one()
    assert path == "/v2/notifications/sms"
    assert body["phone_number"] == "07700900123" and body["template_id"] == "sms-template"
    assert body["reference"] == f"sms-{text.id}"
    assert text.status == TextStatus.SENT and text.provider_id and text.sent_at
    assert text.to_phone is None  # sent: the number is not kept
