from marshmallow import Schema, ValidationError, fields, validate, validates

from app.extensions import ma
from app.models import Item, MovementType, StockLevel, StockMovement, Warehouse


class WarehouseSchema(ma.SQLAlchemySchema):
    class Meta:
        model = Warehouse

    id = ma.auto_field()
    code = ma.auto_field()
    name = ma.auto_field()


class StockLevelSchema(ma.SQLAlchemySchema):
    class Meta:
        model = StockLevel

    warehouse_id = ma.auto_field()
    quantity = ma.auto_field()
    location = fields.Function(lambda obj: obj.location.code if obj.location else None)
    counted_at = ma.auto_field()


class ItemSchema(ma.SQLAlchemySchema):
    class Meta:
        model = Item

    id = ma.auto_field()
    sku = ma.auto_field()
    barcode = ma.auto_field()
    name = ma.auto_field()
    unit = ma.auto_field()
    reorder_point = ma.auto_field()
    on_hand = fields.Integer(dump_only=True)
    levels = fields.List(fields.Nested(StockLevelSchema), dump_only=True)


class MovementSchema(ma.SQLAlchemySchema):
    class Meta:
        model = StockMovement

    id = ma.auto_field()
    movement_type = ma.auto_field()
    quantity = ma.auto_field()
    reference = ma.auto_field()
    created_at = ma.auto_field()
    sku = fields.Function(lambda obj: obj.item.sku)
    location = fields.Function(lambda obj: obj.location.code if obj.location else None)


class TokenRequestSchema(Schema):
    badge_number = fields.String(required=True, validate=validate.Length(min=1, max=20))
    pin = fields.String(required=True, load_only=True, validate=validate.Length(min=4, max=8))


class DeviceActivationSchema(Schema):
    pairing_code = fields.String(required=True)
    serial = fields.String(required=True, validate=validate.Length(max=60))


class MovementCreateSchema(Schema):
    barcode = fields.String(required=True)
    quantity = fields.Integer(required=True)
    movement_type = fields.String(required=True, validate=validate.OneOf(MovementType.ALL))
    location = fields.String(load_default=None)
    reference = fields.String(load_default=None, validate=validate.Length(max=80))

    @validates("quantity")
    def _non_zero(self, value, **kwargs):
        if value == 0:
            raise ValidationError("quantity must not be zero")


class ErpItemSchema(Schema):
    sku = fields.String(required=True)
    name = fields.String(required=True)
    barcode = fields.String(load_default=None)
    unit = fields.String(load_default="ea")
    unit_cost = fields.Decimal(load_default=None, as_string=True)
    reorder_point = fields.Integer(load_default=None)


warehouse_schema = WarehouseSchema()
item_schema = ItemSchema()
items_schema = ItemSchema(many=True)
movement_schema = MovementSchema()
movements_schema = MovementSchema(many=True)
token_request_schema = TokenRequestSchema()
device_activation_schema = DeviceActivationSchema()
movement_create_schema = MovementCreateSchema()
erp_items_schema = ErpItemSchema(many=True)
