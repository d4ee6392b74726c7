from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp, ValidationError
from sqlalchemy import func, select

from ..extensions import db
from ..models import User


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")


class RegisterForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email(), Length(max=255)])
    username = StringField(
        "Username",
        validators=[DataRequired(), Length(3, 40), Regexp(r"^[A-Za-z0-9_.]+$", message="Letters, digits, _ and . only")],
    )
    password = PasswordField("Password", validators=[DataRequired(), Length(min=10, max=128)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password", message="Passwords must match")])

    def validate_email(self, field):
        exists = db.session.scalar(select(User.id).where(func.lower(User.email) == field.data.lower()))
        if exists:
            raise ValidationError("That email is already registered.")

    def validate_username(self, field):
        exists = db.session.scalar(select(User.id).where(func.lower(User.username) == field.data.lower()))
        if exists:
            raise ValidationError("That username is taken.")


class EmailOnlyForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10, max=128)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password", message="Passwords must match")])


class ChangePasswordForm(ResetPasswordForm):
    current = PasswordField("Current password", validators=[DataRequired()])


class PhoneForm(FlaskForm):
    phone = StringField("Mobile number", validators=[DataRequired(), Regexp(r"^\+[1-9]\d{7,14}$")])


class PhoneCodeForm(FlaskForm):
    code = StringField("Code", validators=[DataRequired(), Regexp(r"^\d{6}$")])


class ProfileForm(FlaskForm):
    bio = TextAreaField("About you", validators=[Optional(), Length(max=1000)])
    location = StringField("Location", validators=[Optional(), Length(max=120)])
