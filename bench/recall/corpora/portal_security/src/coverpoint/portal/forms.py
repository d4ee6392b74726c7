from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, TelField, TextAreaField
from wtforms.validators import DataRequired, Length, Regexp

from ..models import ContactPreference

UK_PHONE = Regexp(r"^(\+44\s?7\d{3}|\(?07\d{3}\)?)\s?\d{3}\s?\d{3}$|^0\d{9,10}$", message="Enter a UK phone number")

CALLBACK_SLOTS = [
    ("asap", "As soon as possible"),
    ("morning", "Morning (9am – 12pm)"),
    ("afternoon", "Afternoon (12pm – 5pm)"),
    ("evening", "Evening (5pm – 8pm)"),
]


class CallbackForm(FlaskForm):
    phone = TelField("Phone number", validators=[DataRequired(), UK_PHONE])
    preferred_time = SelectField("When should we call?", choices=CALLBACK_SLOTS, default="asap")
    reason = TextAreaField("What's it about?", validators=[Length(max=500)])


class PreferencesForm(FlaskForm):
    contact_preference = SelectField(
        "Preferred contact method",
        choices=[(p.value, p.value.capitalize()) for p in ContactPreference],
    )
    marketing_opt_in = BooleanField("Send me renewal reminders and offers")
    theme = SelectField("Theme", choices=[("light", "Light"), ("dark", "Dark"), ("system", "Match my device")])


class PolicyLookupForm(FlaskForm):
    policy_number = StringField("Policy number", validators=[DataRequired(), Length(max=32)])
