"""Each blueprint declares who may use it; one before-request check enforces it."""

from __future__ import annotations

from collections.abc import Iterable

from flask import Blueprint, abort
from flask.typing import ResponseReturnValue
from flask_login import current_user

from feedback.auth.models import Role
from feedback.extensions import login_manager

PUBLIC = "public"


def public(blueprint: Blueprint) -> Blueprint:
    """Mark every route of the blueprint as open to anyone, on purpose."""
    blueprint.access = PUBLIC  # type: ignore[attr-defined]
    return blueprint


def restricted_to(blueprint: Blueprint, roles: Iterable[Role]) -> Blueprint:
    """Require a signed-in user with one of the roles for every route of the blueprint."""
    allowed = frozenset(roles)
    blueprint.access = allowed  # type: ignore[attr-defined]

    @blueprint.before_request
    def _check_role() -> ResponseReturnValue:
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if current_user.role not in allowed:
            abort(403)
        return None

    return blueprint


def signed_in(blueprint: Blueprint) -> Blueprint:
    """Any signed-in user, whatever the role (their own account pages)."""
    return restricted_to(blueprint, Role)
