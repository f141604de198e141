"""Compliments, logged per team and counted beside complaints."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.complaints.forms import ComplimentForm
from feedback.complaints.models import Compliment, ComplimentSource
from feedback.complaints.queries import list_compliments as query_compliments
from feedback.complaints.views import today
from feedback.extensions import db
from feedback.organisation.services import list_services

bp = restricted_to(
    Blueprint("compliments", __name__, url_prefix="/complaints/compliments"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


@bp.get("/")
def list_compliments() -> ResponseReturnValue:
    return render_template(
        "complaints/compliments.html", compliments=query_compliments(current_user)
    )


@bp.route("/new", methods=["GET", "POST"])
def log_compliment() -> ResponseReturnValue:
    form = ComplimentForm()
    mine = {s.id for s in current_user.services}
    form.service_id.choices = [
        SelectChoice(s.id, s.name)
        for s in list_services(include_retired=False)
        if current_user.sees_every_service or s.id in mine
    ]
    if not form.is_submitted():
        form.received_on.data = today()
    if form.validate_on_submit():
        if form.received_on.data > today():
            form.received_on.errors.append("The date received cannot be in the future")
        else:
            db.session.add(
                Compliment(
                    received_on=form.received_on.data,
                    service_id=form.service_id.data,
                    team=form.team.data or None,
                    source=ComplimentSource(form.source.data),
                    summary=form.summary.data,
                    logged_by_id=current_user.id,
                )
            )
            db.session.commit()
            flash("Compliment logged")
            return redirect(url_for(".list_compliments"))
    return render_template("complaints/compliment-form.html", form=form)
