import datetime

from flask_wtf import FlaskForm
from wtforms import DateField, DecimalField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional


class HarvestForm(FlaskForm):
    crop = StringField("Crop", validators=[DataRequired(), Length(max=60)])
    weight_kg = DecimalField("Weight (kg)", places=2, validators=[DataRequired(), NumberRange(min=0, max=500)])
    harvested_on = DateField("Date", default=datetime.date.today, validators=[DataRequired()])


class PlotDetailsForm(FlaskForm):
    nickname = StringField("Plot nickname", validators=[Optional(), Length(max=60)])
