"""The staff forms of the eligible count and legacy FFT imports."""

from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import HiddenField
from wtforms.validators import DataRequired

from feedback.web.forms import BaseForm


class UploadForm(BaseForm):
    file = FileField("Upload a CSV file", validators=[FileRequired("Choose a CSV file to upload")])


class ConfirmForm(BaseForm):
    # The checked file's text comes back from the preview and is checked again before saving.
    csv_text = HiddenField(validators=[DataRequired("Upload the file again")])
