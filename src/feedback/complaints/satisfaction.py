"""The complaints satisfaction survey: an invite when a complaint closes, one answer per invite.

The answers are kept apart from the case: the team sees how people felt about the handling by
service and period, not who said what.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import date, datetime

from flask import Flask
from flask_babel import force_locale
from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column

from feedback.complaints.models import CaseKind, Complaint, ContactPreference
from feedback.db import Base, trust_today, utc_now
from feedback.extensions import db
from feedback.notifications.gateway import email_gateway
from feedback.surveys.services import AnswerError
from feedback.surveys.submission import Submission, SubmitHandler, register_submit_handler

QUESTIONNAIRE_ID = "complaint-satisfaction"


class SatisfactionInvite(Base):
    __tablename__ = "satisfaction_invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Only a hash: the token itself is in the link the complainant was sent.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utc_now)
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class SatisfactionResponse(Base):
    __tablename__ = "satisfaction_response"

    id: Mapped[int] = mapped_column(primary_key=True)
    idempotency_key: Mapped[str] = mapped_column(String(64), unique=True)
    invite_id: Mapped[int] = mapped_column(ForeignKey("satisfaction_invite.id"), unique=True)
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"), index=True)
    submitted_on: Mapped[date] = mapped_column(Date, index=True)
    overall: Mapped[int | None] = mapped_column(Integer)  # 1 very satisfied ... 5 very dissatisfied
    kept_informed: Mapped[str | None] = mapped_column(String(10))
    response_clear: Mapped[str | None] = mapped_column(String(10))
    listened: Mapped[str | None] = mapped_column(String(10))
    comment: Mapped[str | None] = mapped_column(Text)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def may_invite(case: Complaint) -> bool:
    """A closed complaint whose complainant agreed to be contacted."""
    return case.kind == CaseKind.COMPLAINT and case.contact_preference != ContactPreference.NONE


def create_invite(case: Complaint) -> str:
    """A new single-use invite for the case; returns the token for the link."""
    token = secrets.token_urlsafe(24)
    db.session.add(SatisfactionInvite(token_hash=_hash(token), complaint_id=case.id))
    return token


def invite_after_closing(case: Complaint, link_for: callable) -> str | None:  # type: ignore[valid-type]
    """Invite the complainant (by email where they gave one); returns the link, or None."""
    if not may_invite(case):
        return None
    link = link_for(create_invite(case))
    if case.email and case.contact_preference == ContactPreference.EMAIL:
        with force_locale(case.language):
            email_gateway().send_satisfaction_invite(to=case.email, link=link)
    return link


def _open_invite(token: str) -> SatisfactionInvite | None:
    invite = db.session.scalar(
        select(SatisfactionInvite).where(SatisfactionInvite.token_hash == _hash(token or ""))
    )
    return invite if invite is not None and invite.used_at is None else None


def invite_is_open(token: str, questionnaire_id: str) -> bool:
    # One satisfaction questionnaire: the token alone says whether it may be used.
    return _open_invite(token) is not None


def _choice(answers: dict, key: str) -> str | None:  # type: ignore[type-arg]
    value = answers.get(key)
    return value if isinstance(value, str) and value else None


def record_satisfaction(submission: Submission) -> str | None:
    invite = _open_invite(submission.invite or "")
    if invite is None:
        raise AnswerError("This invitation has already been used")
    case = db.session.get(Complaint, invite.complaint_id)
    invite.used_at = utc_now()
    overall = _choice(submission.answers, "overall")
    db.session.add(
        SatisfactionResponse(
            idempotency_key=submission.key,
            invite_id=invite.id,
            service_id=case.service_id if case else None,
            submitted_on=trust_today(),
            overall=int(overall) if overall else None,
            kept_informed=_choice(submission.answers, "kept_informed"),
            response_clear=_choice(submission.answers, "response_clear"),
            listened=_choice(submission.answers, "listened"),
            comment=_choice(submission.answers, "comment"),
        )
    )
    return None


def _find(key: str) -> str | None:
    found = db.session.scalar(
        select(SatisfactionResponse.id).where(SatisfactionResponse.idempotency_key == key)
    )
    return "" if found is not None else None


def satisfaction_counts(start: date, end: date) -> tuple[int, int]:
    """(responses, satisfied or very satisfied) in a period, in SQL."""
    total, satisfied = db.session.execute(
        select(
            func.count(SatisfactionResponse.id),
            func.coalesce(func.sum((SatisfactionResponse.overall <= 2).cast(Integer)), 0),
        ).where(SatisfactionResponse.submitted_on.between(start, end))
    ).one()
    return int(total), int(satisfied)


def register(app: Flask) -> None:
    register_submit_handler(
        app,
        "complaint_satisfaction",
        SubmitHandler(record=record_satisfaction, find=_find, check_invite=invite_is_open),
    )
