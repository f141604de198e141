"""The patient experience team's comment pages: find, code, review, and urgent alerts."""

from __future__ import annotations

from dataclasses import replace

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.audit.models import AuditSubject
from feedback.audit.services import Watched, watch
from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.extensions import db
from feedback.organisation.services import list_directorates, list_services
from feedback.themes import services
from feedback.themes.forms import CloseAlertForm, CodingForm, filter_from_args
from feedback.themes.models import SENTIMENT_LABELS, Comment, Sentiment, UrgentAlert
from feedback.themes.sources import STAFF_SOURCES
from feedback.web.pagination import asked_page, pages_of

bp = restricted_to(Blueprint("themes", __name__, url_prefix="/themes"), [Role.ADMIN, Role.PX_TEAM])

SOURCE_LABELS = {
    "fft": "Friends and Family Test",
    "complaint": "Complaint or PALS concern",
    "complaint-satisfaction": "Complaint handling survey",
    "staff-pulse": "Staff pulse survey",
}
FFT_WORDS = {
    1: "Very good",
    2: "Good",
    3: "Neither good nor poor",
    4: "Poor",
    5: "Very poor",
    6: "Don't know",
}
SENTIMENT_TAGS = {
    Sentiment.POSITIVE: "nhsuk-tag--green",
    Sentiment.NEUTRAL: "nhsuk-tag--grey",
    Sentiment.NEGATIVE: "nhsuk-tag--red",
}


@bp.context_processor
def _labels() -> dict[str, object]:
    return {
        "source_labels": SOURCE_LABELS,
        "sentiment_labels": SENTIMENT_LABELS,
        "sentiment_tags": SENTIMENT_TAGS,
        "where_from": services.where_from,
        "fft_label": lambda rating: FFT_WORDS.get(rating, str(rating)),
        "open_alert_count": services.count_open_alerts(),
        "comment_text": comment_text,
    }


def comment_text(comment: Comment) -> str:
    """A comment's words as this user may read them: staff comments whole only for the patient
    experience team, with personal details taken out for anyone else (admins)."""
    if comment.source in STAFF_SOURCES and current_user.role != Role.PX_TEAM:
        return services.shareable_text(comment.text)
    return comment.text


def _filter_context() -> dict[str, object]:
    return {
        "themes_by_group": services.themes_by_group(),
        "service_list": list_services(),
        "directorate_list": list_directorates(),
        "sources": services.source_names(),
        "args": request.args,
    }


def _filters() -> services.CommentFilter:
    return replace(
        filter_from_args(request.args),
        text_search_reads_staff_comments=current_user.role == Role.PX_TEAM,
    )


@bp.get("/")
def list_comments() -> ResponseReturnValue:
    filters = _filters()
    comments, total = services.list_comments(filters, asked_page(request.args))
    pages = pages_of(request.args, total, services.PAGE_SIZE)
    if pages.past_the_end:  # a bookmark kept while the list shrank: its last page
        return redirect(url_for(".list_comments", page=pages.count, **pages.query))
    return render_template(
        "themes/comments.html",
        comments=comments,
        pages=pages,
        **_filter_context(),
    )


@bp.get("/review")
def review_queue() -> ResponseReturnValue:
    filters = _filters()
    return render_template(
        "themes/review.html", comments=services.review_queue(filters), **_filter_context()
    )


def _comment_or_404(comment_id: int) -> Comment:
    return services.get_comment(comment_id) or abort(404)


def _coding_form(comment: Comment) -> CodingForm:
    form = CodingForm()
    form.themes.choices = [(t.id, t.name) for t in services.list_themes()]
    if request.method == "GET":
        form.themes.data = [ct.theme_id for ct in comment.themes]
        form.sentiment.data = comment.sentiment.value if comment.sentiment else None
    return form


def _after(comment: Comment) -> ResponseReturnValue:
    if request.form.get("next") == "queue":
        return redirect(url_for(".review_queue"))
    return redirect(url_for(".show_comment", comment_id=comment.id))


@bp.route("/comments/<int:comment_id>", methods=["GET", "POST"])
def show_comment(comment_id: int) -> ResponseReturnValue:
    comment = _comment_or_404(comment_id)
    form = _coding_form(comment)
    if form.validate_on_submit():
        sentiment = Sentiment(form.sentiment.data) if form.sentiment.data else None
        services.code_comment(comment, form.themes.data or [], sentiment, current_user)
        db.session.commit()
        flash("Coding saved. The next model learns from it.")
        return _after(comment)
    return render_template(
        "themes/comment.html",
        comment=comment,
        form=form,
        groups=services.themes_by_group(),
        chosen=set(form.themes.data or []),
        alert=services.alert_for(comment),
        from_queue=request.args.get("from") == "queue",
    )


@bp.post("/comments/<int:comment_id>/reviewed")
def mark_reviewed(comment_id: int) -> ResponseReturnValue:
    comment = _comment_or_404(comment_id)
    services.mark_reviewed(comment, current_user)
    db.session.commit()
    flash("Marked as reviewed.")
    return _after(comment)


@bp.post("/comments/<int:comment_id>/urgent")
def raise_urgent(comment_id: int) -> ResponseReturnValue:
    comment = _comment_or_404(comment_id)
    alert = services.raise_alert(comment, current_user)
    db.session.commit()
    flash("Raised as urgent. It stays on the urgent list until someone closes it with a note.")
    return redirect(url_for(".show_alert", alert_id=alert.id))


@bp.get("/urgent/")
def urgent_list() -> ResponseReturnValue:
    return render_template(
        "themes/urgent.html", open_alerts=services.open_alerts(), closed=services.closed_alerts()
    )


def _alert_or_404(alert_id: int) -> UrgentAlert:
    return db.session.get(UrgentAlert, alert_id) or abort(404)


@bp.route("/urgent/<int:alert_id>", methods=["GET", "POST"])
def show_alert(alert_id: int) -> ResponseReturnValue:
    alert = _alert_or_404(alert_id)
    form = CloseAlertForm()
    if alert.closed_at is None and form.validate_on_submit():
        services.close_alert(alert, form.note.data, current_user)
        db.session.commit()
        flash("Alert closed with your note.")
        return redirect(url_for(".urgent_list"))
    return render_template("themes/alert.html", alert=alert, form=form)


watch(
    bp,
    {
        "show_comment": Watched(AuditSubject.COMMENT, "comment_id", "Comment page or its coding"),
        "mark_reviewed": Watched(AuditSubject.COMMENT, "comment_id", "Marked as reviewed"),
        "raise_urgent": Watched(AuditSubject.COMMENT, "comment_id", "Raised as urgent"),
        "show_alert": Watched(
            AuditSubject.URGENT_ALERT, "alert_id", "Urgent comment, or closed it"
        ),
    },
)
