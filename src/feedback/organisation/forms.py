from __future__ import annotations

from wtforms import SelectField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, Regexp

from feedback.organisation.models import CareSetting, LocationKind
from feedback.web.forms import BaseForm

# A code starts with a letter or number: one starting "-" would be read as a formula by a
# spreadsheet, so every export and the national return would have to change it.
CODE_RULE = Regexp(
    r"^[A-Za-z0-9][A-Za-z0-9-]{1,19}$",
    message="Use 2 to 20 letters, numbers or hyphens, starting with a letter or number",
)
KIND_LABELS = {
    LocationKind.WARD: "Ward",
    LocationKind.UNIT: "Unit",
    LocationKind.COMMUNITY_TEAM: "Community team",
}
SETTING_LABELS = {
    CareSetting.INPATIENT: "Inpatient",
    CareSetting.COMMUNITY: "Community",
    CareSetting.MENTAL_HEALTH: "Mental health",
}


class ServiceForm(BaseForm):
    name = StringField(
        "Service name", validators=[DataRequired("Enter the service name"), Length(max=200)]
    )
    code = StringField(
        "Service code",
        description="A short code that never changes, for example AMH-ACUTE",
        validators=[DataRequired("Enter a service code"), CODE_RULE],
    )
    directorate_id = SelectField(
        "Directorate",
        coerce=int,
        description="Moving a service counts it under its new directorate from the start of "
        "this month; earlier months stay with the directorate it was in then.",
    )


class EditServiceForm(ServiceForm):
    code = None  # a code never changes once feedback refers to it


class LocationForm(BaseForm):
    name = StringField(
        "Name",
        validators=[DataRequired("Enter the name of the ward, unit or team"), Length(max=200)],
    )
    code = StringField(
        "Location code",
        description="Used in the feedback link and QR code, for example BRAD-ASH",
        validators=[DataRequired("Enter a location code"), CODE_RULE],
    )
    service_id = SelectField("Service", coerce=int)
    kind = SelectField(
        "Type", choices=[SelectChoice(k.value, label) for k, label in KIND_LABELS.items()]
    )
    setting = SelectField(
        "Care setting",
        description="NHS England's FFT setting: the monthly return is made for each",
        choices=[SelectChoice(s.value, label) for s, label in SETTING_LABELS.items()],
    )
    site_code = StringField(
        "Site code",
        description="The ODS site code NHS England's monthly return gives inpatient wards, "
        "for example RT5BG",
        validators=[Optional(), Length(max=20)],
    )
    return_grouping = StringField(
        "NHS England service grouping",
        description="Mental health and community teams are reported together under this name "
        "in the monthly return, for example District nursing. Leave empty to use the service.",
        validators=[Optional(), Length(max=100)],
    )


class EditLocationForm(LocationForm):
    code = None
