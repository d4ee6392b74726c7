from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

REPORT_TYPES = [("low_stock", "Low stock"), ("valuation", "Stock valuation"), ("movements", "Movements (24h)")]


class ScheduleForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    report_type = SelectField("Report", choices=REPORT_TYPES)
    warehouse_id = SelectField("Warehouse", coerce=int)
    frequency = SelectField("Frequency", choices=[("daily", "Daily"), ("weekly", "Weekly")])
    recipients = StringField("Recipients (comma separated)", validators=[DataRequired()])
    submit = SubmitField("Add schedule")
