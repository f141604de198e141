"""Case work for the patient experience team and service managers (thin: services decide)."""

from __future__ import annotations

import re
from datetime import date

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.audit.models import AuditSubject
from feedback.audit.services import Watched, events_for, watch
from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.complaints import queries, satisfaction, services
from feedback.complaints.clock import working_days_left
from feedback.complaints.forms import (
    AssignForm,
    CloseForm,
    EscalateForm,
    ExtensionForm,
    LogCaseForm,
    MoveForm,
    NoteForm,
)
from feedback.complaints.models import (
    OUTCOME_LABELS,
    RECEIVED_BY_LABELS,
    STATUS_LABELS,
    CaseKind,
    CaseStatus,
    CategoryList,
    Complaint,
    ContactPreference,
    Outcome,
    ReceivedBy,
)
from feedback.db import trust_today
from feedback.extensions import db
from feedback.notifications.gateway import deliver_if_sending
from feedback.organisation.services import get_service_by_code, list_services
from feedback.surveys.fields import normalise_uk_phone

bp = restricted_to(
    Blueprint("complaints", __name__, url_prefix="/complaints"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


def today() -> date:
    return trust_today()


@bp.app_template_filter("case_status")
def _case_status(status: CaseStatus) -> str:
    return STATUS_LABELS[status]


@bp.get("/")
def worklists() -> ResponseReturnValue:
    which = request.args.get("list", "acknowledge")
    if which not in queries.WORKLISTS:
        abort(404)
    investigator_id = request.args.get("investigator", type=int)
    directorate_id = request.args.get("directorate", type=int)
    now = today()
    return render_template(
        "complaints/worklists.html",
        which=which,
        worklists=queries.WORKLISTS,
        counts=queries.count_worklists(current_user, now),
        cases=queries.list_worklist(
            current_user,
            which,
            now,
            investigator_id=investigator_id,
            directorate_id=directorate_id,
        ),
        by_investigator=queries.open_cases_by_investigator(current_user, now),
        by_directorate=queries.open_cases_by_directorate(current_user, now),
        today=now,
        days_left=working_days_left,
    )


def _service_choices() -> list[SelectChoice]:
    services_open = list_services(include_retired=False)
    return [SelectChoice("", "Not known yet")] + [
        SelectChoice(s.code, s.name) for s in services_open if _may_use_service(s.id)
    ]


def _may_use_service(service_id: int) -> bool:
    return current_user.sees_every_service or service_id in {s.id for s in current_user.services}


def _new_case(form: LogCaseForm) -> services.NewCase:
    service = get_service_by_code(form.service_code.data) if form.service_code.data else None
    if form.service_code.data and (service is None or not _may_use_service(service.id)):
        raise services.CaseError("That service is not known: choose one from the list")
    if not current_user.sees_every_service and service is None:
        raise services.CaseError("Choose one of your services")
    phone = None
    if form.phone.data:
        phone = normalise_uk_phone(form.phone.data)
        if phone is None:
            raise services.CaseError("Enter a UK phone number, including the area code")
    by_patient = form.raised_by_patient.data == "yes"
    return services.NewCase(
        kind=CaseKind(form.kind.data),
        received_on=form.received_on.data,
        received_by=ReceivedBy(form.received_by.data),
        service=service,
        raised_by_patient=by_patient,
        patient_consent=None if by_patient else form.patient_consent.data == "yes",
        patient_name=None if by_patient else form.patient_name.data,
        complainant_name=form.complainant_name.data,
        contact_preference=ContactPreference(form.contact_preference.data),
        email=form.email.data or None,
        phone=phone,
        address=form.address.data or None,
        what_happened=form.what_happened.data,
        happened_on=form.happened_on.data,
        outcome_wanted=form.outcome_wanted.data,
    )


@bp.route("/new", methods=["GET", "POST"])
def log_case() -> ResponseReturnValue:
    """A concern or complaint received by phone, letter, email or in person."""
    form = LogCaseForm()
    form.service_code.choices = _service_choices()
    form.received_by.choices = [
        SelectChoice(k.value, v) for k, v in RECEIVED_BY_LABELS.items() if k != ReceivedBy.ONLINE
    ]
    if request.method == "GET":
        form.received_on.data = today()
    if form.validate_on_submit():
        try:
            case = services.open_case(
                _new_case(form),
                by=current_user,
                today=today(),
                target_working_days=current_app.config["COMPLAINT_RESPONSE_WORKING_DAYS"],
            )
            db.session.commit()
        except services.CaseError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash(f"Logged {case.reference}")
            return redirect(url_for(".show_case", reference=case.reference))
    return render_template("complaints/log-case.html", form=form)


def _case_or_404(reference: str) -> Complaint:
    case = queries.get_case_for(current_user, reference)
    if case is None:
        abort(404)
    return case


def _case_page(case: Complaint, **forms: object) -> str:
    move = forms.pop("move", None) or MoveForm(formdata=None, on=today())
    move.status.choices = [
        SelectChoice(s.value, STATUS_LABELS[s])
        for s in services.next_statuses(case)
        if s != CaseStatus.CLOSED
    ]
    assign = forms.pop("assign", None) or AssignForm(
        formdata=None, investigator_id=case.investigator_id or 0
    )
    assign.investigator_id.choices = [SelectChoice(0, "Nobody yet")] + [
        SelectChoice(u.id, u.name) for u in queries.list_investigators()
    ]
    return render_template(
        "complaints/case.html",
        case=case,
        today=today(),
        days_left=working_days_left(today(), case.response_due),
        move=move,
        note=forms.pop("note", None) or NoteForm(formdata=None),
        extension=forms.pop("extension", None) or ExtensionForm(formdata=None, agreed_on=today()),
        escalate=forms.pop("escalate", None) or EscalateForm(formdata=None),
        assign=assign,
        may_close=CaseStatus.CLOSED in services.next_statuses(case),
        trail=events_for(AuditSubject.COMPLAINT, case.reference)
        if current_user.role == Role.ADMIN
        else None,
        received_by_labels=RECEIVED_BY_LABELS,
        outcome_labels=OUTCOME_LABELS,
        category_lists=CategoryList,
    )


@bp.get("/case/<reference>")
def show_case(reference: str) -> ResponseReturnValue:
    return _case_page(_case_or_404(reference))


def _apply(case: Complaint, change, form_name: str, form) -> ResponseReturnValue:  # type: ignore[no-untyped-def]
    """Run a change on a valid form, commit, and go back to the case; else show the errors."""
    if form.validate_on_submit():
        try:
            change()
            db.session.commit()
        except services.CaseError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            return redirect(url_for(".show_case", reference=case.reference))
    case = _case_or_404(case.reference)
    return _case_page(case, **{form_name: form}), 400


@bp.post("/case/<reference>/move")
def move_case(reference: str) -> ResponseReturnValue:
    case = _case_or_404(reference)
    form = MoveForm()
    form.status.choices = [SelectChoice(s.value, s.value) for s in services.next_statuses(case)]

    def change() -> None:
        services.move_case(
            case,
            CaseStatus(form.status.data),
            by=current_user,
            on=form.on.data,
            today=today(),
            note=form.note.data,
        )

    return _apply(case, change, "move", form)


@bp.post("/case/<reference>/note")
def add_note(reference: str) -> ResponseReturnValue:
    case = _case_or_404(reference)
    form = NoteForm()
    return _apply(
        case,
        lambda: services.add_note(case, form.text.data, by=current_user, today=today()),
        "note",
        form,
    )


@bp.post("/case/<reference>/extension")
def agree_extension(reference: str) -> ResponseReturnValue:
    case = _case_or_404(reference)
    form = ExtensionForm()

    def change() -> None:
        services.agree_extension(
            case,
            form.new_due.data,
            agreed_with=form.agreed_with.data,
            agreed_on=form.agreed_on.data,
            reason=form.reason.data,
            by=current_user,
            today=today(),
        )

    return _apply(case, change, "extension", form)


@bp.post("/case/<reference>/assign")
def assign(reference: str) -> ResponseReturnValue:
    case = _case_or_404(reference)
    form = AssignForm()
    investigators = {u.id: u for u in queries.list_investigators()}
    form.investigator_id.choices = [SelectChoice(0, "Nobody")] + [
        SelectChoice(i, u.name) for i, u in investigators.items()
    ]
    return _apply(
        case,
        lambda: services.assign_investigator(
            case, investigators.get(form.investigator_id.data), by=current_user, today=today()
        ),
        "assign",
        form,
    )


@bp.post("/case/<reference>/escalate")
def escalate(reference: str) -> ResponseReturnValue:
    case = _case_or_404(reference)
    form = EscalateForm()
    return _apply(
        case,
        lambda: services.escalate_to_complaint(
            case, by=current_user, today=today(), reason=form.reason.data
        ),
        "escalate",
        form,
    )


def _close_form(case: Complaint) -> CloseForm:
    form = CloseForm() if request.method == "POST" else CloseForm(formdata=None, on=today())
    lists = {which: services.list_categories(which) for which in CategoryList}
    form.subjects.choices = [SelectChoice(c.id, c.name) for c in lists[CategoryList.SUBJECT]]
    form.clinical_subjects.choices = [
        SelectChoice(c.id, c.name) for c in lists[CategoryList.CLINICAL_SUBJECT]
    ]
    form.service_areas.choices = [
        SelectChoice(c.id, c.name) for c in lists[CategoryList.SERVICE_AREA]
    ]
    form.professions.choices = [SelectChoice(c.id, c.name) for c in lists[CategoryList.PROFESSION]]
    form.age_band.choices = [SelectChoice(0, "Choose")] + [
        SelectChoice(c.id, c.name) for c in lists[CategoryList.AGE_BAND]
    ]
    form.complainant_status.choices = [SelectChoice(0, "Choose")] + [
        SelectChoice(c.id, c.name) for c in lists[CategoryList.COMPLAINANT_STATUS]
    ]
    return form


def _outcome(form: CloseForm) -> services.CaseOutcome:
    by_id = {c.id: c for which in CategoryList for c in services.list_categories(which)}
    actions = []
    for n in (1, 2):
        description = getattr(form, f"action_{n}").data
        if description:
            due = getattr(form, f"due_{n}").data
            if due is None:
                raise services.CaseError("Each action needs a due date")
            actions.append((description, getattr(form, f"owner_{n}").data or "", due))
    return services.CaseOutcome(
        outcome=Outcome(form.outcome.data) if form.outcome.data else None,
        is_clinical={"yes": True, "no": False}.get(form.is_clinical.data or ""),
        subjects=[by_id[i] for i in form.subjects.data or []],
        clinical_subjects=[by_id[i] for i in form.clinical_subjects.data or []],
        service_areas=[by_id[i] for i in form.service_areas.data or []],
        professions=[by_id[i] for i in form.professions.data or []],
        age_band=by_id.get(form.age_band.data or 0),
        complainant_status=by_id.get(form.complainant_status.data or 0),
        lessons_learned=form.lessons_learned.data or "",
        actions=actions,
    )


def _survey_link(token: str) -> str:
    return url_for(
        "forms.start", questionnaire_id=satisfaction.QUESTIONNAIRE_ID, invite=token, _external=True
    )


@bp.route("/case/<reference>/close", methods=["GET", "POST"])
def close_case(reference: str) -> ResponseReturnValue:
    case = _case_or_404(reference)
    form = _close_form(case)
    if form.validate_on_submit():
        try:
            outcome = _outcome(form) if case.kind == CaseKind.COMPLAINT else None
            services.close_case(
                case,
                outcome,
                by=current_user,
                on=form.on.data,
                today=today(),
                note=form.note.data or "",
            )
            link = satisfaction.invite_after_closing(case, _survey_link)
            if link is not None:
                how = "by email" if case.email else "with the response (no email address)"
                services.add_note(
                    case,
                    f"Invited to the satisfaction survey {how}",
                    by=current_user,
                    today=today(),
                )
            db.session.commit()
        except services.CaseError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            deliver_if_sending()
            flash(f"Closed {case.reference}")
            if link is not None and not case.email:
                flash(f"Satisfaction survey link to send with the response: {link}")
            return redirect(url_for(".show_case", reference=case.reference))
    status = 400 if request.method == "POST" else 200
    return render_template("complaints/close.html", case=case, form=form), status


watch(
    bp,
    {
        "show_case": Watched(AuditSubject.COMPLAINT, "reference", "Case page"),
        "log_case": Watched(
            AuditSubject.COMPLAINT,
            None,
            "Logged the case",
            created_at=re.compile(r"/case/([^/?#]+)$"),
        ),
        "move_case": Watched(AuditSubject.COMPLAINT, "reference", "Moved the case on"),
        "add_note": Watched(AuditSubject.COMPLAINT, "reference", "Added a note"),
        "agree_extension": Watched(AuditSubject.COMPLAINT, "reference", "Agreed an extension"),
        "assign": Watched(AuditSubject.COMPLAINT, "reference", "Assigned the case"),
        "escalate": Watched(AuditSubject.COMPLAINT, "reference", "Escalated the case"),
        "close_case": Watched(AuditSubject.COMPLAINT, "reference", "Closed the case"),
    },
)
