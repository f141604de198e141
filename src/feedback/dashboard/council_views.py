"""The People's Council's quarterly summary (easy read or plain English, and printable), and
the patient experience team's choice of quotes for it."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.actions.models import ACTION_STATUS_LABELS
from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.dashboard import council
from feedback.dashboard.forms import QuoteForm
from feedback.dashboard.periods import Span, quarter_from_args, quarter_of, quarter_span
from feedback.db import trust_today
from feedback.extensions import db
from feedback.metrics.summaries import fft_month_range
from feedback.themes.services import get_comment

bp = restricted_to(
    Blueprint("council", __name__, url_prefix="/council"),
    [Role.ADMIN, Role.PX_TEAM, Role.PEOPLES_COUNCIL],
)
TEAM = (Role.ADMIN, Role.PX_TEAM)


def _quarter() -> Span:
    return quarter_from_args(request.args.get("quarter"), trust_today())


def _quarters() -> list[Span]:
    """Complete quarters with feedback, newest first."""
    found = fft_month_range()
    latest = quarter_from_args(None, trust_today())
    if not found:
        return [latest]
    first = quarter_span(*quarter_of(found[0]))
    result = []
    span = latest
    while span.first >= first.first and len(result) < 20:
        result.append(span)
        span = span.shifted(-3)
    return result


def _easy_read() -> bool:
    """Easy read unless plain English was asked for: the People's Council asked for easy read."""
    asked = request.args.get("easy_read")
    if asked in ("yes", "no"):
        return asked == "yes"
    return bool(session.get("easy_read", True))


def _team_only() -> None:
    if current_user.role not in TEAM:
        abort(403)


def _summary_page(printable: bool) -> ResponseReturnValue:
    quarter = _quarter()
    return render_template(
        "dashboard/council.html",
        summary=council.council_summary(quarter),
        quarter=quarter,
        quarters=_quarters(),
        easy=_easy_read(),
        printable=printable,
        status_labels=ACTION_STATUS_LABELS,
        is_team=current_user.role in TEAM,
    )


@bp.get("/")
def summary() -> ResponseReturnValue:
    return _summary_page(printable=False)


@bp.get("/print")
def printable() -> ResponseReturnValue:
    return _summary_page(printable=True)


@bp.get("/quotes")
def quotes() -> ResponseReturnValue:
    _team_only()
    quarter = _quarter()
    return render_template(
        "dashboard/council-quotes.html",
        quarter=quarter,
        quarters=_quarters(),
        approved=council.approved_quotes(quarter),
        candidates=council.quote_candidates(quarter),
    )


@bp.route("/quotes/comment/<int:comment_id>", methods=["GET", "POST"])
def approve(comment_id: int) -> ResponseReturnValue:
    _team_only()
    quarter = _quarter()
    comment = get_comment(comment_id) or abort(404)
    form = QuoteForm()
    if request.method == "GET":
        form.text.data = council.shareable_text(comment.text)
    error = None
    if form.validate_on_submit():
        try:
            council.approve_quote(quarter, comment, form.text.data, current_user)
        except council.QuoteError as problem:
            error = str(problem)
            form.text.errors = [error]
        else:
            db.session.commit()
            flash("Quote approved for the People's Council summary")
            return redirect(url_for(".quotes", quarter=quarter.args()["quarter"]))
    return render_template(
        "dashboard/council-quote.html", quarter=quarter, comment=comment, form=form
    ), (400 if form.errors else 200)


@bp.post("/quotes/<int:quote_id>/remove")
def remove(quote_id: int) -> ResponseReturnValue:
    _team_only()
    quote = council.get_quote(quote_id) or abort(404)
    quarter = quote.quarter_start
    council.remove_quote(quote)
    db.session.commit()
    flash("Quote removed")
    year, q = quarter_of(quarter)
    return redirect(url_for(".quotes", quarter=f"{year}-Q{q}"))
