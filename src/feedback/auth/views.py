"""Sign-in and sign-out (public), and the administrators' user management."""

from __future__ import annotations

import re

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
from flask_login import current_user, login_required, logout_user

from feedback.audit.models import AuditSubject
from feedback.audit.services import Watched, watch
from feedback.auth import second_factor, second_factor_views, services
from feedback.auth.access import public, restricted_to
from feedback.auth.forms import ROLE_LABELS, ChoosePasswordForm, InviteUserForm, SignInForm
from feedback.auth.models import Role, User
from feedback.auth.sessions import finish_sign_in
from feedback.extensions import db, limiter
from feedback.organisation.services import list_services

bp = public(Blueprint("auth", __name__, url_prefix="/auth"))
users_bp = restricted_to(Blueprint("users", __name__, url_prefix="/admin/users"), [Role.ADMIN])
# The second factor's pages: the code at sign-in (public, under /auth/sign-in), each person's
# own (/auth/account/security), and an administrator's reset beside the other user actions.
bp.register_blueprint(second_factor_views.code_bp)
bp.register_blueprint(second_factor_views.account_bp)
users_bp.register_blueprint(second_factor_views.reset_bp)


def _sign_in_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_sign_in_limit, methods=["POST"])
def sign_in() -> ResponseReturnValue:
    form = SignInForm()
    if form.validate_on_submit():
        user = services.authenticate(
            form.email.data,
            form.password.data,
            current_app.config["SIGN_IN_MOST_FAILURES"],
            current_app.config["SIGN_IN_LOCK_MINUTES"],
        )
        db.session.commit()  # a failure is counted too
        if user is not None:
            if user.has_second_factor:  # not signed in yet: the code comes next
                return second_factor_views.ask_for_code(user, request.args.get("next"))
            return finish_sign_in(user, request.args.get("next"))
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
        try:
            services.set_password(user, form.password.data)
        except services.AccountError as refused:  # common or guessable: say why
            form.password.errors = [str(refused)]
        else:
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
        "auth/user.html",
        user=user,
        role_labels=ROLE_LABELS,
        invitation_url=invitation_url,
        locked=services.is_locked(user),
        may_use_second_factor=second_factor.may_use(user),
    )


@users_bp.post("/<int:user_id>/unlock")
def unlock(user_id: int) -> ResponseReturnValue:
    user = _get_user_or_404(user_id)
    services.unlock(user)
    db.session.commit()
    flash(f"{user.name} can sign in again")
    return redirect(url_for("users.show_user", user_id=user.id))


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


watch(
    users_bp,
    {
        "show_user": Watched(AuditSubject.ACCOUNT, "user_id", "Account page"),
        "invite_user": Watched(
            AuditSubject.ACCOUNT, None, "Invited the user", created_at=re.compile(r"/(\d+)$")
        ),
        "unlock": Watched(AuditSubject.ACCOUNT, "user_id", "Unlocked sign-in"),
        "set_enabled": Watched(AuditSubject.ACCOUNT, "user_id", "Enabled or disabled the account"),
        "reset": Watched(AuditSubject.ACCOUNT, "user_id", "Reset two-step sign-in"),
    },
)
