"""The admins' survey window form. It reads what was typed; the rules are in windows.py."""

from __future__ import annotations

from wtforms import DateField, StringField
from wtforms.validators import InputRequired, Length

from feedback.web.forms import BaseForm


class _DayField(DateField):
    """A date with an error message that says what to do."""

    def process_formdata(self, valuelist: list[str]) -> None:
        try:
            super().process_formdata(valuelist)
        except ValueError as error:
            raise ValueError("Enter a real date, for example 6 4 2026") from error


class WindowForm(BaseForm):
    opens_on = _DayField(
        "Opens on",
        description="In January, April or July: the first month of quarter 4, 1 or 2",
        validators=[InputRequired("Enter the date the survey opens")],
    )
    closes_on = _DayField(
        "Closes on (the last day it is open)",
        description="In the same month, at least 14 days after it opens counting both days",
        validators=[InputRequired("Enter the last day the survey is open")],
    )
    name = StringField(
        "Name",
        description="Leave empty to use the quarter, for example Q1 2026/27",
        validators=[Length(max=40, message="Use 40 characters or fewer")],
    )
