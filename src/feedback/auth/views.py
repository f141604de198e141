"""Sign-in and sign-out (public), and the administrators' user management."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import current_user, login_required, login_user, logout_user

from feedback.auth import services
from feedback.auth.access import public, restricted_to
from feedback.auth.forms import ROLE_LABELS, ChoosePasswordForm, InviteUserForm, SignInForm
from feedback.auth.models import Role, User
from feedback.extensions import db, limiter
from feedback.organisation.services import list_services

bp = public(Blueprint("auth", __name__, url_prefix="/auth"))
users_bp = restricted_to(Blueprint("users", __name__, url_prefix="/admin/users"), [Role.ADMIN])


def _sign_in_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]


def _safe_next(target: str | None) -> str:
    # Only paths on this site, so a crafted link cannot send a person elsewhere after sign-in.
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and not urlsplit(target).netloc
    ):
        return target
    return url_for("staff.home")


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in() -> ResponseReturnValue:
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            db.session.commit()
            next_url = _safe_next(request.args.get("next"))
            session.clear()  # a fresh session at sign-in, so nothing set before it survives
            login_user(user)
            return redirect(next_url)
        form.email.errors.append("Enter a correct email address and password")
    return render_template("auth/sign-in.html", form=form)


@bp.post("/sign-out")
def sign_out() -> ResponseReturnValue:
    logout_user()
    session.clear()
    flash("You have signed out")
    return redirect(url_for("auth.sign_in"))


@bp.post("/sign-out-everywhere")
@login_required
def sign_out_everywhere() -> ResponseReturnValue:
    services.sign_out_everywhere(current_user)
    db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out on every device")
    return redirect(url_for("auth.sign_in"))


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token: str) -> ResponseReturnValue:
    try:
        user = services.get_invited_user(
            token,
            current_app.config["SECRET_KEY"],
            int(current_app.config["INVITATION_MAX_AGE"].total_seconds()),
        )
    except services.AccountError as error:
        return render_template("auth/invitation-invalid.html", reason=str(error)), 404
    form = ChoosePasswordForm()
    if form.validate_on_submit():
        services.set_password(user, form.password.data)
        db.session.commit()
        flash("Your password is set. Sign in to continue")
        return redirect(url_for("auth.sign_in"))
    return render_template("auth/choose-password.html", form=form, user=user)


@users_bp.get("/")
def list_users() -> ResponseReturnValue:
    return render_template("auth/users.html", users=services.list_users(), role_labels=ROLE_LABELS)


@users_bp.route("/invite", methods=["GET", "POST"])
def invite_user() -> ResponseReturnValue:
    form = InviteUserForm()
    form.services.choices = [(s.id, s.name) for s in list_services(include_retired=False)]
    if form.validate_on_submit():
        chosen = [s for s in list_services() if s.id in set(form.services.data or [])]
        try:
            user = services.create_user(
                email=form.email.data,
                name=form.name.data,
                role=Role(form.role.data),
                services=chosen,
            )
        except services.AccountError as error:
            form.email.errors.append(str(error))
        else:
            db.session.commit()
            return redirect(url_for("users.show_user", user_id=user.id))
    return render_template("auth/invite-user.html", form=form)


def _get_user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@users_bp.get("/<int:user_id>")
def show_user(user_id: int) -> ResponseReturnValue:
    user = _get_user_or_404(user_id)
    invitation_url = None
    if user.password_hash is None and user.is_enabled:
        token = services.make_invitation_token(user, current_app.config["SECRET_KEY"])
        invitation_url = url_for("auth.accept_invitation", token=token, _external=True)
    return render_template(
        "auth/user.html", user=user, role_labels=ROLE_LABELS, invitation_url=invitation_url
    )


@users_bp.post("/<int:user_id>/enabled")
def set_enabled(user_id: int) -> ResponseReturnValue:
    user = _get_user_or_404(user_id)
    enable = request.form.get("enabled") == "yes"
    if user.id == current_user.id and not enable:
        flash("You cannot disable your own account")
        return redirect(url_for("users.show_user", user_id=user.id))
    services.set_enabled(user, enable)
    db.session.commit()
    flash(f"{user.name}'s account is {'enabled' if enable else 'disabled'}")
    return redirect(url_for("users.show_user", user_id=user.id))
