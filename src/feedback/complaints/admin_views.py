"""Administrators: the KO41a category lists (data, since NHS England's lookup file changes)
and the record of who viewed which case."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.complaints.models import CategoryList, Ko41aCategory
from feedback.complaints.services import list_categories
from feedback.extensions import db
from feedback.web.forms import BaseForm

bp = restricted_to(
    Blueprint("complaints_admin", __name__, url_prefix="/admin/complaints"), [Role.ADMIN]
)
LIST_LABELS = {
    CategoryList.SUBJECT: "Subjects",
    CategoryList.CLINICAL_SUBJECT: "Clinical treatment sub-categories",
    CategoryList.SERVICE_AREA: "Service areas",
    CategoryList.PROFESSION: "Professions",
    CategoryList.AGE_BAND: "Age bands",
    CategoryList.COMPLAINANT_STATUS: "Complainant status",
}


class CategoryForm(BaseForm):
    list = SelectField(
        "List",
        choices=[SelectChoice(k.value, v) for k, v in LIST_LABELS.items()],
        validators=[DataRequired("Choose the list")],
    )
    name = StringField(
        "Name, as in NHS England's lookup file",
        validators=[DataRequired("Enter the name"), Length(max=120)],
    )


@bp.route("/ko41a", methods=["GET", "POST"])
def ko41a_lists() -> ResponseReturnValue:
    form = CategoryForm()
    if form.validate_on_submit():
        which = CategoryList(form.list.data)
        existing = list_categories(which, active_only=False)
        if any(c.name.casefold() == form.name.data.casefold() for c in existing):
            form.name.errors.append("That name is already in the list")
        else:
            db.session.add(
                Ko41aCategory(list=which, name=form.name.data, position=len(existing) + 1)
            )
            db.session.commit()
            flash(f"Added {form.name.data} to {LIST_LABELS[which]}")
            return redirect(url_for(".ko41a_lists"))
    lists = {which: list_categories(which, active_only=False) for which in CategoryList}
    status = 400 if form.errors else 200
    return render_template(
        "complaints/admin-ko41a.html", form=form, lists=lists, labels=LIST_LABELS
    ), status


@bp.post("/ko41a/<int:category_id>/active")
def toggle_category(category_id: int) -> ResponseReturnValue:
    category = db.session.get(Ko41aCategory, category_id)
    if category is None:
        abort(404)
    # Retired, not deleted: closed cases keep the coding they were given.
    category.is_active = not category.is_active
    db.session.commit()
    flash(f"{category.name} is {'in use' if category.is_active else 'retired'}")
    return redirect(url_for(".ko41a_lists"))
