"""Complaints peer review: the team builds packs; lay reviewers read them and record learning."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms import SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.complaints import review
from feedback.complaints.services import get_case_by_reference
from feedback.extensions import db
from feedback.web.forms import BaseForm

packs_bp = restricted_to(
    Blueprint("review_packs", __name__, url_prefix="/complaints/review-packs"),
    [Role.ADMIN, Role.PX_TEAM],
)
reviewers_bp = restricted_to(
    Blueprint("peer_review", __name__, url_prefix="/peer-review"),
    [Role.ADMIN, Role.PX_TEAM, Role.PEOPLES_COUNCIL],
)


class PackForm(BaseForm):
    title = StringField(
        "Title of the pack",
        description="For example: Discharge complaints, spring 2026",
        validators=[DataRequired("Give the pack a title"), Length(max=200)],
    )


class AddCaseForm(BaseForm):
    reference = StringField(
        "Case reference",
        description="A closed complaint, for example PX-7K3M-9QXD",
        validators=[DataRequired("Enter the case reference"), Length(max=16)],
    )


class LearningForm(BaseForm):
    review_case_id = SelectField("About", coerce=int, validators=[Optional()])
    text = TextAreaField(
        "What did you learn?", validators=[DataRequired("Write what you learned"), Length(max=5000)]
    )


@packs_bp.route("/", methods=["GET", "POST"])
def list_packs() -> ResponseReturnValue:
    form = PackForm()
    if form.validate_on_submit():
        pack = review.create_pack(form.title.data, by=current_user)
        db.session.commit()
        return redirect(url_for(".show_pack", pack_id=pack.id))
    return render_template("complaints/review-packs.html", packs=review.list_packs(), form=form), (
        400 if form.errors else 200
    )


@packs_bp.route("/<int:pack_id>", methods=["GET", "POST"])
def show_pack(pack_id: int) -> ResponseReturnValue:
    pack = review.get_pack(pack_id)
    if pack is None:
        abort(404)
    form = AddCaseForm()
    if form.validate_on_submit():
        try:
            review.add_case(pack, get_case_by_reference(form.reference.data.upper()))
            db.session.commit()
        except review.ReviewError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash("Case added, with personal details removed")
            return redirect(url_for(".show_pack", pack_id=pack.id))
    status = 400 if request.method == "POST" else 200
    return render_template("complaints/review-pack.html", pack=pack, form=form), status


@packs_bp.post("/<int:pack_id>/closed")
def close_pack(pack_id: int) -> ResponseReturnValue:
    pack = review.get_pack(pack_id)
    if pack is None:
        abort(404)
    pack.is_open = False
    db.session.commit()
    flash("The pack is closed to new learning")
    return redirect(url_for(".show_pack", pack_id=pack.id))


@reviewers_bp.get("/")
def reviewer_packs() -> ResponseReturnValue:
    return render_template("complaints/peer-review.html", packs=review.list_packs(open_only=True))


@reviewers_bp.route("/<int:pack_id>", methods=["GET", "POST"])
def review_pack(pack_id: int) -> ResponseReturnValue:
    pack = review.get_pack(pack_id, open_only=True)
    if pack is None:
        abort(404)
    form = LearningForm()
    form.review_case_id.choices = [SelectChoice(0, "The pack as a whole")] + [
        SelectChoice(c.id, f"Case {c.position}") for c in pack.cases
    ]
    if form.validate_on_submit():
        try:
            review.record_learning(
                pack,
                form.text.data,
                by=current_user,
                review_case_id=form.review_case_id.data or None,
            )
            db.session.commit()
        except review.ReviewError as error:
            db.session.rollback()
            form.form_errors.append(str(error))
        else:
            flash("Thank you: the patient experience team will read what you learned")
            return redirect(url_for(".review_pack", pack_id=pack.id))
    status = 400 if request.method == "POST" else 200
    mine = [item for item in pack.learning if item.reviewer_id == current_user.id]
    return render_template(
        "complaints/peer-review-pack.html", pack=pack, form=form, mine=mine
    ), status
