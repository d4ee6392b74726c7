from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DecimalField,
    EmailField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    DataRequired,
    Email,
    EqualTo,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)


class LoginForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    password = PasswordField("Password", validators=[DataRequired()])
    remember = BooleanField("Keep me signed in")
    submit = SubmitField("Sign in")


class RegistrationForm(FlaskForm):
    name = StringField("Full name", validators=[DataRequired(), Length(max=120)])
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    organisation = StringField("Organisation", validators=[Optional(), Length(max=200)])
    password = PasswordField("Password", validators=[DataRequired(), Length(min=10, max=128)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password")])
    accept_terms = BooleanField("I accept the programme terms", validators=[DataRequired()])
    submit = SubmitField("Create account")

    def validate_password(self, field):
        if field.data and field.data.lower() in (self.email.data or "").lower():
            raise ValidationError("Your password must not contain your e-mail address.")


class ForgotPasswordForm(FlaskForm):
    email = EmailField("E-mail", validators=[DataRequired(), Email()])
    submit = SubmitField("Send reset link")


class ResetPasswordForm(FlaskForm):
    password = PasswordField("New password", validators=[DataRequired(), Length(min=10, max=128)])
    confirm = PasswordField("Repeat password", validators=[DataRequired(), EqualTo("password")])
    submit = SubmitField("Set new password")


class ApplicationForm(FlaskForm):
    round_id = SelectField("Funding round", coerce=int, validators=[DataRequired()])
    title = StringField("Project title", validators=[DataRequired(), Length(min=3, max=200)])
    summary = TextAreaField("Short summary", validators=[Length(max=2000)])
    description = TextAreaField("Project description (Markdown)")
    requested_amount = DecimalField(
        "Requested amount (EUR)", places=2, validators=[DataRequired(), NumberRange(min=0)]
    )
    submit = SubmitField("Save draft")


class InviteForm(FlaskForm):
    email = EmailField("Collaborator e-mail", validators=[DataRequired(), Email()])
    submit = SubmitField("Send invitation")


class ReviewForm(FlaskForm):
    score = IntegerField("Score (1-10)", validators=[Optional(), NumberRange(min=1, max=10)])
    comment = TextAreaField("Comments for the panel", validators=[Length(max=5000)])
    conflict_of_interest = BooleanField("I have a conflict of interest")
    submit = SubmitField("Save review")


class ExportForm(FlaskForm):
    order_by = StringField("Order by", default="avg_score DESC")
    submit = SubmitField("Export CSV")


class ApiKeyForm(FlaskForm):
    label = StringField("Label", validators=[DataRequired(), Length(max=80)])
    submit = SubmitField("Create key")
