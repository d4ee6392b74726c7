from flask_appbuilder.fieldwidgets import (
    BS3PasswordFieldWidget,
    BS3TextFieldWidget,
    Select2Widget,
)
from flask_appbuilder.forms import DynamicForm
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp

from .models.shipment import SHIPMENT_STATUSES


class ForgotPasswordForm(DynamicForm):
    email = StringField(
        "E-mail",
        validators=[DataRequired(), Email()],
        widget=BS3TextFieldWidget(),
    )


class ResetPasswordForm(DynamicForm):
    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(min=12, max=128)],
        widget=BS3PasswordFieldWidget(),
    )
    confirm = PasswordField(
        "Repeat password",
        validators=[DataRequired(), EqualTo("password", message="Passwords must match")],
        widget=BS3PasswordFieldWidget(),
    )


class DriverAppPasswordForm(DynamicForm):
    app_username = StringField(
        "App username",
        validators=[DataRequired(), Regexp(r"^[a-z0-9._-]{3,64}$")],
        widget=BS3TextFieldWidget(),
    )
    password = PasswordField(
        "App password",
        validators=[DataRequired(), Length(min=10, max=128)],
        widget=BS3PasswordFieldWidget(),
    )


class SavedFilterForm(DynamicForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=80)], widget=BS3TextFieldWidget())
    status = SelectField(
        "Status",
        choices=[("", "Any")] + [(s, s.replace("_", " ")) for s in SHIPMENT_STATUSES],
        validators=[Optional()],
        widget=Select2Widget(),
    )
    depot_code = StringField("Depot code", validators=[Optional(), Length(max=8)], widget=BS3TextFieldWidget())
    carrier_slug = StringField("Carrier", validators=[Optional(), Length(max=40)], widget=BS3TextFieldWidget())
    postcode = StringField("Postcode", validators=[Optional(), Length(max=12)], widget=BS3TextFieldWidget())
    shared = BooleanField("Share with my depot")
