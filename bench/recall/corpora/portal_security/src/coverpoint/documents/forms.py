from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, FileSize
from wtforms import EmailField, IntegerField, PasswordField, SelectField
from wtforms.validators import DataRequired, Email, NumberRange, Optional

CATEGORIES = [
    ("proof_of_ncd", "Proof of no-claims discount"),
    ("licence", "Driving licence"),
    ("valuation", "Valuation / receipt"),
    ("photos", "Photos"),
    ("correspondence", "Correspondence"),
    ("other", "Other"),
]


class UploadForm(FlaskForm):
    file = FileField("File", validators=[FileRequired(), FileSize(max_size=16 * 1024 * 1024)])
    category = SelectField("Category", choices=CATEGORIES, default="other")
    policy_id = SelectField("Related policy", coerce=int, validators=[Optional()])


class ShareForm(FlaskForm):
    recipient_email = EmailField("Recipient e-mail", validators=[DataRequired(), Email()])
    password = PasswordField("Password (optional)", validators=[Optional()])
    days = IntegerField("Valid for (days)", default=7, validators=[NumberRange(min=1, max=30)])


class ShareAccessForm(FlaskForm):
    password = PasswordField("Password", validators=[DataRequired()])
