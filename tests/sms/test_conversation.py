"""The text conversation, driven through Notify's inbound callback as the provider posts it."""

from __future__ import annotations

from sqlalchemy import func, select

from feedback.extensions import db
from feedback.sms.models import ConversationState, SmsConversation, SmsOptOut
from feedback.surveys.models import Response, ResponseMode
from tests.factories import make_location
from tests.sms.helpers import invite, notify_reply, post, send, settings, texts_sent

INBOUND = "/sms/notify/inbound"


def _responses() -> list[Response]:
    return db.session.scalars(select(Response).order_by(Response.id)).all()


def _comment(response: Response) -> str:
    return next((a.value for a in response.answers if a.question_id == "reason"), "")


def test_invite_rating_follow_up_comment_thanks(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location(name="Belvoir Ward, Bradgate Unit")
        invite(ward)
        assert send() == 1
        client = app.test_client()
        assert post(client, INBOUND, notify_reply("2")).status_code == 200
        assert post(client, INBOUND, notify_reply("The nurses were kind")).status_code == 200
        assert post(client, INBOUND, notify_reply("And the food was hot")).status_code == 200
        [response] = _responses()
        assert (response.fft_rating, response.mode, response.location_id) == (
            2,
            ResponseMode.SMS,
            ward.id,
        )
        assert _comment(response) == "The nurses were kind\nAnd the food was hot"
        intents = [intent for intent, _body in texts_sent()]
        assert intents == ["invite", "follow_up", "thanks"]  # thanked once, not per message
        assert texts_sent()[0][1].startswith("Belvoir Ward: how was your care?")


def test_a_rating_with_words_is_thanked_at_once_and_a_retried_callback_changes_nothing(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        body = notify_reply("2 but the wait was long")
        assert post(client, INBOUND, body).status_code == 200
        again = post(client, INBOUND, body)
        assert again.status_code == 200 and again.json["result"] == "already recorded"
        [response] = _responses()
        assert response.fft_rating == 2 and _comment(response) == "but the wait was long"
        assert [i for i, _b in texts_sent()] == ["invite", "thanks"]


def test_a_reply_that_is_not_a_rating_is_asked_once_more_then_kept_as_a_comment(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        post(client, INBOUND, notify_reply("Ward 5 were lovely"))
        post(client, INBOUND, notify_reply("5 stars"))
        [response] = _responses()
        assert response.fft_rating is None
        assert _comment(response) == "Ward 5 were lovely\n5 stars"  # nothing they wrote is lost
        assert [i for i, _b in texts_sent()] == ["invite", "reask", "thanks"]


def test_stop_opts_out_at_once_is_confirmed_once_and_the_number_is_never_texted_again(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location()
        invite(ward)
        send()
        client = app.test_client()
        post(client, INBOUND, notify_reply("Stop please"))
        post(client, INBOUND, notify_reply("STOP"))
        assert db.session.scalars(select(SmsOptOut)).all() != []
        conversation = db.session.scalars(select(SmsConversation)).one()
        assert conversation.state == ConversationState.CLOSED
        assert [i for i, _b in texts_sent()] == ["invite", "opt_out_confirmation"]
        invite(ward, contact_on="2026-11-30")  # a later discharge
        send()
        assert [i for i, _b in texts_sent()] == ["invite", "opt_out_confirmation"]


def test_replies_after_the_conversation_expired_get_no_answer(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        late = notify_reply("1", date_received="2026-12-08T12:00:00.000000Z")
        assert post(client, INBOUND, late).status_code == 200
        assert _responses() == []
        assert [i for i, _b in texts_sent()] == ["invite"]


def test_words_added_by_a_later_text_are_read_again_by_themes(make_app):
    from feedback.themes.models import Comment
    from feedback.themes.tagging import collect_and_tag

    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        send()
        client = app.test_client()
        post(client, INBOUND, notify_reply("2"))
        post(client, INBOUND, notify_reply("The food was cold"))
        collect_and_tag()
        db.session.commit()
        [comment] = db.session.scalars(select(Comment)).all()
        assert comment.text == "The food was cold" and not comment.is_urgent
        post(client, INBOUND, notify_reply("I want to end my life"))
        collect_and_tag()
        db.session.commit()
        db.session.refresh(comment)
        assert comment.text == "The food was cold\nI want to end my life"
        assert comment.is_urgent and comment.tagged_at is not None
        assert db.session.scalar(select(func.count()).select_from(Comment)) == 1


def test_the_invite_links_to_the_same_conversation_as_a_web_page(make_app):
    app = make_app(**settings(), PUBLIC_BASE_URL="https://feedback.example.nhs.uk/")
    with app.app_context():
        invite(make_location(name="Belvoir Ward, Bradgate Unit"))
        send()
        [(_number, body)] = texts_sent()
        conversation = db.session.scalars(select(SmsConversation)).one()
        link = f"https://feedback.example.nhs.uk/text/{conversation.web_token}"
        assert body.endswith(f"Or answer online: {link}")
        client = app.test_client()
        page = client.get(f"/text/{conversation.web_token}")
        assert page.status_code == 200 and "Belvoir Ward" in page.get_data(as_text=True)
        # The rating given on the page is the texted conversation's, and no link is repeated.
        post(client, INBOUND, notify_reply("1"))
        assert link not in texts_sent()[-1][1]


def test_an_urdu_invite_has_no_room_so_the_follow_up_carries_the_link(make_app):
    app = make_app(**settings(), PUBLIC_BASE_URL="https://feedback.example.nhs.uk")
    with app.app_context():
        invite(make_location(), language="ur")
        send()
        conversation = db.session.scalars(select(SmsConversation)).one()
        link = f"https://feedback.example.nhs.uk/text/{conversation.web_token}"
        assert link not in texts_sent()[0][1]
        post(app.test_client(), INBOUND, notify_reply("1"))
        assert texts_sent()[-1][1].endswith(link)
