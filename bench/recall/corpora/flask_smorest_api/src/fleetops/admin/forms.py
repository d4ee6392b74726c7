from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Email, Length, Regexp


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")


class KioskLoginForm(FlaskForm):
    badge_number = StringField("Badge", validators=[DataRequired(), Length(max=16)])
    pin = PasswordField("PIN", validators=[DataRequired(), Regexp(r"^\d{4}$")])


class WorkOrderNoteForm(FlaskForm):
    notes = TextAreaField("Notes", validators=[DataRequired(), Length(max=4000)])
    status = SelectField(
        "Status",
        choices=[("open", "Open"), ("in_progress", "In progress"), ("waiting_parts", "Waiting parts"),
                 ("closed", "Closed")],
    )


class InviteForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(), Email()])
    role = SelectField("Role", choices=[("technician", "Technician"), ("workshop_manager", "Manager")])
