from datetime import date

from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError


class ClaimForm(FlaskForm):
    policy_id = SelectField("Policy", coerce=int, validators=[DataRequired()])
    title = StringField("Short summary", validators=[DataRequired(), Length(max=160)])
    incident_date = DateField("When did it happen?", validators=[DataRequired()])
    description = TextAreaField(
        "Tell us what happened",
        validators=[DataRequired(), Length(min=20, max=5000)],
        description="Include where it happened, who was involved and any reference numbers (police, garage).",
    )
    amount_claimed = DecimalField("Estimated cost (£)", places=2, validators=[Optional(), NumberRange(min=0)])

    def validate_incident_date(self, field):
        if field.data and field.data > date.today():
            raise ValidationError("The incident date can't be in the future.")


class MessageForm(FlaskForm):
    body = TextAreaField("Message", validators=[DataRequired(), Length(max=4000)])


class StatusForm(FlaskForm):
    status = SelectField(
        "Status",
        choices=[
            ("submitted", "Submitted"),
            ("in_review", "In review"),
            ("awaiting_info", "Awaiting information"),
            ("settled", "Settled"),
            ("declined", "Declined"),
        ],
    )
