"""Staff turn a tablet into a kiosk for one location, and revoke it when it is lost or moved."""

from __future__ import annotations

import segno
from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.kiosks import services
from feedback.kiosks.forms import KioskForm
from feedback.kiosks.models import Kiosk
from feedback.organisation.services import list_locations

bp = restricted_to(
    Blueprint("kiosks", __name__, url_prefix="/kiosks"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


def _kiosk_or_404(kiosk_id: int) -> Kiosk:
    kiosk = services.get_kiosk_for(current_user, kiosk_id)
    if kiosk is None:
        abort(404)
    return kiosk


@bp.route("/", methods=["GET", "POST"])
def list_kiosks() -> ResponseReturnValue:
    form = KioskForm()
    locations = list_locations(current_user, include_retired=False)
    form.location_id.choices = [
        SelectChoice(loc.id, f"{loc.name} ({loc.service.name})") for loc in locations
    ]
    if form.validate_on_submit():
        location = next(loc for loc in locations if loc.id == form.location_id.data)
        kiosk = services.create_kiosk(
            location=location, label=form.label.data, created_by=current_user
        )
        db.session.commit()
        return redirect(url_for(".show_kiosk", kiosk_id=kiosk.id))
    return render_template("kiosks/list.html", kiosks=services.list_kiosks(current_user), form=form)


@bp.get("/<int:kiosk_id>")
def show_kiosk(kiosk_id: int) -> ResponseReturnValue:
    kiosk = _kiosk_or_404(kiosk_id)
    link = qr_svg = None
    if not kiosk.is_revoked:
        token = services.kiosk_token(kiosk, current_app.config["SECRET_KEY"])
        link = url_for("kiosk.start", token=token, _external=True)
        qr_svg = segno.make(link, error="m").svg_inline(scale=5)
    return render_template("kiosks/show.html", kiosk=kiosk, link=link, qr_svg=qr_svg)


@bp.post("/<int:kiosk_id>/revoke")
def revoke(kiosk_id: int) -> ResponseReturnValue:
    kiosk = _kiosk_or_404(kiosk_id)
    services.revoke_kiosk(kiosk, current_user)
    db.session.commit()
    flash(f"'{kiosk.label}' is revoked: that tablet can no longer take feedback")
    return redirect(url_for(".list_kiosks"))
