"""The second factor's pages: the code asked for after the password, each person's own
security page (set up, new recovery codes, turn off), and an administrator's reset.

Between the password and the code the person is not signed in: the session holds only a
pending marker (their id and when the password was right), which lasts five minutes.
"""

from __future__ import annotations

import time

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
from flask.blueprints import BlueprintSetupState
from flask.typing import ResponseReturnValue
from flask_login import current_user
from werkzeug.wrappers import Response
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from feedback.auth import second_factor, services
from feedback.auth.access import public, restricted_to
from feedback.auth.models import Role, User
from feedback.auth.second_factor import CodeCheck, Limits
from feedback.auth.services import record_sign_in
from feedback.auth.sessions import finish_sign_in, home_for
from feedback.db import utc_now
from feedback.extensions import db, limiter
from feedback.web.forms import BaseForm

PENDING = "second_factor_pending"
# Open to someone whose role needs a second factor before they have set one up.
OPEN_BEFORE_SET_UP = frozenset({"static", "assets", "auth.sign_out", "auth.sign_out_everywhere"})

code_bp = public(Blueprint("second_factor", __name__, url_prefix="/sign-in"))
account_bp = restricted_to(
    Blueprint("account_security", __name__, url_prefix="/account/security"),
    second_factor.ROLES_THAT_MAY_USE_IT,
)
reset_bp = restricted_to(Blueprint("second_factor_reset", __name__), [Role.ADMIN])


def _code_limit() -> str:
    return current_app.config["SIGN_IN_RATE_LIMIT"]  # a code is guessed as a password is


class AppCodeForm(BaseForm):
    code = StringField(
        "Enter the 6-digit code the app shows",
        validators=[DataRequired("Enter the 6-digit code from the app"), Length(max=40)],
    )


class CodeForm(BaseForm):
    code = StringField(
        "Enter the 6-digit code from your authenticator app",
        description="If you do not have your phone, enter one of your recovery codes instead.",
        validators=[
            DataRequired("Enter the 6-digit code from your app, or a recovery code"),
            Length(max=40),
        ],
    )


WRONG_CODE = "The code is not right. Enter the code the app shows now, or a recovery code"


# --- The setting ---------------------------------------------------------------------------


@account_bp.record_once
def _read_setting(state: BlueprintSetupState) -> None:
    # Read once as the app is made, so a role that cannot set up a second factor stops the
    # app starting rather than locking its people out at their next sign-in.
    state.app.extensions["second_factor_roles"] = second_factor.required_roles(
        state.app.config.get("REQUIRE_SECOND_FACTOR_ROLES")
    )


def _required_roles() -> frozenset[Role]:
    return current_app.extensions["second_factor_roles"]


@account_bp.before_app_request
def _send_to_set_up() -> ResponseReturnValue | None:
    """Someone whose role needs a second factor can use nothing else until they set it up."""
    roles = _required_roles()
    if not roles or request.endpoint is None or request.endpoint in OPEN_BEFORE_SET_UP:
        return None
    if request.endpoint.startswith(f"auth.{account_bp.name}."):
        return None
    if current_user.is_authenticated and second_factor.must_set_up(current_user, roles):
        return redirect(url_for("auth.account_security.overview"))
    return None


# --- The code at sign-in -------------------------------------------------------------------


def ask_for_code(user: User, next_target: str | None) -> Response:
    """The password was right: remember only who and when, and ask for the code."""
    session.clear()  # nothing from before survives, as at a full sign-in
    session[PENDING] = {"user_id": user.id, "at": int(time.time())}
    return redirect(url_for("auth.second_factor.enter_code", next=next_target))


def _pending_user() -> User | None:
    marker = session.get(PENDING)
    if not isinstance(marker, dict):
        return None
    user_id, at = marker.get("user_id"), marker.get("at")
    if not isinstance(user_id, int) or not isinstance(at, int):
        return None
    if not 0 <= time.time() - at <= second_factor.PENDING_SECONDS:
        return None
    user = db.session.get(User, user_id)
    if user is None or not user.is_active or not user.has_second_factor:
        return None
    return user


