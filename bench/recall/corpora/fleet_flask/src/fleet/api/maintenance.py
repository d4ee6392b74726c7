import logging
from datetime import datetime

from flask import g
from flask_restx import Namespace, Resource, abort, fields, reqparse

from fleet.api.decorators import driver_required, roles_required
from fleet.extensions import db
from fleet.models import MaintenanceTicket, User, Vehicle
from fleet.services.mailer import send_ticket_notification

log = logging.getLogger(__name__)

ns = Namespace("maintenance", description="Defect reports and workshop tickets")

ticket_model = ns.model(
    "Ticket",
    {
        "id": fields.Integer(readonly=True),
        "vehicle_id": fields.Integer(required=True),
        "title": fields.String(required=True, max_length=140),
        "driver_comment": fields.String,
        "workshop_notes": fields.String,
        "severity": fields.String(enum=["low", "medium", "high"], default="low"),
        "status": fields.String(readonly=True),
        "created_at": fields.DateTime(readonly=True),
        "closed_at": fields.DateTime(readonly=True),
    },
)

status_parser = reqparse.RequestParser()
status_parser.add_argument("status", choices=("open", "in_progress", "closed"), required=True, location="json")
status_parser.add_argument("workshop_notes", location="json")


def _notify_managers(ticket):
    managers = User.query.filter(
        User.role.in_(("manager", "admin")),
        User.active.is_(True),
        db.or_(User.depot_id == ticket.vehicle.depot_id, User.role == "admin"),
    ).all()
    send_ticket_notification(ticket, [m.email for m in managers])


@ns.route("/tickets")
class TicketList(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_list_with(ticket_model)
    def get(self):
        return (
            MaintenanceTicket.query.filter(MaintenanceTicket.status != "closed")
            .order_by(MaintenanceTicket.created_at.desc())
            .limit(200)
            .all()
        )

    @driver_required
    @ns.expect(ticket_model, validate=True)
    @ns.marshal_with(ticket_model, code=201)
    def post(self):
        data = ns.payload
        vehicle = db.get_or_404(Vehicle, data["vehicle_id"])
        ticket = MaintenanceTicket(
            vehicle=vehicle,
            reported_by_driver_id=g.driver_id,
            title=data["title"],
            driver_comment=data.get("driver_comment"),
            severity=data.get("severity", "low"),
        )
        if ticket.severity == "high":
            vehicle.status = "maintenance"
        db.session.add(ticket)
        db.session.commit()
        try:
            _notify_managers(ticket)
        except Exception:
            log.exception("could not send notification for ticket %s", ticket.id)
        return ticket, 201


@ns.route("/tickets/<int:ticket_id>")
class TicketItem(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_with(ticket_model)
    def get(self, ticket_id):
        return db.get_or_404(MaintenanceTicket, ticket_id)

    @roles_required("manager", "admin")
    @ns.marshal_with(ticket_model)
    def put(self, ticket_id):
        args = status_parser.parse_args()
        ticket = db.get_or_404(MaintenanceTicket, ticket_id)
        ticket.status = args["status"]
        if args["workshop_notes"] is not None:
            ticket.workshop_notes = args["workshop_notes"]
        if ticket.status == "closed":
            ticket.closed_at = datetime.utcnow()
            if ticket.vehicle.status == "maintenance":
                ticket.vehicle.status = "available"
        db.session.commit()
        return ticket

    @roles_required("admin")
    def delete(self, ticket_id):
        ticket = db.get_or_404(MaintenanceTicket, ticket_id)
        if ticket.status != "closed":
            abort(409, "Close the ticket before deleting it")
        db.session.delete(ticket)
        db.session.commit()
        return "", 204
