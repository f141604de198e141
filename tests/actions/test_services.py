"""Recording actions: the rules, the 15-word sentences, the filters, the dashboard readers and
which actions a ward's poster shows."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from feedback.actions import services
from feedback.actions.models import Action, ActionStatus
from feedback.actions.services import ActionError, ActionFilter, check_action
from feedback.actions.wording import long_sentence, poster_wording
from feedback.auth.models import Role
from feedback.extensions import db
from tests.actions.helpers import action_input, make_action, theme_id
from tests.complaints.test_case_work import make_case
from tests.factories import make_location, make_service, make_user

TODAY = date(2026, 6, 15)
FIFTEEN = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen."
)
SIXTEEN = FIFTEEN.replace("fifteen.", "fifteen sixteen.")


def _errors(**fields) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return check_action(action_input(**{"action_on": TODAY, **fields}), TODAY)


def test_a_sentence_of_more_than_15_words_is_found() -> None:
    assert long_sentence(FIFTEEN) is None
    assert long_sentence(f"{FIFTEEN} Short one. {FIFTEEN}") is None
    assert long_sentence(f"Short one. {SIXTEEN}") == SIXTEEN
    # A line break ends a sentence too, and punctuation alone is no word.
    assert long_sentence("one two three - four\nfive") is None


def test_poster_wording_over_15_words_a_sentence_is_refused_with_a_clear_message(app) -> None:
    errors = _errors(poster_said=f"The food was cold. {SIXTEEN}", poster_did=FIFTEEN)
    assert set(errors) == {"poster_said"}
    assert errors["poster_said"] == (
        "Keep each sentence to 15 words or fewer: the sentence starting "
        "\u201cone two three four five six\u201d has 16 words"
    )


def test_done_needs_poster_wording_unless_the_full_text_is_easy_read(app) -> None:
    assert _errors(said="The food was cold.", did=FIFTEEN) == {}
    errors = _errors(said=SIXTEEN, did=f"{FIFTEEN} {SIXTEEN}")
    assert set(errors) == {"poster_said", "poster_did"}
    assert "in plain words for the poster" in errors["poster_said"]
    # With poster wording the long full text is fine.
    assert (
        _errors(said=SIXTEEN, did=SIXTEEN, poster_said="Cold food.", poster_did="Hot food.") == {}
    )
    # Not done yet: no poster wording needed.
    assert _errors(said=SIXTEEN, did=SIXTEEN, status=ActionStatus.PLANNED) == {}


def test_required_fields_dates_and_reasons(app) -> None:
    errors = _errors(said="", did="", by_whom="", status=None, action_on=None)
    assert errors == {
        "said": "Enter what people said",
        "did": "Enter what was done, or will be done",
        "by_whom": "Enter the team or person doing it",
        "status": "Choose the status",
    }
    assert _errors(action_on=None)["action_on"] == "Enter the date it was done"
    planned = _errors(action_on=None, status=ActionStatus.PLANNED)
    assert planned["action_on"] == "Enter the date it is due"
    assert _errors(action_on=TODAY + timedelta(days=1))["action_on"] == (
        "The date it was done must be today or in the past"
    )
    assert _errors(status=ActionStatus.PLANNED, action_on=TODAY + timedelta(days=90)) == {}
    stopped = _errors(status=ActionStatus.NOT_GOING_AHEAD)
    assert stopped == {"not_going_ahead_reason": "Enter why it is not going ahead"}
    assert (
        _errors(by_whom="x" * 201)["by_whom"] == "Keep who is doing it to 200 characters or fewer"
    )


def test_links_must_exist_and_a_ward_must_be_in_the_chosen_service(app) -> None:
    ward = make_location()
    other_service = make_service()
    errors = _errors(
        service_id=other_service.id,
        location_id=ward.id,
        complaint_reference="px-nope-0000",
        target_id=99999,
        theme_ids=(theme_id("Parking"), 99999),
    )
    assert errors == {
        "location_id": "Choose a ward or team of the chosen service, or no service",
        "complaint_reference": "There is no complaint with the reference PX-NOPE-0000: check "
        "it, or leave it empty",
        "target_id": "Choose a priority target from the list",
        "theme_ids": "Choose themes from the list",
    }
    assert _errors(service_id=99999, location_id=99999) == {
        "service_id": "Choose a service from the list",
        "location_id": "Choose a ward or team from the list",
    }


def test_an_action_is_created_with_its_links_and_a_ward_implies_its_service(app) -> None:
    ward = make_location()
    case = make_case(ward.service)
    px = make_user(Role.PX_TEAM)
    food = theme_id("Food & drink provision & facilities")
    action = services.create_action(
        action_input(
            location_id=ward.id,
            complaint_reference=f"  {case.reference.lower()} ",
            theme_ids=(food, food),
            action_on=TODAY,
        ),
        by=px,
        today=TODAY,
    )
    db.session.commit()
    assert action.service_id == ward.service_id and action.location_id == ward.id
    assert action.complaint_id == case.id
    assert [link.theme_id for link in action.themes] == [food]
    assert action.created_by_id == px.id == action.updated_by_id
    assert action.created_at == action.updated_at  # not shown as changed since
    assert poster_wording(action) == ("The food was cold.", "We bought heated trolleys.")


def test_a_refused_change_changes_nothing(app) -> None:
    action = make_action(said="The food was cold.", today=TODAY, action_on=TODAY)
    with pytest.raises(ActionError) as refused:
        services.update_action(
            action, action_input(said="", action_on=TODAY), by=make_user(), today=TODAY
        )
    assert refused.value.errors == {"said": "Enter what people said"}
    db.session.rollback()
    assert db.session.get(Action, action.id).said == "The food was cold."
    parking = theme_id("Parking")
    changed = action_input(
        status=ActionStatus.NOT_GOING_AHEAD,
        not_going_ahead_reason="The car park is not ours.",
        theme_ids=(parking,),
        action_on=TODAY,
    )
    editor = make_user(Role.PX_TEAM)
    services.update_action(action, changed, by=editor, today=TODAY)
    db.session.commit()
    assert action.status == ActionStatus.NOT_GOING_AHEAD and action.updated_by_id == editor.id
    assert [link.theme_id for link in action.themes] == [parking]
    assert services.input_from(action).not_going_ahead_reason == "The car park is not ours."


def test_list_actions_filters_and_shows_a_service_manager_their_own_and_trust_wide(app) -> None:
    mine, theirs = make_service("Mine"), make_service("Theirs")
    parking = theme_id("Parking")
    old = make_action(service=mine, action_on=TODAY - timedelta(days=30), today=TODAY)
    planned = make_action(
        service=theirs, status=ActionStatus.PLANNED, action_on=TODAY + timedelta(days=9)
    )
    trust = make_action(theme_ids=(parking,), action_on=TODAY, today=TODAY)
    px = make_user(Role.PX_TEAM)
    manager = make_user(Role.SERVICE_MANAGER, services=[mine])

    def ids(filters: ActionFilter, user=px) -> list[int]:  # type: ignore[no-untyped-def]
        return [a.id for a in services.list_actions(filters, user)]

    assert ids(ActionFilter()) == [planned.id, trust.id, old.id]  # newest date first
    assert ids(ActionFilter(), manager) == [trust.id, old.id]
    assert ids(ActionFilter(status=ActionStatus.PLANNED)) == [planned.id]
    assert ids(ActionFilter(service_id=mine.id)) == [old.id]
    assert ids(ActionFilter(service_id=theirs.id), manager) == []
    assert ids(ActionFilter(trust_wide_only=True)) == [trust.id]
    assert ids(ActionFilter(theme_id=parking)) == [trust.id]


def test_the_dashboard_readers_take_services_dates_and_limits(app) -> None:
    a, b, c = make_service(), make_service(), make_service()
    in_a = make_action(service=a, action_on=TODAY - timedelta(days=100), today=TODAY)
    in_b = make_action(
        service=b,
        status=ActionStatus.IN_PROGRESS,
        action_on=TODAY - timedelta(days=10),
        today=TODAY,
    )
    trust = make_action(status=ActionStatus.PLANNED, action_on=TODAY - timedelta(days=50))
    in_c = make_action(service=c, status=ActionStatus.PLANNED, action_on=TODAY)

    def ids(*args, **kwargs) -> list[int]:  # type: ignore[no-untyped-def]
        return [x.id for x in services.actions_for_units(*args, **kwargs)]

    assert ids(None) == [in_c.id, in_b.id, trust.id, in_a.id]
    assert ids({a.id, b.id}) == [in_b.id, trust.id, in_a.id]
    assert ids(set()) == [trust.id]
    assert ids({a.id, b.id}, since=TODAY - timedelta(days=50)) == [in_b.id, trust.id]
    assert ids(None, limit=2) == [in_c.id, in_b.id]

    counts = services.status_counts()
    assert counts == {
        ActionStatus.PLANNED: 2,
        ActionStatus.IN_PROGRESS: 1,
        ActionStatus.DONE: 1,
        ActionStatus.NOT_GOING_AHEAD: 0,
    }
    assert list(counts) == list(ActionStatus)
    assert services.status_counts({a.id})[ActionStatus.DONE] == 1
    assert services.status_counts({a.id})[ActionStatus.PLANNED] == 1  # the trust-wide one
    assert services.status_counts({c.id}, since=TODAY)[ActionStatus.PLANNED] == 1
    assert services.ACTION_STATUS_LABELS[ActionStatus.IN_PROGRESS] == "In progress"


def test_the_poster_shows_the_wards_its_services_and_trust_wide_actions_newest_first(app) -> None:
    ward = make_location()
    neighbour = make_location(service=ward.service)
    elsewhere = make_location()

    def done(days_ago: int, **fields):  # type: ignore[no-untyped-def]
        return make_action(action_on=TODAY - timedelta(days=days_ago), today=TODAY, **fields)

    on_ward = done(10, location=ward, poster_said="Cold food.", poster_did="Hot trolleys.")
    on_service = done(20, service=ward.service)
    trust_wide = done(30)
    doing = make_action(
        location=ward,
        status=ActionStatus.IN_PROGRESS,
        action_on=TODAY + timedelta(days=20),
        today=TODAY,
    )
    done(5, location=neighbour)  # another ward of the same service
    done(5, location=elsewhere)
    done(400, location=ward)  # more than 12 months ago
    make_action(location=ward, status=ActionStatus.PLANNED, action_on=TODAY, today=TODAY)
    make_action(
        location=ward,
        status=ActionStatus.IN_PROGRESS,
        action_on=TODAY,
        said=SIXTEEN,  # no easy-read wording: left off
        today=TODAY,
    )
    items = services.actions_for_poster(ward, TODAY)
    assert [i.action.id for i in items] == [doing.id, on_ward.id, on_service.id, trust_wide.id]
    assert (items[1].said, items[1].did) == ("Cold food.", "Hot trolleys.")
    assert [i.is_done for i in items] == [False, True, True, True]


def test_the_poster_shows_at_most_six(app) -> None:
    ward = make_location()
    made = [
        make_action(location=ward, action_on=TODAY - timedelta(days=n), today=TODAY)
        for n in range(8)
    ]
    items = services.actions_for_poster(ward, TODAY)
    assert [i.action.id for i in items] == [a.id for a in made[:6]]
    assert services.a_year_before(date(2028, 2, 29)) == date(2027, 2, 28)
