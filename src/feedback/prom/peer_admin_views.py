"""Admins give each peer interviewer a code (shown on reports instead of their name) and the
wards they may interview on. Their accounts are made like any other, on the users pages."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import restricted_to
from feedback.auth.models import Role, User
from feedback.extensions import db
from feedback.organisation.services import list_locations
from feedback.prom import services
from feedback.prom.forms import PeerSettingsForm
from feedback.prom.models import PeerInterviewer

bp = restricted_to(Blueprint("prom_peers", __name__, url_prefix="/prom/peers"), [Role.ADMIN])


@bp.get("/")
def list_peers() -> ResponseReturnValue:
    return render_template("prom/peers.html", peers=services.list_peers())


@bp.route("/<int:user_id>", methods=["GET", "POST"])
def edit_peer(user_id: int) -> ResponseReturnValue:
    user = db.session.get(User, user_id)
    if user is None or user.role != Role.PEER_INTERVIEWER:
        abort(404)
    peer = db.session.get(PeerInterviewer, user.id)
    form = PeerSettingsForm()
    locations = list_locations(include_retired=False)
    form.locations.choices = [
        SelectChoice(loc.id, f"{loc.name} ({loc.service.name})") for loc in locations
    ]
    if not form.is_submitted():
        form.code.data = peer.code if peer else services.next_peer_code()
        form.locations.data = [loc.id for loc in peer.locations] if peer else []
    if form.validate_on_submit():
        chosen = [loc for loc in locations if loc.id in set(form.locations.data or [])]
        try:
            services.set_peer(user, form.code.data, chosen)
        except services.OfferError as error:
            form.code.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"Saved {user.name}'s peer code and wards")
            return redirect(url_for(".list_peers"))
    return render_template("prom/peer-settings.html", user=user, form=form), (
        400 if form.errors else 200
    )
