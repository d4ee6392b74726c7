from flask_security import RegisterForm
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

SECTIONS = [
    ("tennis", "Tennis"),
    ("rowing", "Rowing"),
    ("athletics", "Athletics"),
    ("juniors", "Juniors"),
]


class ExtendedRegisterForm(RegisterForm):
    first_name = StringField("First name", validators=[DataRequired(), Length(max=80)])
    last_name = StringField("Last name", validators=[DataRequired(), Length(max=80)])
    section = SelectField("Section", choices=SECTIONS)


class ProfileForm(FlaskForm):
    first_name = StringField("First name", validators=[DataRequired(), Length(max=80)])
    last_name = StringField("Last name", validators=[DataRequired(), Length(max=80)])
    phone = StringField("Phone", validators=[Optional(), Length(max=40)])
    bio = TextAreaField("About you", validators=[Optional(), Length(max=2000)])


class EventForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=160)])
    section = SelectField("Section", choices=[("", "Whole club")] + SECTIONS, validators=[Optional()])
    location = StringField("Location", validators=[Optional(), Length(max=160)])
    description = TextAreaField("Description", validators=[Optional()])
    starts_at = DateTimeLocalField("Starts", format="%Y-%m-%dT%H:%M", validators=[DataRequired()])
    ends_at = DateTimeLocalField("Ends", format="%Y-%m-%dT%H:%M", validators=[Optional()])
    capacity = IntegerField("Capacity", validators=[Optional(), NumberRange(min=1)])
    guest_passes_allowed = IntegerField("Guest passes per member", default=0, validators=[NumberRange(min=0, max=5)])
    published = BooleanField("Published")


class RsvpForm(FlaskForm):
    """Empty form: only carries the CSRF token for the RSVP buttons."""


class GuestPassForm(FlaskForm):
    guest_name = StringField("Guest name", validators=[DataRequired(), Length(max=120)])
    guest_email = EmailField("Guest e-mail", validators=[DataRequired(), Email()])


class ContactForm(FlaskForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    message = TextAreaField("Message", validators=[DataRequired(), Length(max=4000)])


class CheckoutForm(FlaskForm):
    tier = SelectField("Membership", choices=[("adult", "Adult"), ("junior", "Junior")])
