from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from ..models.accounts import STAFF_ROLES


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in on this computer")
    submit = SubmitField("Sign in")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    submit = SubmitField("Send reset link")


class SetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10, max=72)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password", "Passwords must match")])
    submit = SubmitField("Save password")


class StaffForm(FlaskForm):
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Email", validators=[DataRequired(), Email()])
    role = SelectField("Role", choices=[(r, r.title()) for r in STAFF_ROLES])
    clinic = SelectField("Clinic", choices=[])
    send_invite = BooleanField("Send invitation e-mail", default=True)
    submit = SubmitField("Save")
