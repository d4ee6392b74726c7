from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length

TEAMS = [
    ("emea-sales", "EMEA Sales"),
    ("na-sales", "North America Sales"),
    ("apac-sales", "APAC Sales"),
    ("finance", "Finance"),
    ("revops", "Revenue Operations"),
]


class LoginForm(FlaskForm):
    email = EmailField("Work e-mail", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("Work e-mail", validators=[DataRequired(), Email()])


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=12, max=128)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password")])


class RequestAccessForm(FlaskForm):
    full_name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("Work e-mail", validators=[DataRequired(), Email()])
    team = SelectField("Team", choices=TEAMS)
    password = PasswordField("Password", validators=[DataRequired(), Length(min=12, max=128)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password")])
