from __future__ import annotations

from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from feedback.web.forms import BaseForm


class KioskForm(BaseForm):
    location_id = SelectField("Ward, unit or team", coerce=int)
    label = StringField(
        "Name of this tablet",
        description="So you can tell tablets apart later, for example 'Day room tablet'",
        validators=[DataRequired("Enter a name for the tablet"), Length(max=100)],
    )
