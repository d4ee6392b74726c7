from marshmallow import Schema, fields, validate

from ..models.work_order import WorkOrder


class WorkOrderEventSchema(Schema):
    actor_name = fields.String()
    kind = fields.String()
    message = fields.String()
    created_at = fields.DateTime()


class WorkOrderSchema(Schema):
    id = fields.Integer(dump_only=True)
    reference = fields.String(dump_only=True)
    vehicle_id = fields.Integer(required=True)
    depot_id = fields.Integer(required=True)
    assignee_id = fields.Integer(allow_none=True)
    summary = fields.String(required=True, validate=validate.Length(max=200))
    description = fields.String(load_default="")
    category = fields.String(load_default="general")
    status = fields.String(dump_only=True)
    priority = fields.String(load_default="normal", validate=validate.OneOf(WorkOrder.PRIORITIES))
    opened_at = fields.DateTime(dump_only=True)
    closed_at = fields.DateTime(dump_only=True)
    events = fields.List(fields.Nested(WorkOrderEventSchema), dump_only=True)


class WorkOrderUpdateSchema(Schema):
    status = fields.String(validate=validate.OneOf(WorkOrder.STATUSES))
    priority = fields.String(validate=validate.OneOf(WorkOrder.PRIORITIES))
    assignee_id = fields.Integer(allow_none=True)
    notes = fields.String()
    downtime_hours = fields.Integer(validate=validate.Range(min=0))


class WorkOrderQueryArgsSchema(Schema):
    status = fields.String(validate=validate.OneOf(WorkOrder.STATUSES))
    sort = fields.String(load_default="opened")
    descending = fields.Boolean(load_default=True)


class WorkOrderSearchArgsSchema(Schema):
    q = fields.String(required=True, validate=validate.Length(min=2, max=100))
    depot_id = fields.Integer(required=True)


class ExportRequestSchema(Schema):
    depot_code = fields.String(required=True)
    status = fields.String(load_default="closed")


class DowntimeArgsSchema(Schema):
    depot_id = fields.Integer(required=True)
    days = fields.Integer(load_default=30, validate=validate.Range(min=1, max=365))


class CostSummaryArgsSchema(Schema):
    depot_id = fields.Integer(required=True)
    group_by = fields.String(load_default="vehicle", validate=validate.OneOf(["vehicle", "category", "month"]))


class PartsUsageArgsSchema(Schema):
    depot_id = fields.Integer(required=True)
    order_by = fields.String(load_default="total_cost")
    direction = fields.String(load_default="desc")
