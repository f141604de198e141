"""The base form every staff form inherits: whitespace stripped, errors listed for the summary."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class BaseForm(FlaskForm):
    class Meta:
        def bind_field(self, form, unbound_field, options):  # type: ignore[no-untyped-def]
            filters = [_strip, *unbound_field.kwargs.get("filters", ())]
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
