"""Admins read what the retention rules would remove, then apply them."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf import FlaskForm

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.retention import services
from feedback.retention.rules import registered_rules

bp = restricted_to(Blueprint("retention", __name__, url_prefix="/admin/retention"), [Role.ADMIN])


@bp.get("/")
def overview() -> ResponseReturnValue:
    runs = services.recent_runs()
    latest_dry_run = next((run for run in runs if not run.applied), None)
    return render_template(
        "retention/overview.html",
        rules={rule.id: rule for rule in registered_rules()},
        runs=runs,
        latest_dry_run=latest_dry_run,
        applies_nightly=current_app.config["RETENTION_APPLY"],
        form=FlaskForm(),
    )


@bp.post("/dry-run")
def run_dry_run() -> ResponseReturnValue:
    if FlaskForm().validate_on_submit():
        run = services.dry_run(current_user.email)
        db.session.commit()
        due = sum(line["due"] for line in run.report)
        flash(f"Dry run done: {due:,} records are due. Nothing was changed.")
    return redirect(url_for(".overview"))


@bp.post("/apply")
def apply_now() -> ResponseReturnValue:
    # Only straight after a dry run the admin has read: the button is on that report.
    if FlaskForm().validate_on_submit():
        run = services.apply_rules(current_user.email)
        db.session.commit()
        changed = sum(line.get("changed", 0) for line in run.report)
        flash(f"Retention rules applied: {changed:,} records changed.")
    return redirect(url_for(".overview"))
