"""Results against counts made by hand: % often/always and % agree/strongly agree, halves rounded
up, the number answering, the breakdowns with their small groups hidden; the CSV files; who
sees them; comments whole for the patient experience team only."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.staff_survey.models import StaffSurveyWindow
from feedback.staff_survey.results import window_results
from feedback.staff_survey.suppression import Hidden
from tests.factories import make_user, sign_in
from tests.staff_survey.helpers import add_comments, add_responses, directorates, past_window


@pytest.fixture
def counted(app):
    """40 staff in April 2026, counted by hand below."""
    amh, chs = directorates("Adult Mental Health", "Community Health Services")
    window = past_window()
    # Adult Mental Health, 12, all disabled: item 1 "Always" x7, "Sometimes" x5; item 4
    # "Agree" x6, "Disagree" x6; item 9 "Agree" x8, "Neither" x4.
    a = {"directorate_id": amh.id, "disability": "yes"}
    add_responses(window, 6, {**a, "item_1": 5, "item_4": 4, "item_9": 4})
    add_responses(window, 1, {**a, "item_1": 5, "item_4": 2, "item_9": 4})
    add_responses(window, 1, {**a, "item_1": 3, "item_4": 2, "item_9": 4})
    add_responses(window, 4, {**a, "item_1": 3, "item_4": 2, "item_9": 3})
    # Community Health Services, 15, none disabled: item 1 "Often" x9, "Never" x6; item 4
    # "Strongly agree" x10, "Neither" x5; item 9 "Strongly agree" x9, "Disagree" x6.
    b = {"directorate_id": chs.id, "disability": "no"}
    add_responses(window, 9, {**b, "item_1": 4, "item_4": 5, "item_9": 5})
    add_responses(window, 1, {**b, "item_1": 1, "item_4": 5, "item_9": 2})
    add_responses(window, 5, {**b, "item_1": 1, "item_4": 3, "item_9": 2})
    # Prefer not to say (directorate and disability), 10: item 1 "Rarely"; item 4 skipped;
    # item 9 "Agree" x5, "Strongly disagree" x5.
    c = {"directorate_not_said": True, "disability": "not_said"}
    add_responses(window, 5, {**c, "item_1": 2, "item_9": 4})
    add_responses(window, 5, {**c, "item_1": 2, "item_9": 1})
    # Not answered (no directorate, no disability), 3: all positive.
    add_responses(window, 3, {"item_1": 5, "item_4": 4, "item_9": 4})
    return window, amh, chs


def test_trust_wide_percentages_are_exact_with_halves_rounded_up(counted):
    window, _amh, _chs = counted
    results = window_results(window)
    assert results.responses == 40
    item_1, item_4, item_9 = (results.trust[i] for i in ("item_1", "item_4", "item_9"))
    assert (item_1.percent, item_1.answered) == (48, 40)  # 19/40 = 47.5%
    assert (item_4.percent, item_4.answered) == (63, 30)  # 19/30 = 63.3%
    assert (item_9.percent, item_9.answered) == (63, 40)  # 25/40 = 62.5%: half up, not 62
    assert results.trust["item_2"].hidden == Hidden.NO_RESPONSES


def test_breakdowns_hide_small_groups_and_the_next_smallest_with_them(counted):
    window, amh, chs = counted
    by = window_results(window).breakdown("directorate").figures
    a, b = f"directorate-{amh.id}", f"directorate-{chs.id}"
    # Item 1: the 3 not answering are hidden, and so the smallest shown (prefer not to say, 10).
    assert (by["item_1"][a].percent, by["item_1"][a].answered) == (58, 12)  # 7/12
    assert (by["item_1"][b].percent, by["item_1"][b].answered) == (60, 15)  # 9/15
    assert by["item_1"]["not_answered"].hidden == Hidden.FEWER_THAN_10
    assert by["item_1"]["not_said"].hidden == Hidden.PROTECTS_ANOTHER
    # Item 4: prefer not to say skipped it (no responses: hides nothing), so the 12 go instead.
    assert by["item_4"]["not_said"].hidden == Hidden.NO_RESPONSES
    assert by["item_4"][a].hidden == Hidden.PROTECTS_ANOTHER
    assert (by["item_4"][b].percent, by["item_4"][b].answered) == (67, 15)  # 10/15
    disability = window_results(window).breakdown("disability").figures
    assert (disability["item_9"]["yes"].percent, disability["item_9"]["no"].percent) == (67, 60)
    assert disability["item_9"]["not_said"].hidden == Hidden.PROTECTS_ANOTHER
    staff_group = window_results(window).breakdown("staff-group").figures
    assert staff_group["item_1"]["not_answered"].answered == 40  # nobody said: one group of 40
    assert staff_group["item_1"]["nursing"].hidden == Hidden.NO_RESPONSES


def test_the_page_and_its_csv_files_show_the_same_figures(client, counted):
    window, amh, _chs = counted
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/staff-survey/results/").get_data(as_text=True)
    assert "40 staff answered" in page
    assert "63%" in page and "of 40" in page and "Not shown" in page
    assert "I look forward to going to work" in page

    trust = client.get(f"/staff-survey/results/{window.id}/trust.csv")
    assert trust.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(trust.get_data(as_text=True))))
    nine = next(r for r in rows if r["Item"] == "9")
    assert (nine["Percent"], nine["Number answering"], nine["Measure"]) == (
        "63",
        "40",
        "% agree or strongly agree",
    )
    assert next(r for r in rows if r["Item"] == "1")["Measure"] == "% often or always"

    by = client.get(f"/staff-survey/results/{window.id}/directorate.csv").get_data(as_text=True)
    rows = {r["Directorate"]: r for r in csv.DictReader(io.StringIO(by))}
    assert rows[amh.name]["Item 1 % often or always"] == "58"
    assert rows[amh.name]["Item 4 % agree or strongly agree"] == "not shown"
    assert rows["Prefer not to say"]["Item 4 number answering"] == "0"
    assert rows["Not answered"]["Item 1 number answering"] == "not shown"
    assert client.get(f"/staff-survey/results/{window.id}/nothing.csv").status_code == 404


def test_a_window_still_open_or_just_closed_has_no_results_yet(client):
    today = trust_today()
    just_closed = StaffSurveyWindow(
        name="Just closed",
        opens_on=today - timedelta(days=20),
        closes_on=today - timedelta(days=1),
    )
    db.session.add(just_closed)
    db.session.commit()
    add_responses(just_closed, 30, {"item_1": 5})
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/staff-survey/results/").get_data(as_text=True)
    assert "No results yet" in page and "Just closed's appear on" in page
    assert client.get(f"/staff-survey/results/?window={just_closed.id}").status_code == 404
    assert client.get(f"/staff-survey/results/{just_closed.id}/trust.csv").status_code == 404


def test_the_latest_window_with_results_is_shown_first_and_others_can_be_chosen(client, counted):
    window, _amh, _chs = counted
    later = past_window(opens_on=window.opens_on.replace(month=7), name="Later")
    add_responses(later, 11, {"item_8": 5})
    sign_in(client, make_user(Role.SERVICE_MANAGER))
    assert "Later, open" in client.get("/staff-survey/results/").get_data(as_text=True)
    chosen = client.get(f"/staff-survey/results/?window={window.id}").get_data(as_text=True)
    assert f"{window.name}, open" in chosen and "40 staff answered" in chosen


def test_the_peoples_council_does_not_see_staff_results(client, counted):
    sign_in(client, make_user(Role.PEOPLES_COUNCIL))
    assert client.get("/staff-survey/results/").status_code == 403


COMMENT = "Sarah Jones on the night shift is brilliant. Call me on 07700 900123 about rotas."


def _with_comment(counted):  # type: ignore[no-untyped-def]
    from feedback.themes.tagging import collect_and_tag

    window, _amh, _chs = counted
    add_comments(window, [COMMENT, "Not enough staff at weekends, we are exhausted."])
    collect_and_tag()
    db.session.commit()
    return window


def test_the_px_team_reads_comments_whole_with_their_themes(client, counted):
    _with_comment(counted)
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/staff-survey/results/").get_data(as_text=True)
    assert "Sarah Jones" in page and "07700 900123" in page
    assert "Comments (2)" in page and "Themes:" in page


@pytest.mark.parametrize("role", [Role.ADMIN, Role.SERVICE_MANAGER])
def test_anyone_else_reads_them_with_personal_details_taken_out(client, counted, role):
    _with_comment(counted)
    sign_in(client, make_user(role))
    page = client.get("/staff-survey/results/").get_data(as_text=True)
    assert "Sarah Jones" not in page and "07700 900123" not in page
    assert "[name]" in page and "[phone]" in page


def test_staff_comments_reach_themes_only_once_the_window_is_final(app):
    from sqlalchemy import select

    from feedback.themes.models import Comment
    from feedback.themes.tagging import collect_comments

    today = trust_today()
    open_now = StaffSurveyWindow(
        name="Open", opens_on=today - timedelta(days=5), closes_on=today + timedelta(days=5)
    )
    db.session.add(open_now)
    db.session.commit()
    add_comments(open_now, ["Written today"])
    final = past_window()
    add_comments(final, ["Written in April"])
    assert collect_comments() == 1
    assert collect_comments() == 0  # collected once
    [comment] = db.session.scalars(select(Comment).where(Comment.source == "staff-pulse")).all()
    assert comment.text == "Written in April" and comment.received_on == final.opens_on
    assert comment.source_ref == final.name and comment.service_id is None


def test_admins_read_staff_comments_redacted_on_the_themes_pages_too(client, counted):
    from sqlalchemy import select

    from feedback.themes.models import Comment

    _with_comment(counted)
    comment = db.session.scalars(
        select(Comment).where(Comment.source == "staff-pulse", Comment.text == COMMENT)
    ).one()
    sign_in(client, make_user(Role.ADMIN))
    for url in ("/themes/?source=staff-pulse", f"/themes/comments/{comment.id}"):
        page = client.get(url).get_data(as_text=True)
        assert "Staff pulse survey" in page and "Sarah Jones" not in page, url
    px = client.application.test_client()
    sign_in(px, make_user(Role.PX_TEAM))
    assert "Sarah Jones" in px.get(f"/themes/comments/{comment.id}").get_data(as_text=True)


def test_an_admins_search_cannot_find_staff_comments_by_the_words_taken_out(client, counted):
    _with_comment(counted)
    sign_in(client, make_user(Role.ADMIN))
    found = client.get("/themes/?q=sarah+jones").get_data(as_text=True)
    assert "night shift" not in found and "[name]" not in found
    # Words search only what the person may read whole; the source filter still lists them.
    searched = client.get("/themes/?q=night+shift").get_data(as_text=True)
    assert "[name]" not in searched and "not searched by their words" in searched
    listed = client.get("/themes/?source=staff-pulse").get_data(as_text=True)
    assert "night shift" in listed and "[name]" in listed and "Sarah" not in listed
    px = client.application.test_client()
    sign_in(px, make_user(Role.PX_TEAM))
    assert "Sarah Jones" in px.get("/themes/?q=sarah+jones").get_data(as_text=True)


def test_staff_comments_are_not_counted_as_patient_themes(app, counted):
    from sqlalchemy import func, select

    from feedback.themes.models import ThemeSummary
    from feedback.themes.summary import summarise_themes

    _with_comment(counted)
    summarise_themes()
    sources = set(db.session.scalars(select(func.distinct(ThemeSummary.source))))
    assert "staff-pulse" not in sources
