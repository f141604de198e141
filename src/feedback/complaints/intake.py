"""The online "make a complaint or raise a concern" form becomes a case (a submit handler)."""

from __future__ import annotations

import logging
from datetime import date

from flask import Flask, current_app
from flask_babel import gettext as _

from feedback.complaints.models import CaseKind, ContactPreference, ReceivedBy
from feedback.complaints.services import NewCase, get_case_by_key, open_case
from feedback.db import trust_today
from feedback.notifications.gateway import deliver_if_sending, email_gateway
from feedback.organisation.services import get_service_by_code
from feedback.surveys.schema import NOT_SURE
from feedback.surveys.submission import Submission, SubmitHandler, register_submit_handler

log = logging.getLogger(__name__)
QUESTIONNAIRE_ID = "complaint"


def _today() -> date:
    return trust_today()


def new_case_from_answers(submission: Submission) -> NewCase:
    """The form's answers as a new case, received today (day 0) online."""
    answers = submission.answers
    service_code = answers.get("service")
    service = (
        get_service_by_code(service_code) if service_code and service_code != NOT_SURE else None
    )
    if service is not None and service.is_retired:
        service = None  # retired while the form was open: the team will find the right one
    raised_by_patient = answers.get("raised_by") != "someone_else"
    happened = answers.get("happened_on")
    return NewCase(
        kind=CaseKind.PALS if answers.get("kind") == "concern" else CaseKind.COMPLAINT,
        received_on=_today(),
        received_by=ReceivedBy.ONLINE,
        service=service,
        raised_by_patient=raised_by_patient,
        patient_consent=None if raised_by_patient else answers.get("patient_consent") == "yes",
        patient_name=None if raised_by_patient else answers.get("patient_name"),
        complainant_name=answers.get("name", ""),
        contact_preference=ContactPreference(answers.get("contact", "none")),
        email=answers.get("email"),
        phone=answers.get("phone"),
        address=answers.get("address"),
        what_happened=answers.get("what_happened", ""),
        happened_on=date.fromisoformat(happened) if happened else None,
        outcome_wanted=answers.get("outcome_wanted"),
        language=submission.questionnaire.language,
        idempotency_key=submission.key,
    )


def record_online_case(submission: Submission) -> str:
    case = open_case(
        new_case_from_answers(submission),
        by=None,
        today=_today(),
        target_working_days=current_app.config["COMPLAINT_RESPONSE_WORKING_DAYS"],
    )
    if case.email:
        email_gateway().send_complaint_receipt(
            to=case.email,
            reference=case.reference,
            kind_words=_("concern") if case.kind == CaseKind.PALS else _("complaint"),
            received_on=case.received_on,
            acknowledgement_due=case.acknowledgement_due,
            response_due=case.response_due,
        )
    return case.reference


def _find_online_case(key: str) -> str | None:
    case = get_case_by_key(key)
    return case.reference if case is not None else None


def register(app: Flask) -> None:
    register_submit_handler(
        app,
        "complaint_case",
        SubmitHandler(
            record=record_online_case, find=_find_online_case, after_commit=deliver_if_sending
        ),
    )
