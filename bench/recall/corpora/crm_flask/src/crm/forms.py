from flask_wtf import FlaskForm
from wtforms import (BooleanField, DecimalField, EmailField, PasswordField,
                     SelectField, SelectMultipleField, StringField, TextAreaField)
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional

from .models import Deal
from .services.export_service import EXPORTABLE_COLUMNS


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])


class SetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=12)])
    confirm = PasswordField("Repeat password", validators=[EqualTo("password")])


class AcceptInviteForm(SetPasswordForm):
    name = StringField("Your name", validators=[DataRequired(), Length(max=120)])


class ContactForm(FlaskForm):
    first_name = StringField("First name", validators=[DataRequired(), Length(max=80)])
    last_name = StringField("Last name", validators=[DataRequired(), Length(max=80)])
    email = EmailField("E-mail", validators=[Optional(), Email()])
    phone = StringField("Phone", validators=[Optional(), Length(max=40)])
    company = StringField("Company", validators=[Optional(), Length(max=160)])
    tags = StringField("Tags (comma separated)", validators=[Optional(), Length(max=255)])


class NoteForm(FlaskForm):
    body = TextAreaField("Note", validators=[DataRequired(), Length(max=20000)])


class DealForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    amount = DecimalField("Amount", places=2, validators=[Optional()])
    stage = SelectField("Stage", choices=[(s, s.title()) for s in Deal.STAGES])


class ShareLinkForm(FlaskForm):
    password = PasswordField("Link password", validators=[DataRequired(), Length(min=6)])


class ExportForm(FlaskForm):
    stage = StringField("Stage", validators=[DataRequired()])
    columns = SelectMultipleField("Columns", choices=[(c, c) for c in EXPORTABLE_COLUMNS])


class CampaignForm(FlaskForm):
    name = StringField("Internal name", validators=[DataRequired(), Length(max=160)])
    subject = StringField("Subject", validators=[DataRequired(), Length(max=200)])
    subject_b = StringField("Subject B (optional A/B test)", validators=[Optional(), Length(max=200)])
    audience_tag = StringField("Only contacts tagged", validators=[Optional(), Length(max=80)])
    body_html = TextAreaField("Body", validators=[DataRequired()])


class InviteForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])


class ApiClientForm(FlaskForm):
    name = StringField("Integration name", validators=[DataRequired(), Length(max=120)])
