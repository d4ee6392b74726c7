from flask_wtf import FlaskForm
from wtforms import (
    DecimalField,
    IntegerField,
    PasswordField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp


class ItemForm(FlaskForm):
    sku = StringField("SKU", validators=[DataRequired(), Length(max=40)])
    barcode = StringField("Barcode", validators=[Optional(), Length(max=64)])
    name = StringField("Name", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description (Markdown)", validators=[Optional()])
    notes = TextAreaField("Internal notes", validators=[Optional()])
    unit = SelectField("Unit", choices=[("ea", "each"), ("box", "box"), ("kg", "kg"), ("m", "metre"), ("pal", "pallet")])
    unit_cost = DecimalField("Unit cost", places=2, validators=[Optional(), NumberRange(min=0)])
    reorder_point = IntegerField("Reorder point", validators=[Optional(), NumberRange(min=0)])
    supplier_id = SelectField("Supplier", coerce=int, validators=[Optional()])
    submit = SubmitField("Save")


class WarehouseForm(FlaskForm):
    code = StringField("Code", validators=[DataRequired(), Length(max=20)])
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    address = TextAreaField("Address", validators=[Optional()])
    manager_email = StringField("Manager email", validators=[Optional(), Length(max=255)])
    submit = SubmitField("Save")


class OperatorForm(FlaskForm):
    badge_number = StringField("Badge number", validators=[DataRequired(), Length(max=20)])
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    pin = PasswordField("PIN", validators=[DataRequired(), Regexp(r"^\d{4,8}$", message="4 to 8 digits")])
    warehouse_id = SelectField("Warehouse", coerce=int)
    submit = SubmitField("Add operator")


class PairDeviceForm(FlaskForm):
    label = StringField("Device label", validators=[DataRequired(), Length(max=60)])
    warehouse_id = SelectField("Warehouse", coerce=int)
    submit = SubmitField("Generate pairing code")


class AdjustForm(FlaskForm):
    warehouse_id = SelectField("Warehouse", coerce=int)
    delta = IntegerField("Change", validators=[DataRequired()])
    reason = StringField("Reason", validators=[Optional(), Length(max=255)])
    submit = SubmitField("Apply")
