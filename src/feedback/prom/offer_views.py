"""Staff record each offer of the PROM (the denominator), then start it on the tablet there
and then, or give the person a slip with a code for home."""

from __future__ import annotations

from datetime import timedelta

import segno
from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.organisation.services import list_locations
from feedback.prom import services
from feedback.prom.forms import OfferForm, StartForm
from feedback.prom.models import (
    DECLINE_LABELS,
    MODE_LABELS,
    VERSION_LABELS,
    CompletionMode,
    PromOffer,
)

bp = restricted_to(
    Blueprint("prom_offers", __name__, url_prefix="/prom/offers"),
    [Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER],
)


@bp.context_processor
def _labels() -> dict[str, object]:
    return {
        "version_labels": VERSION_LABELS,
        "decline_labels": DECLINE_LABELS,
        "mode_labels": MODE_LABELS,
    }


def _offer_or_404(offer_id: int) -> PromOffer:
    return services.get_offer_for(current_user, offer_id) or abort(404)


@bp.get("/")
def list_offers() -> ResponseReturnValue:
    return render_template("prom/offers.html", offers=services.list_offers(current_user))


@bp.route("/new", methods=["GET", "POST"])
def new_offer() -> ResponseReturnValue:
    form = OfferForm()
    locations = list_locations(current_user, include_retired=False)
    form.location_id.choices = [
        SelectChoice(loc.id, f"{loc.name} ({loc.service.name})") for loc in locations
    ]
    if not form.is_submitted():
        form.offered_on.data = trust_today()
    if form.validate_on_submit():
        location = next((loc for loc in locations if loc.id == form.location_id.data), None)
        if location is None:
            form.location_id.errors.append("Choose the ward or team")
        else:
            try:
                offer = services.record_offer(
                    form.offer_input(location, form.offered_on.data), current_user
                )
            except services.OfferError as error:
                form.offered_on.errors.append(str(error))
            else:
                db.session.commit()
                if offer.accepted:
                    return redirect(url_for(".show_offer", offer_id=offer.id))
                flash(f"Offer recorded: {location.name}, declined")
                return redirect(url_for(".list_offers"))
    return render_template("prom/new-offer.html", form=form), 400 if form.errors else 200


def _public_url(endpoint: str, **values: str) -> str:
    """An address for a slip: on the public site when it is set (as for QR posters)."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        return f"{base.rstrip('/')}{url_for(endpoint, **values)}"
    return url_for(endpoint, **values, _external=True)


def _code_page() -> str:
    return _public_url("prom_public.enter_code")


def _is_open(offer: PromOffer) -> bool:
    too_old = offer.offered_on < trust_today() - timedelta(
        days=int(current_app.config["PROM_CODE_DAYS"])
    )
    return offer.accepted and offer.response is None and not too_old


@bp.get("/<int:offer_id>")
def show_offer(offer_id: int) -> ResponseReturnValue:
    offer = _offer_or_404(offer_id)
    return render_template(
        "prom/offer.html",
        offer=offer,
        is_open=_is_open(offer),
        form=StartForm(),
        code_page=_code_page(),
    )


@bp.post("/<int:offer_id>/start")
def start(offer_id: int) -> ResponseReturnValue:
    offer = _offer_or_404(offer_id)
    form = StartForm()
    if not _is_open(offer):
        flash("This offer has been answered, or its code has run out")
        return redirect(url_for(".show_offer", offer_id=offer.id))
    if not form.validate_on_submit():
        return render_template(
            "prom/offer.html", offer=offer, is_open=True, form=form, code_page=_code_page()
        ), 400
    token = services.start_here(offer, CompletionMode(form.mode.data))
    db.session.commit()
    return redirect(url_for("forms.start", questionnaire_id=offer.version.value, invite=token))


@bp.get("/<int:offer_id>/slip")
def slip(offer_id: int) -> ResponseReturnValue:
    """A slip to print and hand over: the code, the address, and a QR code of both."""
    offer = _offer_or_404(offer_id)
    if not _is_open(offer):
        abort(404)
    link = _public_url("prom_public.open_code", code=offer.home_code or "")
    return render_template(
        "prom/slip.html",
        offer=offer,
        code_page=_code_page(),
        qr_svg=segno.make(link, error="m").svg_inline(scale=4),
        last_day=offer.offered_on + timedelta(days=int(current_app.config["PROM_CODE_DAYS"])),
    )
