from flask import current_app
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, ValidationError


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Remember this device")


class _PasswordLength:
    def __call__(self, form, field):
        minimum = current_app.config["PASSWORD_MIN_LENGTH"]
        if len(field.data or "") < minimum:
            raise ValidationError(f"Use at least {minimum} characters.")


class ApplicationForm(FlaskForm):
    site = SelectField("Garden", coerce=int, validators=[DataRequired()])
    display_name = StringField("Your name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    phone = StringField("Phone", validators=[Optional(), Length(max=20)])
    reason = TextAreaField("What would you like to grow?", validators=[Optional(), Length(max=2000)])
    password = PasswordField("Choose a password", validators=[DataRequired(), _PasswordLength()])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password")])


class ForgotPasswordForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])


class ResetPasswordForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    code = StringField("Code from the e-mail", validators=[DataRequired(), Length(min=6, max=6)])
    password = PasswordField("New password", validators=[DataRequired(), _PasswordLength()])


class AcceptInviteForm(FlaskForm):
    display_name = StringField("Your name", validators=[DataRequired(), Length(max=80)])
    password = PasswordField("Choose a password", validators=[DataRequired(), _PasswordLength()])
