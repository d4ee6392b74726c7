"""marshmallow schemas for request payloads."""

from marshmallow import EXCLUDE, Schema, fields, post_load, validate

ROLES = ("clerk", "supervisor", "manager", "admin")
MOVEMENT_KINDS = ("receipt", "pick", "adjust", "transfer", "import")


class BaseSchema(Schema):
    class Meta:
        unknown = EXCLUDE


class ItemSchema(BaseSchema):
    id = fields.Int(dump_only=True)
    sku = fields.Str(required=True, validate=validate.Regexp(r"^[A-Z0-9][A-Z0-9\-_.]{1,63}$"))
    name = fields.Str(required=True, validate=validate.Length(min=1, max=200))
    description = fields.Str(load_default=None, allow_none=True)
    notes = fields.Str(load_default=None, allow_none=True)
    category = fields.Str(load_default=None, allow_none=True, validate=validate.Length(max=60))
    unit = fields.Str(load_default="ea", validate=validate.Length(max=16))
    unit_cost = fields.Decimal(load_default=0, places=2, as_string=True)
    warehouse_id = fields.Int(required=True)
    bin = fields.Str(load_default=None, allow_none=True, validate=validate.Length(max=24))
    quantity = fields.Int(load_default=0, validate=validate.Range(min=0))
    reorder_level = fields.Int(load_default=0, validate=validate.Range(min=0))
    archived = fields.Bool(dump_only=True)
    updated_at = fields.DateTime(dump_only=True)

    @post_load
    def normalise_sku(self, data, **kwargs):
        if "sku" in data:
            data["sku"] = data["sku"].upper()
        return data


class ItemUpdateSchema(ItemSchema):
    class Meta:
        unknown = EXCLUDE
        exclude = ("sku", "quantity")


class ItemQuerySchema(BaseSchema):
    q = fields.Str(load_default=None)
    warehouse = fields.Int(load_default=None)
    sort = fields.Str(load_default="sku")
    direction = fields.Str(data_key="dir", load_default="asc", validate=validate.OneOf(["asc", "desc"]))
    limit = fields.Int(load_default=50, validate=validate.Range(min=1, max=500))
    offset = fields.Int(load_default=0, validate=validate.Range(min=0))


class AdjustmentSchema(BaseSchema):
    sku = fields.Str(required=True)
    delta = fields.Int(required=True, validate=validate.Range(min=-100_000, max=100_000))
    kind = fields.Str(load_default="adjust", validate=validate.OneOf(MOVEMENT_KINDS))
    reason = fields.Str(load_default=None, allow_none=True, validate=validate.Length(max=80))


class MovementSchema(BaseSchema):
    id = fields.Int()
    sku = fields.Str()
    warehouse = fields.Str()
    kind = fields.Str()
    quantity = fields.Int()
    reference = fields.Str(allow_none=True)
    created_at = fields.DateTime()


class AsnLineSchema(BaseSchema):
    sku = fields.Str(required=True)
    quantity = fields.Int(required=True, validate=validate.Range(min=1))


class AsnSchema(BaseSchema):
    asn_number = fields.Str(required=True, validate=validate.Length(max=60))
    supplier = fields.Str(required=True)
    warehouse = fields.Str(required=True)
    lines = fields.List(fields.Nested(AsnLineSchema), required=True, validate=validate.Length(min=1))


class InviteSchema(BaseSchema):
    email = fields.Email(required=True)
    full_name = fields.Str(required=True, validate=validate.Length(min=1, max=120))
    role = fields.Str(load_default="clerk", validate=validate.OneOf(ROLES))


class TokenRequestSchema(BaseSchema):
    grant_type = fields.Str(
        required=True, validate=validate.OneOf(["client_credentials", "scanner_passcode", "refresh_token"])
    )
    client_id = fields.Str(load_default=None)
    client_secret = fields.Str(load_default=None, load_only=True)
    badge_number = fields.Str(load_default=None)
    passcode = fields.Str(load_default=None, load_only=True)
    token = fields.Str(load_default=None, load_only=True)
    scope = fields.Str(load_default="")
