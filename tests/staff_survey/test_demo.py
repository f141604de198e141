"""The demo opens on two years of staff pulse surveys with a disparity to find, small groups
hidden, comments through themes, and the next window for the public link to announce."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from feedback.demo import seed_demo
from feedback.extensions import db
from feedback.staff_survey.comments import window_comments
from feedback.staff_survey.demo import seed_staff_survey_demo
from feedback.staff_survey.models import StaffPulseResponse, StaffSurveyWindow
from feedback.staff_survey.results import window_results
from feedback.staff_survey.suppression import Hidden
from feedback.staff_survey.windows import has_results, list_windows

TODAY = date(2026, 12, 1)


def test_the_demo_has_windows_responses_a_disparity_and_small_groups(app):
    assert seed_staff_survey_demo(TODAY) == 0  # no demo trust yet
    seed_demo()
    made = seed_staff_survey_demo(TODAY)
    db.session.commit()
    windows = sorted(list_windows(), key=lambda w: w.opens_on)
    assert {w.opens_on.month for w in windows} == {1, 4, 7}
    past = [w for w in windows if has_results(w, TODAY)]
    assert len(past) >= 6 and windows[-1].opens_on > TODAY  # and the next one to announce
    counts = dict(
        db.session.execute(
            select(StaffPulseResponse.window_id, func.count()).group_by(
                StaffPulseResponse.window_id
            )
        ).all()
    )
    assert made == sum(counts.values()) and all(300 <= counts[w.id] <= 450 for w in past)

    # Over the windows, disabled staff and Black staff are clearly less positive on items 5-8
    # (any one window's figures move a few points either way).
    every = [window_results(w) for w in past]
    for item in ("item_5", "item_6", "item_7", "item_8"):
        for slug, group, compared in (("disability", "yes", "no"), ("ethnicity", "black", "white")):
            gaps = [
                r.breakdown(slug).figures[item][compared].percent
                - r.breakdown(slug).figures[item][group].percent
                for r in every
            ]
            assert sum(gaps) / len(gaps) > 8, (item, group, gaps)
    assert every[-1].breakdown("disability").figures["item_1"]["yes"].is_shown
    latest = every[-1]
    ethnicity = latest.breakdown("ethnicity").figures
    hidden_somewhere = any(
        figure.hidden in (Hidden.FEWER_THAN_10, Hidden.PROTECTS_ANOTHER)
        for results in every
        for breakdown in results.breakdowns
        for by_group in breakdown.figures.values()
        for figure in by_group.values()
    )
    assert hidden_somewhere
    for results in every:  # each window has a group under 10 to hide
        assert any(
            figure.hidden == Hidden.FEWER_THAN_10
            for breakdown in results.breakdowns
            for figure in breakdown.figures["item_1"].values()
        )
    assert ethnicity["item_1"]["white"].is_shown
    assert 3 <= len(window_comments(past[-1], in_full=True)) <= 10
    assert seed_staff_survey_demo(TODAY) == 0  # once
    assert db.session.scalar(select(func.count()).select_from(StaffSurveyWindow)) == len(windows)


def test_demo_comments_go_through_themes(app):
    from feedback.themes.demo import seed_themes_demo

    seed_demo()
    seed_staff_survey_demo(TODAY)
    db.session.commit()
    seed_themes_demo()
    window = sorted(list_windows(), key=lambda w: w.opens_on)[-2]
    comments = window_comments(window, in_full=True)
    assert comments and all(c.themes or c.sentiment for c in comments)
