"""The SMS-style web form: the same conversation as the texts, as bubbles on a page, through
the test client as a browser without JavaScript uses it (plain posts, post/redirect/get)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree.ElementTree import Element

import html5lib
import pytest
from babel.messages.pofile import read_po
from sqlalchemy import select

from feedback.config import PROJECT_ROOT
from feedback.extensions import db
from feedback.sms import texts
from feedback.sms.models import (
    ConversationState,
    Direction,
    MessageStatus,
    SmsConversation,
    SmsMessage,
    SmsOptOut,
)
from feedback.surveys.models import Response
from feedback.web.assets import asset_url
from tests.factories import make_location
from tests.sms.helpers import invite, send, settings

KEY = "a-key-from-the-form-0001"


@pytest.fixture
def app(make_app):  # type: ignore[no-untyped-def]
    app = make_app(**settings())
    with app.app_context():
        yield app


@pytest.fixture
def ward(app):  # type: ignore[no-untyped-def]
    return make_location("BEECH", name="Beech Ward, Evington Centre")


def _catalogue(language: str):  # type: ignore[no-untyped-def]
    path = PROJECT_ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"
    with Path(path).open("rb") as file:
        return read_po(file)


def _translated(language: str, english: str) -> str:
    if language == "en":
        return english
    message = _catalogue(language).get(english)
    assert message is not None and message.string, f"{english!r} has no {language} text"
    return str(message.string)


def _tree(page: str) -> Element:
    return html5lib.parse(page, namespaceHTMLElements=False)


def _text(tree: Element, element_id: str) -> str:
    element = tree.find(f".//*[@id='{element_id}']")
    assert element is not None, f"no #{element_id}"
    return " ".join("".join(element.itertext()).split())


def _start(client, code: str = "BEECH", query: str = "") -> str:  # type: ignore[no-untyped-def]
    """Start a conversation as the kiosk link does; the path of its page."""
    started = client.get(f"/text/start/{code}{query}")
    assert started.status_code == 303
    path = started.headers["Location"]
    assert path.startswith("/text/") and "/start/" not in path
    return path


def _reply(client, path: str, text: str, key: str | None = None):  # type: ignore[no-untyped-def]
    return client.post(path, data={"reply": text, "key": key or f"key-{len(text):04d}-{text[:8]}x"})


def _conversation() -> SmsConversation:
    return db.session.scalars(select(SmsConversation)).one()


def _replies() -> list[str]:
    return [
        m.body
        for m in db.session.scalars(
            select(SmsMessage).where(SmsMessage.direction == Direction.IN).order_by(SmsMessage.id)
        )
    ]


def _comment(response: Response) -> str:
    return next((a.value for a in response.answers if a.question_id == "reason"), "")


def test_a_conversation_started_from_a_ward_runs_rating_comment_and_thanks_on_the_page(
    client, ward
):
    path = _start(client)
    conversation = _conversation()
    assert conversation.invite_id is None and conversation.location_id == ward.id
    assert conversation.phone_hash.startswith("web:")
    assert conversation.state == ConversationState.AWAITING_RATING
    assert path == f"/text/{conversation.web_token}"

    shown = client.get(path)
    assert shown.headers["X-Robots-Tag"] == "noindex, nofollow"  # the token is the only key
    assert shown.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in shown.headers["Cache-Control"]
    page = _tree(shown.get_data(as_text=True))
    invite_text = texts.invite("en", ward.name)
    assert invite_text.startswith("Beech Ward: how was your care?")
    assert _text(page, "latest") == f"We said: {invite_text}"  # the invite comes first
    assert page.find(".//textarea[@id='reply']") is not None
    assert page.find(".//label[@for='reply']").text == "Your reply"

    sent = _reply(client, path, "2")
    assert sent.status_code == 303 and sent.headers["Location"] == f"{path}#latest"
    page = _tree(client.get(path).get_data(as_text=True))
    assert "You said: 2" in _text(page, "app-chat-earlier")
    assert _text(page, "latest") == f"We said: {texts.follow_up('en')}"

    _reply(client, path, "The nurses were kind\nand the food was hot")
    page = _tree(client.get(path).get_data(as_text=True))
    assert _text(page, "latest") == f"We said: {texts.thanks('en')}"
    bubbles = [
        " ".join("".join(p.itertext()).split())
        for p in page.iter("p")
        if "app-chat__bubble" in p.get("class", "")
    ]
    assert bubbles == [
        f"We said: {invite_text}",
        "You said: 2",
        f"We said: {texts.follow_up('en')}",
        "You said: The nurses were kind and the food was hot",
        f"We said: {texts.thanks('en')}",
    ]
    assert page.find(".//textarea[@id='reply']") is not None  # they may still add more

    [response] = db.session.scalars(select(Response)).all()
    assert (response.fft_rating, response.location_id) == (2, ward.id)
    assert _comment(response) == "The nurses were kind\nand the food was hot"
    ours = db.session.scalars(select(SmsMessage).where(SmsMessage.direction == Direction.OUT))
    assert {m.status for m in ours} == {MessageStatus.SHOWN}  # shown on the page, never texted


def test_the_same_form_sent_twice_is_recorded_once(client, ward):
    path = _start(client)
    first = _reply(client, path, "1", key=KEY)
    again = _reply(client, path, "1", key=KEY)
    assert first.status_code == again.status_code == 303
    assert _replies() == ["1"]
    intents = [m.intent for m in _conversation().messages]
    assert intents == ["invite", "reply", "follow_up"]
    # A made-up or missing key still records the reply (with a key of the server's own).
    client.post(path, data={"reply": "Lovely staff", "key": "<script>"})
    client.post(path, data={"reply": "And clean"})
    assert _replies() == ["1", "Lovely staff", "And clean"]


@pytest.mark.parametrize("language", ["en", "ur"])
def test_an_empty_or_too_long_reply_is_refused_in_the_persons_language(client, ward, language):
    path = _start(client, query=f"?lang={language}")
    for blank in ("", "   \n  "):
        page = _reply(client, path, blank)
        assert page.status_code == 200
        html = page.get_data(as_text=True)
        assert f'<html lang="{language}"' in html
        assert "nhsuk-error-summary" in html and 'href="#reply"' in html
        assert _translated(language, "Write your reply in the box") in html
        assert "<title>" + _translated(language, "Error") in html

    too_long = "a" * 2_001
    page = _reply(client, path, too_long)
    html = page.get_data(as_text=True)
    limit = _translated(
        language,
        "Your answer must be %(limit)s characters or fewer. "
        "It is %(count)s characters at the moment.",
    ) % {"limit": 2000, "count": 2001}
    assert page.status_code == 200 and limit in html
    assert too_long in html  # what they wrote is kept, to shorten
    assert _replies() == []

    # Characters are counted, not bytes or UTF-16 units: 2,000 emoji are not too long.
    assert _reply(client, path, "😀" * 2_000).status_code == 303
    assert _replies() == ["😀" * 2_000]


def test_an_unknown_link_is_a_friendly_page_not_found_in_the_persons_language(client, ward):
    page = client.get("/text/not-a-real-token")
    assert page.status_code == 404
    assert "We cannot find this conversation" in page.get_data(as_text=True)
    urdu = client.get("/text/not-a-real-token?lang=ur").get_data(as_text=True)
    assert _translated("ur", "We cannot find this conversation") in urdu
    assert '<html lang="ur" dir="rtl">' in urdu
    assert client.post("/text/not-a-real-token", data={"reply": "1"}).status_code == 404
    assert client.get("/text/" + "x" * 500).status_code == 404
    assert client.get("/text/start/NOWHERE").status_code == 404


def test_an_ended_conversation_is_shown_read_only(client, ward):
    path = _start(client)
    _reply(client, path, "1 kind staff")
    conversation = _conversation()
    conversation.expires_at = datetime.now(UTC) - timedelta(minutes=1)
    db.session.commit()

    html = client.get(path).get_data(as_text=True)
    assert "This conversation has ended, so you cannot reply here any more." in html
    assert "<textarea" not in html and "<form" not in html.split('id="maincontent"')[1]
    assert "You said: </span>" in html and "1 kind staff" in html  # the thread is still there
    easy = client.get(f"{path}?easy_read=yes").get_data(as_text=True)
    assert "This chat has ended. You cannot send more messages." in easy

    late = _reply(client, path, "Also the food")
    assert late.status_code == 303 and late.headers["Location"] == path
    assert _replies() == ["1 kind staff"]


def test_stop_on_a_web_only_conversation_ends_it_without_an_opt_out_to_keep(client, ward):
    # Started on the web, it has no phone number: there is nothing to stop texting.
    path = _start(client)
    _reply(client, path, "STOP")
    conversation = _conversation()
    assert conversation.state == ConversationState.CLOSED
    assert db.session.get(SmsOptOut, conversation.phone_hash) is None
    page = _tree(client.get(path).get_data(as_text=True))
    assert _text(page, "latest") == f"We said: {texts.opt_out_confirmation('en')}"
    assert page.find(".//textarea") is None
    assert "has ended" in _text(page, "app-chat-reply")


def test_an_urdu_conversation_is_right_to_left_and_keeps_its_language_when_another_is_asked(
    client, ward
):
    path = _start(client, query="?lang=ur")
    assert _conversation().language == "ur"
    fresh = client.application.test_client()  # a phone with no session and no ?lang=
    html = fresh.get(path).get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in html
    urdu_invite = texts.invite("ur", ward.name)
    assert urdu_invite != texts.invite("en", ward.name)
    assert urdu_invite in html
    assert _translated("ur", "Your reply") in html

    english = fresh.get(f"{path}?lang=en").get_data(as_text=True)
    assert '<html lang="en" dir="ltr">' in english and "Your reply" in english
    # Our messages stay in the conversation's language, and say so (WCAG 3.1.2).
    assert f'<span class="app-chat__text" lang="ur" dir="rtl">{urdu_invite}</span>' in english
    # The language asked for is kept through the post and the redirect.
    sent = fresh.post(f"{path}?lang=en", data={"reply": "2", "key": KEY})
    assert sent.headers["Location"] == f"{path}?lang=en#latest"


def test_easy_read_puts_a_picture_beside_our_messages_and_uses_short_words(client, ward):
    path = _start(client)
    html = client.get(f"{path}?easy_read=yes").get_data(as_text=True)
    assert 'class="app-patient app-easy-read"' in html
    assert html.count(asset_url("easy-read/question-comment.svg")) == 1  # one message of ours
    assert "Write your answer in the box." in html and "Write a number from 1 to 6." in html
    _reply(client, path, "2")
    html = client.get(path).get_data(as_text=True)  # easy read is remembered
    assert html.count(asset_url("easy-read/question-comment.svg")) == 2
    assert "Write what you think." in html


def test_a_conversation_from_a_text_invite_continues_on_the_page(app, ward):
    invite(ward)
    noon = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
    assert send(noon) == 1
    conversation = _conversation()
    client = app.test_client()
    path = f"/text/{conversation.web_token}"
    page = _tree(client.get(path).get_data(as_text=True))
    assert _text(page, "latest") == f"We said: {texts.invite('en', ward.name)}"
    _reply(client, path, "1 the nurses were lovely")
    [response] = db.session.scalars(select(Response)).all()
    assert response.fft_rating == 1 and _comment(response) == "the nurses were lovely"
    intents = [(m.intent, m.status) for m in _conversation().messages]
    assert intents == [
        ("invite", MessageStatus.OUTBOX),  # the text that was sent
        ("reply", MessageStatus.RECEIVED),
        ("thanks", MessageStatus.SHOWN),  # answered on the page, not by text
    ]


def test_a_page_left_open_too_long_keeps_the_reply_to_send_again(make_app):
    app = make_app(**settings(), WTF_CSRF_ENABLED=True)
    with app.app_context():
        make_location("BEECH", name="Beech Ward")
        client = app.test_client()
        path = _start(client)
        page = client.post(path, data={"reply": "Kind staff", "key": KEY})  # no CSRF token
        html = page.get_data(as_text=True)
        assert page.status_code == 400 and "<title>Error: " in html
        assert "This page was open for a long time. Please send your reply again." in html
        assert ">Kind staff</textarea>" in html and 'name="csrf_token"' in html
        assert _replies() == []


def test_a_retired_ward_cannot_start_a_conversation(client, ward):
    ward.retired_at = datetime.now(UTC)
    db.session.commit()
    assert client.get("/text/start/BEECH").status_code == 404
    assert db.session.scalars(select(SmsConversation)).all() == []


def test_a_web_only_conversation_counts_as_online_not_sms(client, ward):
    from feedback.surveys.models import ResponseMode

    path = _start(client)
    _reply(client, path, "2")
    [response] = db.session.scalars(select(Response)).all()
    assert response.mode == ResponseMode.ONLINE and response.fft_rating == 2


def test_a_key_we_could_not_have_made_is_not_shown_back_in_the_page(client, ward):
    # A posted key went back into the page's hidden field; with control characters in it the
    # page was invalid HTML (found by the fuzz tests).
    path = _start(client, ward.code)
    page = client.post(path, data={"reply": "", "key": "bad\x01key"})
    assert page.status_code == 200
    assert "\x01" not in page.get_data(as_text=True)
