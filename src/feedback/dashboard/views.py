from __future__ import annotations

from flask import Blueprint, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import signed_in
from feedback.auth.models import Role
from feedback.metrics.suppression import suppress_one, suppress_parts
from feedback.organisation.services import list_directorates
from feedback.surveys.scoring import FFT_RATINGS, FftScore
from feedback.surveys.services import list_months, summarise_fft_by_directorate
from feedback.web import parse_month

bp = signed_in(Blueprint("staff", __name__, url_prefix="/staff"))

# What each role may open, in the order the header lists it.
_NAVIGATION = [
    ("Feedback summary", "staff.summary", set(Role)),
    ("Responses", "responses.list_months", {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER}),
    (
        "Enter paper forms",
        "responses.enter_paper",
        {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER},
    ),
    ("Ward tablets", "kiosks.list_kiosks", {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER}),
    (
        "Links and posters",
        "locations.list_locations",
        {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER},
    ),
    ("Complaints", "complaints.worklists", {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER}),
    ("Peer review", "peer_review.reviewer_packs", {Role.PEOPLES_COUNCIL}),
    ("Outbox", "outbox.list_messages", {Role.ADMIN, Role.PX_TEAM}),
    ("Comments and themes", "themes.list_comments", {Role.ADMIN, Role.PX_TEAM}),
    ("Priority targets", "targets.register", {Role.ADMIN, Role.PX_TEAM}),
    ("FFT return", "fft_return.show_return", {Role.ADMIN, Role.PX_TEAM}),
    ("Eligible counts and legacy FFT", "imports.index", {Role.ADMIN, Role.PX_TEAM}),
    ("Organisation", "organisation.overview", {Role.ADMIN}),
    ("KO41a lists", "complaints_admin.ko41a_lists", {Role.ADMIN}),
    ("Case views", "complaints_admin.case_views", {Role.ADMIN}),
    ("Users", "users.list_users", {Role.ADMIN}),
    ("API keys", "api_clients.list_clients", {Role.ADMIN}),
    ("Themes framework", "themes_admin.framework", {Role.ADMIN}),
    ("Scheduled jobs", "jobs.list_jobs", {Role.ADMIN}),
]


def navigation_for(role: Role) -> list[dict[str, str]]:
    return [
        {"text": text, "href": url_for(endpoint)}
        for text, endpoint, roles in _NAVIGATION
        if role in roles
    ]


@bp.app_context_processor
def _staff_navigation() -> dict[str, object]:
    if current_user and current_user.is_authenticated:
        return {"staff_navigation": navigation_for(current_user.role)}
    return {"staff_navigation": []}


@bp.get("/")
def home() -> ResponseReturnValue:
    return render_template("dashboard/home.html", links=navigation_for(current_user.role))


@bp.get("/summary")
def summary() -> ResponseReturnValue:
    """Anonymised, easy-read figures that anyone signed in may see, small numbers hidden."""
    months = list_months(None)
    month = parse_month(request.args.get("month")) or (months[0] if months else None)
    by_directorate = summarise_fft_by_directorate(month) if month else {}
    directorates = list_directorates()
    parts = {d.id: by_directorate.get(d.id, FftScore()) for d in directorates}
    trust = FftScore(
        {rating: sum(score.count(rating) for score in parts.values()) for rating in FFT_RATINGS}
    )
    return render_template(
        "dashboard/summary.html",
        months=months,
        month=month,
        trust=suppress_one(trust),
        directorates=[
            (d, shown)
            for d, shown in zip(directorates, suppress_parts(parts, True).values(), strict=True)
        ],
    )
