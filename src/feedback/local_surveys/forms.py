"""The staff forms of local surveys."""

from __future__ import annotations

from flask_wtf.file import MultipleFileField
from wtforms.validators import InputRequired

from feedback.web.forms import BaseForm


class PublishForm(BaseForm):
    files = MultipleFileField(
        "Upload the definition and its translations",
        validators=[InputRequired("Choose questionnaire.toml, and any translation files")],
        description="questionnaire.toml, with ur.toml, gu.toml, pa.toml or pl.toml beside it "
        "for its translations. Choose them all at once.",
    )
