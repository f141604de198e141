"""Public choice of where to give feedback; staff links and posters; the administrators' pages."""

from __future__ import annotations

import segno
from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import public, restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.organisation import services
from feedback.organisation.forms import (
    KIND_LABELS,
    SETTING_LABELS,
    EditLocationForm,
    EditServiceForm,
    LocationForm,
    ServiceForm,
)
from feedback.organisation.models import CareSetting, Directorate, Location, LocationKind, Service

public_bp = public(Blueprint("public", __name__))
locations_bp = restricted_to(
    Blueprint("locations", __name__, url_prefix="/locations"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)
admin_bp = restricted_to(
    Blueprint("organisation", __name__, url_prefix="/admin/organisation"), [Role.ADMIN]
)


@public_bp.get("/")
def index() -> ResponseReturnValue:
    """Where a carer at home picks the ward or team to give feedback about."""
    return render_template(
        "organisation/choose-location.html",
        locations=services.list_locations(include_retired=False),
    )


def feedback_link(location: Location) -> str:
    base = current_app.config["PUBLIC_BASE_URL"]
    path = url_for("feedback.start", location_code=location.code)
    return (
        f"{base.rstrip('/')}{path}"
        if base
        else url_for("feedback.start", location_code=location.code, _external=True)
    )


@locations_bp.get("/")
def list_locations() -> ResponseReturnValue:
    return render_template(
        "organisation/locations.html",
        locations=services.list_locations(current_user, include_retired=False),
    )


@locations_bp.get("/<code>/poster")
def poster(code: str) -> ResponseReturnValue:
    location = services.get_open_location(code)
    if location is None or not services.user_may_see_location(current_user, location):
        abort(404)
    link = feedback_link(location)
    qr_svg = segno.make(link, error="m").svg_inline(scale=8, title=None)
    return render_template("organisation/poster.html", location=location, link=link, qr_svg=qr_svg)


def _retirement_message(name: str, retired: bool) -> str:
    if retired:
        return f"{name} is retired: it keeps its history but takes no new feedback"
    return f"{name} is back in use"


# --- Administrators ----------------------------------------------------------------------


def _directorate_choices() -> list[SelectChoice]:
    return [SelectChoice(d.id, d.name) for d in services.list_directorates()]


def _service_choices() -> list[SelectChoice]:
    return [SelectChoice(s.id, s.name) for s in services.list_services(include_retired=False)]


@admin_bp.get("/")
def overview() -> ResponseReturnValue:
    return render_template(
        "organisation/overview.html",
        services=services.list_services(),
        kind_labels=KIND_LABELS,
        setting_labels=SETTING_LABELS,
    )


@admin_bp.route("/services/new", methods=["GET", "POST"])
def add_service() -> ResponseReturnValue:
    form = ServiceForm()
    form.directorate_id.choices = _directorate_choices()
    if form.validate_on_submit():
        try:
            services.create_service(
                directorate=db.session.get(Directorate, form.directorate_id.data),
                code=form.code.data,
                name=form.name.data,
            )
        except services.OrganisationError as error:
            form.code.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"{form.name.data} added")
            return redirect(url_for(".overview"))
    return render_template("organisation/service-form.html", form=form, service=None)


def _service_or_404(service_id: int) -> Service:
    service = services.get_service(service_id)
    if service is None:
        abort(404)
    return service


@admin_bp.route("/services/<int:service_id>", methods=["GET", "POST"])
def edit_service(service_id: int) -> ResponseReturnValue:
    service = _service_or_404(service_id)
    form = EditServiceForm(obj=service)
    form.directorate_id.choices = _directorate_choices()
    if form.validate_on_submit():
        services.update_service(
            service,
            directorate=db.session.get(Directorate, form.directorate_id.data),
            name=form.name.data,
        )
        db.session.commit()
        flash(f"{service.name} saved")
        return redirect(url_for(".overview"))
    return render_template(
        "organisation/service-form.html",
        form=form,
        service=service,
        history=services.directorate_history(service),
    )


@admin_bp.post("/services/<int:service_id>/retired")
def retire_service(service_id: int) -> ResponseReturnValue:
    service = _service_or_404(service_id)
    retire = request.form.get("retired") == "yes"
    services.set_retired(service, retire)
    db.session.commit()
    flash(_retirement_message(service.name, retire))
    return redirect(url_for(".overview"))


@admin_bp.route("/locations/new", methods=["GET", "POST"])
def add_location() -> ResponseReturnValue:
    form = LocationForm(service_id=request.args.get("service", type=int))
    form.service_id.choices = _service_choices()
    if form.validate_on_submit():
        try:
            services.create_location(
                service=db.session.get(Service, form.service_id.data),
                code=form.code.data,
                name=form.name.data,
                kind=LocationKind(form.kind.data),
                setting=CareSetting(form.setting.data),
                site_code=form.site_code.data or None,
                return_grouping=form.return_grouping.data or None,
            )
        except services.OrganisationError as error:
            form.code.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"{form.name.data} added")
            return redirect(url_for(".overview"))
    return render_template("organisation/location-form.html", form=form, location=None)


def _location_or_404(code: str) -> Location:
    location = services.get_location(code)
    if location is None:
        abort(404)
    return location


@admin_bp.route("/locations/<code>", methods=["GET", "POST"])
def edit_location(code: str) -> ResponseReturnValue:
    location = _location_or_404(code)
    form = EditLocationForm(obj=location)
    form.service_id.choices = _service_choices()
    if form.validate_on_submit():
        services.update_location(
            location,
            service=db.session.get(Service, form.service_id.data),
            name=form.name.data,
            kind=LocationKind(form.kind.data),
            setting=CareSetting(form.setting.data),
            site_code=form.site_code.data or None,
            return_grouping=form.return_grouping.data or None,
        )
        db.session.commit()
        flash(f"{location.name} saved")
        return redirect(url_for(".overview"))
    return render_template("organisation/location-form.html", form=form, location=location)


@admin_bp.post("/locations/<code>/retired")
def retire_location(code: str) -> ResponseReturnValue:
    location = _location_or_404(code)
    retire = request.form.get("retired") == "yes"
    services.set_retired(location, retire)
    db.session.commit()
    flash(_retirement_message(location.name, retire))
    return redirect(url_for(".overview"))
