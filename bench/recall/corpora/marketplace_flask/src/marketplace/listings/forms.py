from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import DecimalField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional


class ListingForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(3, 120)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=5000)])
    price = DecimalField("Price (€)", places=2, validators=[DataRequired(), NumberRange(min=0, max=100000)])
    category_id = SelectField("Category", coerce=int, validators=[Optional()])
    condition = SelectField(
        "Condition",
        choices=[("new", "New"), ("like_new", "Like new"), ("used", "Used"), ("for_parts", "For parts")],
    )
    image = FileField("Photo", validators=[FileAllowed(["jpg", "jpeg", "png", "webp"], "Images only")])


class SavedSearchForm(FlaskForm):
    query = StringField("Search", validators=[DataRequired(), Length(2, 200)])


class HandoverForm(FlaskForm):
    token = StringField("Handover code", validators=[DataRequired(), Length(32, 64)])
