from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional


class LoginForm(FlaskForm):
    email = StringField("E-mail", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")
    submit = SubmitField("Sign in")


class ResetRequestForm(FlaskForm):
    email = StringField("E-mail", validators=[DataRequired(), Email()])
    submit = SubmitField("Send reset link")


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password")])
    submit = SubmitField("Change password")


class VehicleStatusForm(FlaskForm):
    status = SelectField(
        "Status",
        choices=[("available", "Available"), ("in_service", "In service"),
                 ("maintenance", "Maintenance"), ("retired", "Retired")],
    )
    status_note = StringField("Note", validators=[Optional(), Length(max=255)])
    submit = SubmitField("Update")


class TicketCloseForm(FlaskForm):
    workshop_notes = TextAreaField("Workshop notes", validators=[Optional(), Length(max=5000)])
    submit = SubmitField("Close ticket")
