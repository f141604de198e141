from __future__ import annotations

from flask import Blueprint, render_template, url_for
from flask_login import current_user

from feedback.auth.access import signed_in
from feedback.auth.models import Role

bp = signed_in(Blueprint("staff", __name__, url_prefix="/staff"))

# What each role may open, in the order the header lists it.
_NAVIGATION = [
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
    ("Organisation", "organisation.overview", {Role.ADMIN}),
    ("Users", "users.list_users", {Role.ADMIN}),
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
def home():  # type: ignore[no-untyped-def]
    return render_template("dashboard/home.html", links=navigation_for(current_user.role))
