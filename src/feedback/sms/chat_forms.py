"""The chat-style form: one reply, checked on the server in the person's language."""

from __future__ import annotations

import re
import secrets

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, TextAreaField
from wtforms.validators import DataRequired

from feedback.surveys.fields import CharacterLimit
from feedback.surveys.text import clean_free_text
from feedback.web.forms import BaseForm

# Characters (code points), not bytes or UTF-16 units: the same limit as the staff test phone.
LONGEST_REPLY = 2_000
REPLY_REQUIRED = _l("Write your reply in the box")
_KEY = re.compile(r"[A-Za-z0-9_-]{16,40}")


def new_key() -> str:
    """A key for one rendering of the form: a double tap or a retry sends the same one."""
    return secrets.token_urlsafe(16)


def _clean(value: str | None) -> str:
    return clean_free_text(value) if value else ""


class ReplyForm(BaseForm):
    reply = TextAreaField(
        filters=[_clean],
        validators=[DataRequired(REPLY_REQUIRED), CharacterLimit(LONGEST_REPLY)],
    )
    # A key we could not have made is replaced: it goes back into the page on an error, and
    # one with control characters in it would make the page invalid.
    key = HiddenField(filters=[lambda value: value if _is_key(value) else new_key()])

    def idempotency_key(self) -> str | None:
        """The posted key if it is one we could have made, else None (the view makes one)."""
        key = (self.key.data or "").strip()
        return key if _is_key(key) else None


def _is_key(value: object) -> bool:
    return isinstance(value, str) and _KEY.fullmatch(value.strip()) is not None
