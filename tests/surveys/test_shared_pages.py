"""Question pages rendered once and shared: each person still gets their own token, nonce and
answers, and nobody is shown a page meant for another language, easy read or a tablet."""

from __future__ import annotations

import re

import pytest

from feedback.extensions import db
from feedback.kiosks.services import kiosk_token
from feedback.surveys import views
from feedback.surveys.shared_pages import question_pages
from tests.factories import make_kiosk, make_location
from tests.surveys.journey_helpers import answer, complete_fft

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_NONCE = re.compile(r'<script nonce="([^"]+)"')


def _token_and_nonce(page) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    html = page.get_data(as_text=True)
    [token] = set(_CSRF.findall(html))
    [nonce] = set(_NONCE.findall(html))
    assert f"'nonce-{nonce}'" in page.headers["Content-Security-Policy"]
    return token, nonce


def _without_secrets(html: str) -> str:
    return _NONCE.sub("<script nonce=N", _CSRF.sub('name="csrf_token" value=T', html))


def test_two_people_get_their_own_token_and_nonce_and_both_can_answer(make_app):
    app = make_app(WTF_CSRF_ENABLED=True)
    with app.app_context():
        base = f"/feedback/{make_location().code}"
    first, second = app.test_client(), app.test_client()

    first_token, first_nonce = _token_and_nonce(first.get(f"{base}/rating"))
    second_token, second_nonce = _token_and_nonce(second.get(f"{base}/rating"))

    assert first_token != second_token and first_nonce != second_nonce
    for client, token in ((first, first_token), (second, second_token)):
        posted = client.post(f"{base}/rating", data={"answer": "1", "csrf_token": token})
        assert posted.status_code == 302, posted.get_data(as_text=True)[:300]
    # One person's token is no use to the other: the cache never hands a token across.
    refused = second.post(f"{base}/reason", data={"answer": "", "csrf_token": first_token})
    assert refused.status_code == 400


def test_the_kept_page_is_the_page_that_would_be_rendered(app, client, monkeypatch):
    base = f"/feedback/{make_location().code}"
    kept = [client.get(f"{base}/rating").get_data(as_text=True) for _ in range(2)]
    assert len(question_pages()) == 1

    monkeypatch.setattr(views, "same_for_everybody", lambda *args: False)
    rendered = client.get(f"{base}/rating").get_data(as_text=True)

    assert _without_secrets(kept[0]) == _without_secrets(kept[1]) == _without_secrets(rendered)
    assert len(question_pages()) == 1


def test_going_back_shows_your_own_answer_and_nobody_elses(app):
    base = f"/feedback/{make_location().code}"
    first, second = app.test_client(), app.test_client()
    second.get(f"{base}/rating")  # the empty page is kept before anyone answers

    answer(first, base, "rating", "4")
    answer(first, base, "reason", "The ward was noisy at night")
    back = first.get(f"{base}/rating").get_data(as_text=True)
    reason = first.get(f"{base}/reason").get_data(as_text=True)
    assert re.search(r'value="4"\s+checked', back)
    assert "The ward was noisy at night" in reason

    fresh = second.get(f"{base}/rating").get_data(as_text=True)
    assert "checked" not in fresh
    assert "noisy" not in second.get(f"{base}/reason").get_data(as_text=True)


def test_an_error_is_shown_to_the_person_who_made_it_only(app):
    base = f"/feedback/{make_location().code}"
    first, second = app.test_client(), app.test_client()
    mistake = answer(first, base, "rating", None).get_data(as_text=True)
    assert "nhsuk-error-summary" in mistake
    assert "nhsuk-error-summary" not in second.get(f"{base}/rating").get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?lang=ur", '<html lang="ur" dir="rtl">'),
        ("?easy_read=yes", '<body class="app-patient app-easy-read'),
    ],
)
def test_another_language_or_easy_read_is_never_served_the_english_page(
    app, client, query, expected
):
    base = f"/feedback/{make_location().code}"
    english = client.get(f"{base}/rating").get_data(as_text=True)
    assert expected not in english
    other = app.test_client().get(f"{base}/rating{query}").get_data(as_text=True)
    assert expected in other
    assert expected not in app.test_client().get(f"{base}/rating").get_data(as_text=True)


def test_a_tablet_page_is_not_the_home_link_page(app, client):
    location = make_location()
    home = f"/feedback/{location.code}"
    tablet = f"/kiosk/{kiosk_token(make_kiosk(location), 'test-secret-key')}"

    assert "app-timeout" not in client.get(f"{home}/rating").get_data(as_text=True)
    on_tablet = app.test_client().get(f"{tablet}/rating").get_data(as_text=True)
    assert "app-timeout" in on_tablet and f'action="{tablet}/reset"' in on_tablet
    assert f'action="{tablet}/reset"' in app.test_client().get(f"{tablet}/rating").get_data(
        as_text=True
    )


def test_each_app_keeps_its_own_pages(make_app):
    first_app, second_app = make_app(), make_app(TRUST_NAME="Another Partnership NHS Trust")
    with first_app.app_context():
        base = f"/feedback/{make_location().code}"
    assert "Another Partnership" not in first_app.test_client().get(f"{base}/rating").get_data(
        as_text=True
    )
    with second_app.app_context():
        base = f"/feedback/{make_location().code}"
    assert "Another Partnership" in second_app.test_client().get(f"{base}/rating").get_data(
        as_text=True
    )


def test_a_renamed_ward_shows_its_new_name_on_the_start_page_at_once(app, client):
    location = make_location(name="Ash Ward")
    base = f"/feedback/{location.code}"
    assert "Ash Ward" in client.get(f"{base}/").get_data(as_text=True)

    location.name = "Ash Ward (Bradgate)"
    db.session.commit()

    assert "Ash Ward (Bradgate)" in app.test_client().get(f"{base}/").get_data(as_text=True)


def test_the_start_page_keeps_the_language_in_its_chat_link(app, client):
    base = f"/feedback/{make_location().code}"
    client.get(f"{base}/")
    in_urdu = app.test_client().get(f"{base}/?lang=ur").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in in_urdu and "lang=ur" in in_urdu.split("chat")[0]


def test_the_thank_you_page_on_a_tablet_goes_back_to_the_start_and_at_home_does_not(app):
    location = make_location()
    home = f"/feedback/{location.code}"
    tablet = f"/kiosk/{kiosk_token(make_kiosk(location), 'test-secret-key')}"
    for base, returns in ((home, False), (tablet, True), (home, False)):
        client = app.test_client()
        complete_fft(client, base)
        thanks = client.get(f"{base}/thank-you").get_data(as_text=True)
        assert "Thank you" in thanks
        assert ("app-return-notice" in thanks) is returns
