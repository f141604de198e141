"""The PROM summary job's figures against hand counts, the target it feeds, and the figures
page and its CSV, with small numbers hidden from managers."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import select

from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.prom.figures import figure_tables
from feedback.prom.models import CompletionMode, DeclineReason, PromResponse
from feedback.prom.summary import PromSummary, prom_totals, summarise_prom
from feedback.targets.evaluate import evaluate_all_targets
from feedback.targets.models import Direction, Level, Measure, Rag, Target, TargetStatus
from tests.factories import make_directorate, make_location, make_service, make_user, sign_in
from tests.prom.helpers import make_offer

THIS_MONTH = trust_today().replace(day=1)
LAST_MONTH = (THIS_MONTH - timedelta(days=1)).replace(day=1)


def _respond(offer, mode=CompletionMode.ALONE, at_home=False, **answers):  # type: ignore[no-untyped-def]
    db.session.add(
        PromResponse(
            idempotency_key=f"k{offer.id}",
            offer_id=offer.id,
            questionnaire=offer.version.value,
            questionnaire_version=1,
            language="en",
            easy_read=False,
            mode=mode,
            at_home=at_home,
            peer_code="PI-01" if mode == CompletionMode.PEER else None,
            **answers,
        )
    )
    db.session.commit()


def _world():  # type: ignore[no-untyped-def]
    """Two wards in one service, one ward in a service of another directorate."""
    first = make_service("Rehabilitation")
    ward_a = make_location(name="Ward A", service=first)
    ward_b = make_location(name="Ward B", service=first)
    ward_c = make_location(name="Ward C", service=make_service("CAMHS", make_directorate("FYPC")))
    staff = make_user()
    a = [make_offer(ward_a, staff, offered_on=LAST_MONTH) for _ in range(4)]
    for reason in (DeclineReason.NOT_WANTED, DeclineReason.TOO_UNWELL):
        make_offer(ward_a, staff, accepted=False, reason=reason, offered_on=LAST_MONTH)
    _respond(
        a[0],
        CompletionMode.ALONE,
        True,
        has_copy="yes",
        helped_write="partly",
        planned_talk="yes",
        people_involved="not_wanted",
    )
    _respond(
        a[1],
        CompletionMode.PEER,
        has_copy="no",
        helped_write="yes",
        planned_talk="no",
        people_involved="yes",
    )
    _respond(
        a[2],
        CompletionMode.STAFF,
        has_copy="not_sure",
        helped_write="yes",
        planned_talk="yes",
        people_involved="partly",
    )
    later = make_offer(ward_a, staff, offered_on=THIS_MONTH)
    _respond(later, CompletionMode.CARER, has_copy="yes", helped_write="no", planned_talk="yes")
    for _ in range(2):
        make_offer(ward_b, staff, accepted=False, reason=DeclineReason.OTHER, offered_on=LAST_MONTH)
    c = make_offer(ward_c, staff, offered_on=LAST_MONTH)
    _respond(c, has_copy="yes", helped_write="yes", planned_talk="not_sure")
    return ward_a, ward_b, ward_c


def _row(level: str, unit_id: int, month) -> PromSummary:  # type: ignore[no-untyped-def]
    return db.session.scalars(
        select(PromSummary).where(
            PromSummary.level == level, PromSummary.unit_id == unit_id, PromSummary.month == month
        )
    ).one()


def test_the_summary_job_matches_hand_counts_at_every_level(app):
    ward_a, _, ward_c = _world()
    written = summarise_prom()
    db.session.commit()
    a = _row("location", ward_a.id, LAST_MONTH)
    assert (a.offered, a.accepted, a.completed, a.completed_at_home) == (6, 4, 3, 1)
    assert (a.completed_alone, a.completed_peer_interviewer, a.completed_staff_help) == (1, 1, 1)
    assert (a.completed_carer, a.declined_not_wanted, a.declined_too_unwell) == (0, 1, 1)
    assert (a.has_copy_yes, a.has_copy_answered) == (1, 3)
    assert (a.helped_write_yes, a.helped_write_partly, a.helped_write_answered) == (2, 1, 3)
    assert (a.planned_talk_yes, a.planned_talk_answered) == (2, 3)
    # "I did not want anyone else involved" is not in the denominator.
    assert (a.people_involved_yes, a.people_involved_partly, a.people_involved_answered) == (
        1,
        1,
        2,
    )
    this_month = _row("location", ward_a.id, THIS_MONTH)
    assert (this_month.offered, this_month.completed, this_month.completed_carer) == (1, 1, 1)
    service = _row("service", ward_a.service_id, LAST_MONTH)
    assert (service.offered, service.accepted, service.completed, service.declined_other) == (
        8,
        4,
        3,
        2,
    )
    directorate = _row("directorate", ward_c.service.directorate_id, LAST_MONTH)
    assert (directorate.offered, directorate.completed, directorate.has_copy_yes) == (1, 1, 1)
    trust = _row("trust", ward_a.service.directorate.trust_id, LAST_MONTH)
    assert (trust.offered, trust.accepted, trust.completed, trust.has_copy_yes) == (9, 5, 4, 2)
    # Idempotent: the job replaces its table, so a second run writes the same rows.
    assert summarise_prom() == written
    assert _row("trust", trust.unit_id, LAST_MONTH).offered == 9


def test_a_target_on_has_a_copy_is_judged_by_the_targets_job(app):
    ward_a, _, _ = _world()
    target = Target(
        code="copy-trust",
        name="Copy",
        source="test",
        measure=Measure.PROM_HAS_COPY,
        level=Level.TRUST,
        period="month",
        direction=Direction.AT_LEAST,
        goal_percent=60,
        amber_points=15,
        minimum_count=3,
        owner="Head of nursing",
    )
    db.session.add(target)
    summarise_prom()
    evaluate_all_targets()
    db.session.commit()
    status = db.session.scalars(
        select(TargetStatus).where(
            TargetStatus.target_id == target.id, TargetStatus.period_start == LAST_MONTH
        )
    ).one()
    assert (status.numerator, status.denominator, status.rag) == (2, 4, Rag.AMBER)  # 50%
    this_month = db.session.scalars(
        select(TargetStatus).where(
            TargetStatus.target_id == target.id, TargetStatus.period_start == THIS_MONTH
        )
    ).one()
    assert this_month.rag == Rag.TOO_LITTLE_DATA  # 1 answer, fewer than 3
    # The seeded Quality Account target (each service, by quarter) is judged too.
    seeded = db.session.scalar(select(Target).where(Target.code == "care-plan-copy"))
    assert seeded.measure == Measure.PROM_HAS_COPY
    statuses = db.session.scalars(
        select(TargetStatus).where(
            TargetStatus.target_id == seeded.id, TargetStatus.unit_id == ward_a.service_id
        )
    ).all()
    assert statuses and all(s.rag == Rag.TOO_LITTLE_DATA for s in statuses)


def _figures(**parts: int) -> dict[str, int]:
    base = {
        "offered": 20,
        "accepted": 15,
        "completed": 12,
        "has_copy_yes": 6,
        "has_copy_answered": 12,
        "helped_write_yes": 6,
        "helped_write_answered": 12,
        "planned_talk_yes": 6,
        "planned_talk_answered": 12,
    }
    return {**base, **parts}


def test_small_numbers_are_hidden_from_managers_and_cannot_be_subtracted_out():
    units = [
        ("Ward A", _figures(completed=3, has_copy_yes=2, has_copy_answered=3)),
        ("Ward B", _figures()),
        ("Ward C", _figures(accepted=17)),
    ]
    hidden = figure_tables(units, {}, suppress=True)
    ward_a, ward_b, ward_c = hidden.units
    assert ward_a.counts["completed"].hidden and ward_a.percents["completion_rate"].hidden
    assert ward_a.percents["has_copy"].hidden
    assert not ward_b.counts["completed"].hidden and ward_b.percents["completion_rate"].value == 60
    # The total completed would give away Ward A's 3: hidden too.
    assert hidden.total.counts["completed"].hidden
    assert hidden.total.counts["offered"].value == 60
    # Ward C declined 3: accepted (offered minus declined) is hidden with it.
    assert ward_c.counts["declined"].hidden and ward_c.counts["accepted"].hidden
    assert hidden.total.counts["accepted"].hidden
    shown = figure_tables(units, {}, suppress=False)
    assert shown.units[0].counts["completed"].value == 3
    assert shown.total.counts["completed"].value == 27


def test_a_service_total_does_not_give_away_its_hidden_ward():
    services = [("Rehabilitation", _figures(completed=15)), ("CAMHS", _figures())]
    wards = [[_figures(completed=3), _figures()], [_figures()]]
    tables = figure_tables(services, {}, suppress=True, children=wards)
    assert tables.units[0].counts["completed"].hidden
    assert not tables.units[1].counts["completed"].hidden


def _csv(client, query: str = "") -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    response = client.get(f"/prom/figures/export.csv{query}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_the_figures_page_and_csv_for_the_team_and_for_a_manager(client):
    ward_a, _, _ = _world()
    ward_a.name = '=HYPERLINK("http://x")'
    summarise_prom()
    db.session.commit()
    sign_in(client, make_user(Role.PX_TEAM))
    page = client.get("/prom/figures/").get_data(as_text=True)
    assert "Ward C" in page and "Month by month" in page
    rows = {row["Ward or team"]: row for row in _csv(client)}
    ward = rows['\'=HYPERLINK("http://x")']  # never a live formula
    assert (ward["Offered"], ward["Completed"], ward["Have a copy of their care plan (%)"]) == (
        "7",
        "4",
        "50",
    )
    assert rows["Total"]["Offered"] == "10"
    by_service = {row["Service"]: row for row in _csv(client, "?by=service")}
    assert by_service["Rehabilitation"]["Declined"] == "4"
    client.post("/auth/sign-out")
    sign_in(client, make_user(Role.SERVICE_MANAGER, services=[ward_a.service]))
    managed = {row["Ward or team"]: row for row in _csv(client)}
    assert "Ward C" not in managed and "Ward C" not in client.get("/prom/figures/").get_data(
        as_text=True
    )
    ward = managed['\'=HYPERLINK("http://x")']
    assert ward["Offered"] == "7"
    assert (
        ward["Completed"] == "Fewer than 5"
        and ward["Completion rate (completed of offered) (%)"] == "Fewer than 5"
    )
    assert "Fewer than 5" in client.get("/prom/figures/").get_data(as_text=True)


def test_the_month_range_is_chosen_on_the_page(client):
    _world()
    summarise_prom()
    db.session.commit()
    sign_in(client, make_user(Role.PX_TEAM))
    month = f"{THIS_MONTH:%Y-%m}"
    rows = {r["Ward or team"]: r for r in _csv(client, f"?from={month}&to={month}")}
    assert rows["Total"]["Offered"] == "1"
    assert prom_totals("location", None, THIS_MONTH, THIS_MONTH)
    nonsense = client.get("/prom/figures/?from=2026-13&to=banana")
    assert nonsense.status_code == 200


def test_the_figures_page_and_export_work_before_any_offer_is_recorded(app):
    from feedback.auth.models import Role
    from tests.factories import make_user, sign_in

    for role in (Role.PX_TEAM, Role.SERVICE_MANAGER):
        client = app.test_client()
        sign_in(client, make_user(role))
        assert client.get("/prom/figures/").status_code == 200, role
        assert client.get("/prom/figures/export.csv").status_code == 200, role
