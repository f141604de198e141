from __future__ import annotations

from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from feedback.targets.models import Direction, Level
from feedback.web.forms import BaseForm


class TargetForm(BaseForm):
    name = StringField(
        "Name", validators=[DataRequired("Enter the target's name"), Length(max=200)]
    )
    owner = StringField(
        "Owner",
        description="The role or person accountable for this target.",
        validators=[DataRequired("Enter who owns this target"), Length(max=200)],
    )
    level = SelectField(
        "Judged for each",
        choices=[SelectChoice(v.value, v.value.capitalize()) for v in Level],
        validators=[DataRequired("Choose the level")],
    )
    period = SelectField(
        "Period",
        choices=[SelectChoice("month", "Month"), SelectChoice("quarter", "Quarter")],
        validators=[DataRequired("Choose the period")],
    )
    direction = SelectField(
        "Green when the figure is",
        choices=[
            SelectChoice(Direction.AT_LEAST.value, "At least the goal"),
            SelectChoice(Direction.AT_MOST.value, "At most the goal"),
        ],
        validators=[DataRequired("Choose a direction")],
    )
    goal_percent = IntegerField(
        "Goal (per cent)",
        validators=[
            InputRequired("Enter the goal as a whole number of per cent"),
            NumberRange(0, 1000, "Enter a goal between 0 and 1000"),
        ],
    )
    amber_points = IntegerField(
        "Amber band (percentage points)",
        description="Within this many points on the wrong side of the goal shows amber, not red.",
        validators=[
            InputRequired("Enter the amber band"),
            NumberRange(0, 100, "Enter an amber band between 0 and 100"),
        ],
    )
    minimum_count = IntegerField(
        "Least data to give a colour",
        description="With fewer cases, responses or eligible people than this, a period shows "
        "'too little data' instead of a colour.",
        validators=[
            InputRequired("Enter the least data needed"),
            NumberRange(1, 100000, "Enter a number from 1"),
        ],
    )
    baseline_year = IntegerField(
        "Baseline financial year (starting April of)",
        description="For example 2019 for 2019/20. Used by clinical complaints and trajectories.",
        validators=[Optional(), NumberRange(2000, 2100, "Enter a year such as 2019")],
    )
    trajectory_start = DateField(
        "Trajectory starts",
        description="Leave both trajectory dates empty for a fixed goal.",
        validators=[Optional()],
    )
    goal_by = DateField("Goal reached by", validators=[Optional()])
    notes = TextAreaField("Notes", validators=[Optional(), Length(max=2000)])
    is_active = SelectField(
        "State",
        choices=[SelectChoice("yes", "In use"), SelectChoice("no", "Not in use")],
        validators=[DataRequired("Choose whether the target is in use")],
    )

    def validate(self, extra_validators=None) -> bool:  # type: ignore[no-untyped-def]
        valid = super().validate(extra_validators)
        # Checked here, not on the field: an empty optional date stops its field's validators.
        start, end = self.trajectory_start.data, self.goal_by.data
        if (start is None) != (end is None) and not self.goal_by.errors:
            self.goal_by.errors = [*self.goal_by.errors, "Enter both trajectory dates, or neither"]
            return False
        if start and end and end <= start:
            self.goal_by.errors = [
                *self.goal_by.errors,
                "The goal must be after the trajectory starts",
            ]
            return False
        return valid


class BaselineForm(BaseForm):
    unit_id = SelectField("Unit", coerce=int, validators=[InputRequired("Choose the unit")])
    percent = IntegerField(
        "Baseline (per cent)",
        description="Leave empty to go back to the baseline computed from stored data.",
        validators=[Optional(), NumberRange(0, 100, "Enter a baseline between 0 and 100")],
    )
