from marshmallow import Schema, fields, validate


class VehicleSchema(Schema):
    id = fields.Integer(dump_only=True)
    unit_number = fields.String(required=True, validate=validate.Length(max=20))
    vin = fields.String(required=True, validate=validate.Length(equal=17))
    make = fields.String(required=True)
    model = fields.String(required=True)
    year = fields.Integer(required=True, validate=validate.Range(min=1980, max=2100))
    odometer_km = fields.Integer(load_default=0)
    next_service_due = fields.Date(allow_none=True)
    depot_id = fields.Integer(required=True)


class VehicleQueryArgsSchema(Schema):
    depot_id = fields.Integer()
    unit_number = fields.String()
    due_before = fields.Date()


class TelemetryReadingSchema(Schema):
    vin = fields.String(required=True)
    odometer_km = fields.Integer(required=True)
    fault_codes = fields.List(fields.String(), load_default=list)
    recorded_at = fields.DateTime(required=True)
