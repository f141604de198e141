from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.dashboard.warnings import count_open_warnings
from feedback.themes.services import count_open_alerts

# Every role but peer interviewers: they are not staff, and their sign-in lands on their own
# page (prom.peer_views), the only one they may use.
bp = restricted_to(
    Blueprint("staff", __name__, url_prefix="/staff"),
    [role for role in Role if role != Role.PEER_INTERVIEWER],
)

# What each role may open, in the order the header lists it.
_NAVIGATION = [
    ("Dashboard", "dashboard.home", {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER}),
    ("Early warnings", "dashboard_warnings.list_warnings", {Role.ADMIN, Role.PX_TEAM}),
    (
        "People's Council summary",
        "council.summary",
        {Role.ADMIN, Role.PX_TEAM, Role.PEOPLES_COUNCIL},
    ),
    ("You said, we did", "actions.list_actions", {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER}),
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
    (
        "Staff pulse survey",
        "staff_survey_results.results",
        {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER},
    ),
    ("Peer review", "peer_review.reviewer_packs", {Role.PEOPLES_COUNCIL}),
    (
        "Care plan questionnaires",
        "prom_offers.list_offers",
        {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER},
    ),
    ("Care plan figures", "prom_figures.figures", {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER}),
    ("Your wards", "peer.home", {Role.PEER_INTERVIEWER}),
    ("Outbox", "outbox.list_messages", {Role.ADMIN, Role.PX_TEAM}),
    ("Texts", "sms.outbox", {Role.ADMIN, Role.PX_TEAM}),
    ("Local surveys", "local_surveys.overview", {Role.ADMIN, Role.PX_TEAM}),
    (
        "Questionnaire results",
        "local_results.index",
        {Role.ADMIN, Role.PX_TEAM, Role.SERVICE_MANAGER},
    ),
    ("Comments and themes", "themes.list_comments", {Role.ADMIN, Role.PX_TEAM}),
    ("Priority targets", "targets.register", {Role.ADMIN, Role.PX_TEAM}),
    ("FFT return", "fft_return.show_return", {Role.ADMIN, Role.PX_TEAM}),
    ("Eligible counts and legacy FFT", "imports.index", {Role.ADMIN, Role.PX_TEAM}),
    ("Organisation", "organisation.overview", {Role.ADMIN}),
    ("KO41a lists", "complaints_admin.ko41a_lists", {Role.ADMIN}),
    ("Audit trail", "audit.list_events", {Role.ADMIN}),
    ("Retention", "retention.overview", {Role.ADMIN}),
    ("Users", "users.list_users", {Role.ADMIN}),
    ("Peer interviewers", "prom_peers.list_peers", {Role.ADMIN}),
    ("API keys", "api_clients.list_clients", {Role.ADMIN}),
    ("Themes framework", "themes_admin.framework", {Role.ADMIN}),
    ("Scheduled jobs", "jobs.list_jobs", {Role.ADMIN}),
    ("Staff survey windows", "staff_survey_admin.list_windows", {Role.ADMIN}),
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
    """The links a role may use; for the team, what is waiting for someone to act on it."""
    attention = None
    if current_user.role in (Role.ADMIN, Role.PX_TEAM):
        attention = {
            "urgent": count_open_alerts(),
            "warnings": count_open_warnings(),
        }
    return render_template(
        "dashboard/home.html", links=navigation_for(current_user.role), attention=attention
    )


@bp.get("/summary")
def summary() -> ResponseReturnValue:
    """The old address of the summary: the People's Council's quarterly summary now, and a
    service manager's own dashboard (a directorate's figures beside their own service's would
    give away the small numbers of the services they do not manage)."""
    if current_user.role == Role.SERVICE_MANAGER:
        return redirect(url_for("dashboard.home"))
    return redirect(url_for("council.summary"))
