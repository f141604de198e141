"""Peer interviewers' own pages: their wards, and starting an assisted PROM on one of them.
They see nothing else (every other page refuses them)."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.prom import services
from feedback.prom.forms import PeerOfferForm
from feedback.prom.models import CompletionMode

bp = restricted_to(Blueprint("peer", __name__, url_prefix="/prom/peer"), [Role.PEER_INTERVIEWER])


@bp.get("/")
def home() -> ResponseReturnValue:
    return render_template("prom/peer-home.html", peer=services.get_peer(current_user))


@bp.route("/wards/<int:location_id>", methods=["GET", "POST"])
def start_on_ward(location_id: int) -> ResponseReturnValue:
    peer = services.get_peer(current_user)
    location = services.peer_location(peer, location_id)
    if peer is None or location is None:
        abort(404)  # not their ward: as if it did not exist
    form = PeerOfferForm()
    if form.validate_on_submit():
        offer = services.record_offer(form.offer_input(location, trust_today()), current_user)
        if not offer.accepted:
            db.session.commit()
            flash(f"Thank you: recorded that the person on {location.name} said no")
            return redirect(url_for(".home"))
        token = services.start_here(offer, CompletionMode.PEER, peer_code=peer.code)
        db.session.commit()
        return redirect(url_for("forms.start", questionnaire_id=offer.version.value, invite=token))
    return render_template(
        "prom/peer-start.html", peer=peer, location=location, form=form
    ), 400 if form.errors else 200
