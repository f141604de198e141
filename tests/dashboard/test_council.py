"""The People's Council's quarterly summary: easy read, small numbers hidden, quotes approved."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.dashboard.council import CouncilQuote
from feedback.extensions import db
from feedback.themes.models import Comment
from feedback.web.assets import asset_url
from tests.dashboard.helpers import done_action, refresh, responses
from tests.factories import make_directorate, make_location, make_service, make_user, sign_in

AUGUST = date(2026, 8, 1)  # in Q2 2026/27, the last complete quarter on 1 December 2026
Q2 = "2026-Q2"


def _two_directorates():  # type: ignore[no-untyped-def]
    big = make_location(service=make_service(directorate=make_directorate("Community Health")))
    small = make_location(service=make_service(directorate=make_directorate("Families")))
    responses(big, AUGUST, [1] * 6, comment="The food was lovely and hot every day")
    responses(small, AUGUST, [5, 5])
    refresh(date(2026, 12, 1))
    return big, small


def test_the_summary_hides_small_numbers_and_anything_that_would_give_them_away(client):
    _two_directorates()
    sign_in(client, make_user(Role.PEOPLES_COUNCIL))
    page = client.get(f"/council/?quarter={Q2}").text
    assert "Q2 2026/27" in page
    assert "8 people answered. 75 out of 100 said good." in page  # the whole trust
    assert "Fewer than 5 people answered. We do not show small numbers." in page
    assert "Hidden. This keeps a small number private." in page  # 8 - 6 would reveal 2
    assert "6 people answered" not in page and "2 people answered" not in page
    plain = client.get(f"/council/?quarter={Q2}&easy_read=no").text
    assert "8 responses; 75% said very good or good" in plain
    assert "Fewer than 5 responses (not shown)" in plain and "6 responses" not in plain


def test_easy_read_sentences_are_short_and_each_point_has_a_picture(client):
    _two_directorates()
    sign_in(client, make_user(Role.PEOPLES_COUNCIL))
    page = client.get(f"/council/?quarter={Q2}").text
    summary = page.split('<div class="app-council app-council--easy">')[1].split("</main>")[0]
    summary = re.sub(r'<div class="app-no-print">.*?</div>\s*\n', "", summary, flags=re.S)
    paragraphs = re.findall(r"<(?:p|li)[^>]*>(.*?)</(?:p|li)>", summary, flags=re.S)
    assert len(paragraphs) >= 8
    for paragraph in paragraphs:
        text = " ".join(re.sub(r"<[^>]+>", " ", paragraph).split())
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            assert len(sentence.split()) <= 15, sentence
    assert summary.count('class="app-picture"') >= 4
    assert asset_url("easy-read/council-responses.svg") in summary


def test_quotes_are_redacted_and_shown_only_once_the_team_approves_them(client):
    make_user(Role.PX_TEAM, name="Jane Smith")  # a staff name the app knows
    ward = make_location()
    text = "Jane Smith on the ward was so kind, she sat with me every night. Thank you."
    responses(ward, AUGUST, [1] * 5, comment=text)
    refresh(date(2026, 12, 1))
    council_member = make_user(Role.PEOPLES_COUNCIL)
    px = make_user(Role.PX_TEAM)
    sign_in(client, council_member)
    assert client.get(f"/council/quotes?quarter={Q2}").status_code == 403
    assert "sat with me" not in client.get(f"/council/?quarter={Q2}").text
    client.post("/auth/sign-out")
    sign_in(client, px)
    offered = client.get(f"/council/quotes?quarter={Q2}").text
    assert "[name] on the ward was so kind" in offered and "Jane Smith" not in offered
    comment = db.session.scalars(select(Comment).order_by(Comment.id)).first()
    form = client.get(f"/council/quotes/comment/{comment.id}?quarter={Q2}").text
    assert "[name] on the ward" in form
    saved = client.post(
        f"/council/quotes/comment/{comment.id}?quarter={Q2}",
        data={"text": "Jane Smith was so kind, she sat with me every night."},
    )
    assert saved.status_code == 302
    quote = db.session.scalars(select(CouncilQuote)).one()
    assert quote.text == "[name] was so kind, she sat with me every night."
    client.post("/auth/sign-out")
    sign_in(client, council_member)
    assert (
        "[name] was so kind, she sat with me every night."
        in client.get(f"/council/?quarter={Q2}").text
    )
    client.post("/auth/sign-out")
    sign_in(client, px)
    empty = client.post(f"/council/quotes/comment/{comment.id}?quarter={Q2}", data={"text": " "})
    assert empty.status_code == 400 and "Enter the words to quote" in empty.text
    assert client.post(f"/council/quotes/{quote.id}/remove").status_code == 302
    assert db.session.scalars(select(CouncilQuote)).all() == []


def test_complaint_figures_under_5_are_not_published(client):
    _two_directorates()
    sign_in(client, make_user(Role.PEOPLES_COUNCIL))
    page = client.get(f"/council/?quarter={Q2}").text
    assert "We had fewer than 5 complaints." in page
    assert "Too few were answered to say." in page


def test_actions_show_in_easy_read_words_and_in_full_in_plain_english(client):
    done_action(
        make_location(),
        "Several patients said the evening meal arrived cold on the ward most nights.",
        "The catering team bought heated trolleys and changed the delivery round.",
        date(2026, 9, 15),
        poster_said="The food was cold.",
        poster_did="We bought hot trolleys.",
    )
    sign_in(client, make_user(Role.PEOPLES_COUNCIL))
    easy = client.get(f"/council/?quarter={Q2}").text
    assert "<strong>You said:</strong> The food was cold." in easy
    assert "<strong>We did:</strong> We bought hot trolleys." in easy
    plain = client.get(f"/council/?quarter={Q2}&easy_read=no").text
    section = plain.split("Actions taken because of feedback")[1].split("<h2")[0]
    assert "the evening meal arrived cold" in section, section
    assert "Done, 15 Sep 2026" in section, section
