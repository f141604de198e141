"""The base form every staff form inherits: whitespace and invisible control characters taken
out of typed text, errors listed for the summary."""

from __future__ import annotations

import re
from typing import Any

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, StringField

# C0 and C1 controls but tab and line breaks. Nobody types them on purpose (they come pasted
# from other systems) and they are invisible, but PostgreSQL refuses a NUL and an .xlsx (XML)
# cannot hold them: a ward name with an escape in it broke its Excel download.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _without_controls(value: Any) -> Any:
    return _CONTROLS.sub("", value) if isinstance(value, str) else value


def _is_typed_text(field_class: type) -> bool:
    # A password is checked as typed; a hidden field carries a token or a whole file, which
    # its own checks judge (an upload with control characters is refused as not a text file).
    return issubclass(field_class, StringField) and not issubclass(
        field_class, (PasswordField, HiddenField)
    )


class BaseForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):  # type: ignore[no-untyped-def]
            cleaning = [_without_controls] if _is_typed_text(unbound_field.field_class) else []
            filters = [*cleaning, _strip, *unbound_field.kwargs.get("filters", ())]
            return unbound_field.bind(form=form, filters=filters, **options)

    def error_list(self) -> list[dict[str, str]]:
        """Errors in field order, in the shape the NHS.UK error summary takes."""
        # Errors about the form as a whole (a change the service refused) come first.
        form_level = [
            {"text": str(message), "href": "#maincontent"} for message in self.form_errors
        ]
        return form_level + [
            {"text": str(messages[0]), "href": f"#{field.id}"}
            for field in self
            if (messages := field.errors) and field.type != "CSRFTokenField"
        ]
