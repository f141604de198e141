"""Complaint figures per month and level, as the targets and dashboards read them."""

from __future__ import annotations

from datetime import date

from feedback.complaints.models import CaseKind, Compliment, ComplimentSource
from feedback.complaints.summary import ComplaintSummary, summarise_complaints
from feedback.extensions import db
from feedback.organisation.services import move_service
from tests.complaints.test_case_work import make_case
from tests.factories import make_directorate, make_service


def _row(level: str, unit_id: int, month: date) -> ComplaintSummary | None:
    return db.session.get(ComplaintSummary, (level, unit_id, month))


def test_months_levels_and_timeliness(app) -> None:
    old, new = make_directorate("AMH/LD"), make_directorate("FYPC/LD")
    service = make_service(directorate=old)
    on_time = make_case(service, received_on=date(2026, 3, 2))
    on_time.responded_on, on_time.is_clinical = on_time.response_due, True
    on_time.acknowledged_on = on_time.acknowledgement_due
    late = make_case(service, received_on=date(2026, 3, 20))
    late.responded_on = date(2026, 6, 30)
    late.acknowledged_on = date(2026, 3, 31)
    make_case(service, received_on=date(2026, 3, 25), kind=CaseKind.PALS)
    make_case(None, received_on=date(2026, 3, 26))  # not yet placed with a service
    db.session.add(
        Compliment(
            received_on=date(2026, 6, 2),
            service_id=service.id,
            source=ComplimentSource.CARD,
            summary="Thanks",
        )
    )
    move_service(service, new, date(2026, 5, 1))
    db.session.commit()
    assert summarise_complaints() > 0
    db.session.commit()

    march = _row("service", service.id, date(2026, 3, 1))
    assert (march.complaints_received, march.pals_received, march.clinical_received) == (2, 1, 1)
    assert march.acknowledged_in_time == 1
    assert _row("trust", old.trust_id, date(2026, 3, 1)).complaints_received == 3
    responded_month = on_time.response_due.replace(day=1)
    assert _row("service", service.id, responded_month).responded_on_time >= 1
    june = _row("directorate", new.id, date(2026, 6, 1))
    assert (june.responded, june.responded_on_time, june.compliments) == (1, 0, 1)
    assert _row("directorate", old.id, date(2026, 3, 1)).complaints_received == 2
    assert _row("directorate", new.id, date(2026, 3, 1)) is None
    # Run again: the same table, not twice the counts.
    summarise_complaints()
    db.session.commit()
    assert _row("service", service.id, date(2026, 3, 1)).complaints_received == 2
