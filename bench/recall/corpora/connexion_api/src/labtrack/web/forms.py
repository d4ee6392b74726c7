from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp

from labtrack.models import SAMPLE_STATUSES


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email(), Length(max=255)])
    password = PasswordField("Password", validators=[DataRequired(), Length(max=128)])
    remember = BooleanField("Keep me signed in on this device")


class SampleNotesForm(FlaskForm):
    notes = TextAreaField("Bench notes", validators=[Optional(), Length(max=4000)])
    status = SelectField("Status", choices=[(s, s.replace("_", " ").title()) for s in SAMPLE_STATUSES])


class KioskUnlockForm(FlaskForm):
    email = EmailField("Staff e-mail", validators=[DataRequired(), Email()])
    pin = PasswordField("PIN", validators=[DataRequired(), Regexp(r"^\d{6}$", message="Six digits")])

