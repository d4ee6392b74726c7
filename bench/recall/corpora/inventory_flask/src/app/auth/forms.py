from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from app.models import Role


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")
    submit = SubmitField("Sign in")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    submit = SubmitField("Send reset code")


class ResetPasswordForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    code = StringField("Reset code", validators=[DataRequired(), Length(min=6, max=16)])
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password")])
    submit = SubmitField("Set password")


class InviteForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    role = SelectField("Role", choices=[(r, r.title()) for r in Role.ALL if r != Role.ADMIN])
    submit = SubmitField("Send invite")


class AcceptInviteForm(FlaskForm):
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=10)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password")])
    submit = SubmitField("Create account")