@code_bp.route("/code", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
def enter_code() -> ResponseReturnValue:
    next_target = request.args.get("next")
    user = _pending_user()
    if user is None:
        if session.pop(PENDING, None) is not None:
            flash("Sign in again. Enter the code within 5 minutes of your password")
        return redirect(url_for("auth.sign_in", next=next_target))
    form = CodeForm()
    if form.validate_on_submit():
        now = utc_now()
        result = second_factor.check_code(
            user, form.code.data, now, Limits.from_config(current_app.config)
        )
        if result in (CodeCheck.APP_CODE, CodeCheck.RECOVERY_CODE):
            record_sign_in(user, now)
            db.session.commit()
            response = finish_sign_in(user, next_target)
            if result is CodeCheck.RECOVERY_CODE:
                _say_recovery_codes_left(user)
            return response
        db.session.commit()  # a wrong code is counted
        if result is CodeCheck.LOCKED:
            session.pop(PENDING, None)
            flash(_locked_message())
            return redirect(url_for("auth.sign_in"))
        form.code.errors.append(WRONG_CODE)
    return render_template("auth/sign-in-code.html", form=form), (400 if form.errors else 200)


def _say_recovery_codes_left(user: User) -> None:
    left = second_factor.recovery_codes_left(user)
    flash(
        f"You used a recovery code: it will not work again. You have {left} left. "
        "Get new ones from Sign-in security if you are running out"
    )


def _locked_message() -> str:
    minutes = current_app.config["SIGN_IN_LOCK_MINUTES"]
    return f"Too many wrong codes in a row. Codes are not accepted for {minutes} minutes"


# --- The person's own security page --------------------------------------------------------


@account_bp.get("/")
def overview() -> ResponseReturnValue:
    user = current_user
    return render_template(
        "auth/security.html",
        required=second_factor.is_required(user, _required_roles()),
        codes_left=second_factor.recovery_codes_left(user) if user.has_second_factor else 0,
    )


@account_bp.post("/start")
def start_set_up() -> ResponseReturnValue:
    if not current_user.has_second_factor:
        second_factor.start_set_up(current_user)  # a new secret each time: one QR code in use
        db.session.commit()
    return redirect(url_for(".set_up"))


@account_bp.route("/set-up", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
def set_up() -> ResponseReturnValue:
    user = current_user
    if not second_factor.is_setting_up(user):
        return redirect(url_for(".overview"))
    form = AppCodeForm()
    if form.validate_on_submit():
        codes = second_factor.confirm_set_up(user, form.code.data, utc_now())
        if codes is not None:
            db.session.commit()
            # Rendered from the POST, never redirected to: the codes are in no URL and no log.
            return _show_recovery_codes(codes, first_time=True)
        form.code.errors.append(
            "The code is not right. Check the app shows this account, then enter the code "
            "it shows now"
        )
    link = second_factor.set_up_link(user, current_app.config["TRUST_NAME"])
    return render_template(
        "auth/security-set-up.html",
        form=form,
        qr_svg=second_factor.qr_svg(link),
        secret=second_factor.grouped(user.totp_secret),
    ), (400 if form.errors else 200)


def _show_recovery_codes(codes: list[str], first_time: bool) -> str:
    return render_template(
        "auth/recovery-codes.html",
        codes=codes,
        first_time=first_time,
        continue_url=home_for(current_user) if first_time else url_for(".overview"),
    )


def _confirm_with_code() -> tuple[CodeForm, bool]:
    """The form on a page that asks for a current code before a change; whether it passed."""
    form = CodeForm()
    if not form.validate_on_submit():
        return form, False
    result = second_factor.check_code(
        current_user, form.code.data, utc_now(), Limits.from_config(current_app.config)
    )
    db.session.commit()  # a code used, or a wrong one counted, whatever happens next
    if result in (CodeCheck.APP_CODE, CodeCheck.RECOVERY_CODE):
        return form, True
    form.code.errors.append(_locked_message() if result is CodeCheck.LOCKED else WRONG_CODE)
    return form, False


@account_bp.route("/recovery-codes", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
def new_recovery_codes() -> ResponseReturnValue:
    if not current_user.has_second_factor:
        return redirect(url_for(".overview"))
    form, confirmed = _confirm_with_code()
    if confirmed:
        codes = second_factor.new_recovery_codes(current_user, utc_now())
        db.session.commit()
        return _show_recovery_codes(codes, first_time=False)
    return render_template(
        "auth/security-confirm.html",
        form=form,
        title="Get new recovery codes",
        explanation="Your old recovery codes stop working, and you get 10 new ones.",
        button="Get new codes",
    ), (400 if form.errors else 200)


@account_bp.route("/turn-off", methods=["GET", "POST"])
@limiter.limit(_code_limit, methods=["POST"])
def turn_off() -> ResponseReturnValue:
    if not current_user.has_second_factor:
        return redirect(url_for(".overview"))
    if second_factor.is_required(current_user, _required_roles()):
        flash("Your role needs two-step sign-in: it cannot be turned off")
        return redirect(url_for(".overview"))
    form, confirmed = _confirm_with_code()
    if confirmed:
        second_factor.turn_off(current_user)
        db.session.commit()
        flash("Two-step sign-in is off. Signing in needs only your password")
        return redirect(url_for(".overview"))
    return render_template(
        "auth/security-confirm.html",
        form=form,
        title="Turn off two-step sign-in",
        explanation=(
            "Signing in will need only your password. Your recovery codes stop working. "
            "You can set it up again at any time."
        ),
        button="Turn off two-step sign-in",
    ), (400 if form.errors else 200)


# --- An administrator's reset --------------------------------------------------------------


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@reset_bp.get("/<int:user_id>/second-factor/reset")
def confirm_reset(user_id: int) -> ResponseReturnValue:
    return render_template(
        "auth/second-factor-reset.html",
        user=_user_or_404(user_id),
        required_roles=_required_roles(),
    )


@reset_bp.post("/<int:user_id>/second-factor/reset")
def reset(user_id: int) -> ResponseReturnValue:
    user = _user_or_404(user_id)
    if user.id == current_user.id:
        # Their own goes through their security page, which asks for a code first.
        flash("You cannot reset your own two-step sign-in here: use Sign-in security")
    elif user.totp_secret is not None:
        second_factor.turn_off(user)
        # A lost phone may be in someone else's hands, still signed in: end every session.
        services.sign_out_everywhere(user)
        db.session.commit()
        flash(
            f"{user.name}'s two-step sign-in is reset and they are signed out everywhere. Their "
            "app's codes and recovery codes no longer work; they can set it up again after "
            "signing in with their password"
        )
    return redirect(url_for("users.show_user", user_id=user.id))
