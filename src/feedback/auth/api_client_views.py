"""Administrators give other systems (the patient record system) keys to the API, and revoke
them. A key is shown once, on the page that answers the form that made it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from feedback.audit.models import AuditSubject
from feedback.audit.services import Watched, watch
from feedback.auth.access import restricted_to
from feedback.auth.api_clients import (
    ApiClient,
    ApiClientError,
    create_api_client,
    get_api_client,
    list_api_clients,
    revoke_api_client,
)
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.web.forms import BaseForm

bp = restricted_to(
    Blueprint("api_clients", __name__, url_prefix="/admin/api-clients"), [Role.ADMIN]
)


class ApiClientForm(BaseForm):
    name = StringField(
        "Name of the system",
        description="For example, the patient record system. Each system has its own key",
        validators=[
            DataRequired("Enter the name of the system that will use this key"),
            Length(max=120, message="The name must be 120 characters or fewer"),
        ],
    )


@bp.get("/")
def list_clients() -> ResponseReturnValue:
    return render_template("auth/api-clients.html", clients=list_api_clients())


@bp.route("/new", methods=["GET", "POST"])
def add_client() -> ResponseReturnValue:
    form = ApiClientForm()
    if form.validate_on_submit():
        try:
            client, key = create_api_client(form.name.data, created_by=current_user.email)
        except ApiClientError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            # Rendered from the POST, never redirected to: the key is in no URL and no log.
            return render_template("auth/api-client-key.html", client=client, key=key)
    return render_template("auth/api-client-new.html", form=form), (400 if form.errors else 200)


def _client_or_404(client_id: int) -> ApiClient:
    client = get_api_client(client_id)
    if client is None:
        abort(404)
    return client


@bp.get("/<int:client_id>/revoke")
def confirm_revoke(client_id: int) -> ResponseReturnValue:
    return render_template("auth/api-client-revoke.html", client=_client_or_404(client_id))


@bp.post("/<int:client_id>/revoke")
def revoke(client_id: int) -> ResponseReturnValue:
    client = _client_or_404(client_id)
    revoke_api_client(client)
    db.session.commit()
    flash(f"The key for {client.name} is revoked: it no longer works")
    return redirect(url_for(".list_clients"))


watch(bp, {"revoke": Watched(AuditSubject.API_KEY, "client_id", "Revoked the key")})
