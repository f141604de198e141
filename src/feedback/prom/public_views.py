"""Answering at home: the person types the code from their slip (or scans its QR code) and
the questionnaire opens for their offer. Public by design; patient pages, in their language."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, current_app, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from feedback.auth.access import public
from feedback.extensions import limiter
from feedback.prom.forms import CodeForm
from feedback.prom.services import CodeError, CodeProblem, find_home_code

bp = public(Blueprint("prom_public", __name__, url_prefix="/prom"))
# Codes are 8 characters from 29: guessing one by hand is hopeless, by script slowed here.
CODE_RATE_LIMIT = "20 per minute"


def _message(problem: CodeProblem) -> str:
    return {
        CodeProblem.UNKNOWN: _("We cannot find that code. Check it and try again."),
        CodeProblem.USED: _("This code has already been used. Thank you for answering."),
        CodeProblem.EXPIRED: _(
            "This code has run out. Ask the team who gave it to you for a new one."
        ),
    }[problem]


def _open(typed: str) -> ResponseReturnValue | str:
    """A redirect into the questionnaire, or the message saying why the code cannot be used."""
    max_age = timedelta(days=int(current_app.config["PROM_CODE_DAYS"]))
    try:
        offer = find_home_code(typed, max_age)
    except CodeError as error:
        return _message(error.problem)
    return redirect(
        url_for("forms.start", questionnaire_id=offer.version.value, invite=offer.home_code)
    )


@bp.route("/", methods=["GET", "POST"])
@limiter.limit(CODE_RATE_LIMIT, methods=["POST"])
def enter_code() -> ResponseReturnValue:
    form = CodeForm()
    if form.validate_on_submit():
        opened = _open(form.code.data)
        if not isinstance(opened, str):
            return opened
        form.code.errors.append(opened)
    status = 400 if form.errors else 200
    return render_template("prom/enter-code.html", form=form), status


@bp.get("/code/<code>")
@limiter.limit(CODE_RATE_LIMIT)
def open_code(code: str) -> ResponseReturnValue:
    """The address in the slip's QR code."""
    opened = _open(code)
    if not isinstance(opened, str):
        return opened
    form = CodeForm(data={"code": code[:20]}, meta={"csrf": False})
    form.code.errors = [opened]
    return render_template("prom/enter-code.html", form=form), 404
