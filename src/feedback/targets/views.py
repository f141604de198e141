"""The priority targets register: px_team and admins read it; admins change it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.db import trust_today
from feedback.extensions import db
from feedback.targets import services
from feedback.targets.evaluate import computed_baselines, evaluate_target
from feedback.targets.forms import BaselineForm, TargetForm
from feedback.targets.models import (
    MEASURE_LABELS,
    RAG_LABELS,
    RAG_TAGS,
    Direction,
    Level,
    Target,
)

bp = restricted_to(
    Blueprint("targets", __name__, url_prefix="/targets"), [Role.ADMIN, Role.PX_TEAM]
)


@bp.context_processor
def _labels() -> dict[str, object]:
    return {"rag_labels": RAG_LABELS, "rag_tags": RAG_TAGS, "measure_labels": MEASURE_LABELS}


def _target_or_404(code: str) -> Target:
    return services.get_target(code) or abort(404)


def _admin_only() -> None:
    if current_user.role != Role.ADMIN:
        abort(403)


@bp.get("/")
def register() -> ResponseReturnValue:
    return render_template(
        "targets/register.html",
        targets=services.list_targets(),
        latest=services.latest_statuses(),
    )


@bp.get("/<code>")
def show_target(code: str) -> ResponseReturnValue:
    target = _target_or_404(code)
    names = services.unit_names(target.level)
    history = services.history(target)
    return render_template(
        "targets/target.html",
        target=target,
        names=names,
        history=sorted(history.items(), key=lambda item: names.get(item[0], "")),
        entered={b.unit_id: b for b in target.baselines},
        computed=computed_baselines(target) if target.has_trajectory else {},
    )


@bp.route("/<code>/edit", methods=["GET", "POST"])
def edit_target(code: str) -> ResponseReturnValue:
    _admin_only()
    target = _target_or_404(code)
    form = TargetForm(obj=target)
    if not form.is_submitted():
        form.is_active.data = "yes" if target.is_active else "no"
    if form.validate_on_submit():
        form.populate_obj(target)
        target.level = Level(form.level.data)
        target.direction = Direction(form.direction.data)
        target.is_active = form.is_active.data == "yes"
        # Closed periods keep the status they were given; open ones are judged again now.
        today = trust_today()
        services.forget_statuses_from(target, today.replace(day=1))
        db.session.flush()
        evaluate_target(target, today)
        db.session.commit()
        flash(f"Saved {target.name}")
        return redirect(url_for(".show_target", code=target.code))
    return render_template("targets/edit.html", target=target, form=form)


@bp.route("/<code>/baselines", methods=["GET", "POST"])
def baselines(code: str) -> ResponseReturnValue:
    _admin_only()
    target = _target_or_404(code)
    names = services.unit_names(target.level)
    form = BaselineForm()
    form.unit_id.choices = [SelectChoice(i, n) for i, n in names.items()]
    if form.validate_on_submit():
        try:
            services.set_baseline(target, form.unit_id.data, form.percent.data, current_user.email)
        except services.TargetError as error:
            form.percent.errors.append(str(error))
        else:
            db.session.flush()
            db.session.expire(target, ["baselines"])
            evaluate_target(target, trust_today())
            db.session.commit()
            flash(f"Baseline saved for {names[form.unit_id.data]}")
            return redirect(url_for(".show_target", code=target.code))
    return render_template("targets/baselines.html", target=target, form=form)
