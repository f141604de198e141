"""Admins: the framework and local themes, the lexicon, target links, models and training."""

from __future__ import annotations

import csv
import io

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.surveys.text import without_control_characters
from feedback.targets.models import Target
from feedback.themes import admin_services, training
from feedback.themes.forms import ThemeForm, ThemeSettingsForm
from feedback.themes.models import ModelVersion, Theme
from feedback.web.uploads import NOT_CSV, decode_upload

bp = restricted_to(Blueprint("themes_admin", __name__, url_prefix="/admin/themes"), [Role.ADMIN])


@bp.get("/")
def framework() -> ResponseReturnValue:
    return render_template(
        "themes/admin-framework.html",
        groups=admin_services.themes_by_group_all(),
        targets={t.id: t for t in db.session.scalars(select(Target))},
        keyword_counts=admin_services.keyword_counts(),
    )


@bp.route("/new", methods=["GET", "POST"])
def new_theme() -> ResponseReturnValue:
    form = ThemeForm()
    form.group.choices = [(g, g) for g in admin_services.group_names()]
    if form.validate_on_submit():
        try:
            theme = admin_services.add_local_theme(
                form.name.data, form.group.data, form.description.data or None
            )
        except ValueError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(f"{theme.name} added. Add keywords so it is found before a model learns it.")
            return redirect(url_for(".edit_theme", theme_id=theme.id))
    return render_template("themes/admin-new-theme.html", form=form)


@bp.route("/<int:theme_id>", methods=["GET", "POST"])
def edit_theme(theme_id: int) -> ResponseReturnValue:
    theme = db.session.get(Theme, theme_id) or abort(404)
    form = ThemeSettingsForm()
    targets = list(db.session.scalars(select(Target).order_by(Target.name)))
    form.target_id.choices = [("", "None")] + [(str(t.id), t.name) for t in targets]
    if request.method == "GET":
        form.keywords.data = "\n".join(k.phrase for k in theme.keywords)
        form.target_id.data = str(theme.target_id or "")
        form.description.data = theme.description
        form.is_active.data = theme.is_active
    if form.validate_on_submit():
        admin_services.update_theme(
            theme,
            keywords=form.keywords.data or "",
            target_id=int(form.target_id.data) if form.target_id.data else None,
            description=form.description.data or None,
            is_active=form.is_active.data,
        )
        db.session.commit()
        flash(f"{theme.name} saved.")
        return redirect(url_for(".framework"))
    return render_template("themes/admin-theme.html", theme=theme, form=form)


@bp.get("/models")
def models() -> ResponseReturnValue:
    return render_template(
        "themes/admin-models.html",
        versions=admin_services.model_versions(),
        batches=training.imported_batches(),
        pending=training.pending_request(),
        requests=admin_services.recent_requests(),
        codings=training.codings_since_last_model(),
    )


@bp.get("/models/<int:version_id>")
def show_model(version_id: int) -> ResponseReturnValue:
    version = db.session.get(ModelVersion, version_id) or abort(404)
    return render_template("themes/admin-model.html", version=version)


@bp.post("/models/<int:version_id>/activate")
def activate_model(version_id: int) -> ResponseReturnValue:
    version = db.session.get(ModelVersion, version_id) or abort(404)
    training.activate_version(version, current_user.email)
    db.session.commit()
    flash(
        f"Model version {version.id} is now in use. Comments are tagged again over the next runs."
    )
    return redirect(url_for(".models"))


@bp.post("/models/train")
def request_training() -> ResponseReturnValue:
    training.request_training(current_user.email)
    db.session.commit()
    flash("Training asked for. The scheduler trains the model within half an hour.")
    return redirect(url_for(".models"))


@bp.route("/training", methods=["GET", "POST"])
def upload_training() -> ResponseReturnValue:
    error = None
    if request.method == "POST":
        upload = request.files.get("labelled")
        if upload is None or not upload.filename:
            error = "Choose a labelled CSV file to upload"
        else:
            try:
                # The labelled file is larger than an eligible-count file: up to the request limit.
                text = decode_upload(upload.read(), int(current_app.config["MAX_CONTENT_LENGTH"]))
                batch = without_control_characters(upload.filename)
                count = training.import_labelled(io.StringIO(text), batch=batch)
            except csv.Error:
                error = NOT_CSV
            except ValueError as problem:  # UploadError too
                # The message may quote a cell: nothing a page cannot show goes back into it.
                error = without_control_characters(str(problem))
            else:
                training.request_training(current_user.email)
                db.session.commit()
                flash(
                    f"{count} coded comments imported from {batch}. A new model will "
                    "be trained on them and the team's codings."
                )
                return redirect(url_for(".models"))
    return render_template("themes/admin-training.html", error=error)
