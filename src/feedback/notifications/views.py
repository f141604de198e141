"""The outbox: every email the platform wrote, for staff to read (the embedded provider)."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue

from feedback.auth.access import restricted_to
from feedback.auth.models import Role
from feedback.notifications.gateway import get_message, list_outbox

bp = restricted_to(Blueprint("outbox", __name__, url_prefix="/outbox"), [Role.ADMIN, Role.PX_TEAM])


@bp.get("/")
def list_messages() -> ResponseReturnValue:
    return render_template("notifications/outbox.html", messages=list_outbox())


@bp.get("/<int:message_id>")
def show_message(message_id: int) -> ResponseReturnValue:
    message = get_message(message_id)
    if message is None:
        abort(404)
    return render_template("notifications/message.html", message=message)
