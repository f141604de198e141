"""Who gets a text and when: numbers, the daytime window, the 30-day rule, flags, opt-outs, and
numbers deleted once they are no longer needed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from feedback.extensions import db
from feedback.sms.invites import InviteRow, check_rows, in_sending_window, tidy
from feedback.sms.models import InviteStatus, SkipReason, SmsConversation, SmsInvite, SmsOptOut
from feedback.sms.numbers import NumberError, number_hash, uk_mobile
from tests.factories import make_location
from tests.sms.helpers import DAYTIME, E164, MOBILE, invite, send, settings, texts_sent


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("07700 900123", "+447700900123"),
        ("+44 7700 900123", "+447700900123"),
        ("0044 7700-900-123", "+447700900123"),
        ("(07700) 900123", "+447700900123"),
    ],
)
def test_uk_mobiles_are_read_however_they_are_typed(app, typed, expected):
    assert uk_mobile(typed) == expected


@pytest.mark.parametrize("typed", ["0116 496 0123", "+33 6 12 34 56 78", "12345", "", "07700"])
def test_landlines_foreign_and_broken_numbers_are_refused(app, typed):
    with pytest.raises(NumberError):
        uk_mobile(typed)


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        (datetime(2026, 11, 30, 9, 59, tzinfo=UTC), False),  # GMT: London is UTC
        (datetime(2026, 11, 30, 10, 0, tzinfo=UTC), True),
        (datetime(2026, 11, 30, 18, 59, tzinfo=UTC), True),
        (datetime(2026, 11, 30, 19, 0, tzinfo=UTC), False),
        (datetime(2026, 7, 1, 9, 0, tzinfo=UTC), True),  # BST: 10:00 in London
        (datetime(2026, 7, 1, 18, 0, tzinfo=UTC), False),  # BST: 19:00 in London
    ],
)
def test_texts_go_only_in_the_daytime_window_in_london_time(app, moment, inside):
    assert in_sending_window(moment) is inside


def test_outside_the_window_invites_wait_for_the_morning(make_app):
    app = make_app(**settings())
    with app.app_context():
        invite(make_location())
        assert send(datetime(2026, 11, 30, 21, 0, tzinfo=UTC)) == 0
        assert texts_sent() == []
        assert send(datetime(2026, 12, 1, 10, 5, tzinfo=UTC)) == 1
        assert len(texts_sent()) == 1


def test_rows_with_problems_say_what_is_wrong_with_each(app):
    make_location(code="WARD1")
    rows = [
        InviteRow("Row 1", "WARD1", MOBILE, "2026-11-29"),
        InviteRow("Row 2", "NOPE", "0116 496 0123", "29/11/2026", "fr", "maybe"),
        InviteRow("Row 3", "ward1", MOBILE, "2026-11-29"),
        InviteRow("Row 4", "WARD1", MOBILE, "2026-12-25"),
    ]
    check_rows(rows, date(2026, 11, 30))
    assert rows[0].errors == []
    assert len(rows[1].errors) == 5
    assert rows[2].errors == ["Row 3: the same contact as Row 1"]
    assert rows[3].errors == ["Row 4: the date is in the future"]


def test_one_invite_a_month_never_to_flagged_or_opted_out_numbers(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location()
        invite(ward, contact_on="2026-11-01")
        send(DAYTIME - timedelta(days=20))  # sent 20 days ago
        invite(ward, contact_on="2026-11-28")
        invite(ward, mobile="07700 900456", do_not_contact="yes")
        db.session.add(SmsOptOut(phone_hash=number_hash("+447700900789"), how="staff"))
        db.session.commit()
        invite(ward, mobile="07700 900789")
        send()
        reasons = db.session.scalars(
            select(SmsInvite.skip_reason)
            .where(SmsInvite.status == InviteStatus.SKIPPED)
            .order_by(SmsInvite.id)
        ).all()
        assert reasons == [
            SkipReason.RECENT_INVITE,
            SkipReason.DO_NOT_CONTACT,
            SkipReason.OPTED_OUT,
        ]
        assert len(texts_sent()) == 1


def test_a_resent_file_adds_nothing_twice(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location()
        invite(ward)
        invite(ward)
        assert len(db.session.scalars(select(SmsInvite)).all()) == 1


def test_numbers_are_deleted_after_the_conversation_closes_but_opt_outs_still_match(make_app):
    app = make_app(**settings())
    with app.app_context():
        ward = make_location()
        invite(ward)
        send()
        db.session.add(SmsOptOut(phone_hash=number_hash(E164), how="reply"))
        db.session.commit()
        tidy(DAYTIME + timedelta(days=8))  # the conversation expires after 7 days
        db.session.commit()
        conversation = db.session.scalars(select(SmsConversation)).one()
        assert conversation.closed_at is not None
        assert db.session.scalars(select(SmsInvite.phone)).one() == E164  # kept 7 days more
        tidy(DAYTIME + timedelta(days=16))
        db.session.commit()
        assert db.session.scalars(select(SmsInvite.phone)).one() is None
        invite(ward, contact_on="2026-11-30")
        send(DAYTIME + timedelta(days=40))
        assert (
            db.session.scalars(select(SmsInvite.skip_reason).order_by(SmsInvite.id.desc())).first()
            == SkipReason.OPTED_OUT
        )
