import hashlib
import json

from flask import request
from flask_restx import Namespace, Resource, abort, fields, reqparse
from sqlalchemy import text

from fleet.api.decorators import roles_required
from fleet.extensions import db
from fleet.models import Depot, Driver, Vehicle
from fleet.utils.pagination import paginate

ns = Namespace("vehicles", description="Vehicle register")

vehicle_model = ns.model(
    "Vehicle",
    {
        "id": fields.Integer(readonly=True),
        "plate": fields.String(required=True),
        "vin": fields.String,
        "make": fields.String,
        "model": fields.String,
        "year": fields.Integer,
        "fuel_type": fields.String(enum=["diesel", "petrol", "electric", "hybrid"]),
        "odometer_km": fields.Integer,
        "status": fields.String(enum=list(Vehicle.STATUSES)),
        "status_note": fields.String,
        "depot": fields.String(attribute=lambda v: v.depot.code if v.depot else None),
        "assigned_driver_id": fields.Integer,
    },
)

vehicle_page = ns.model(
    "VehiclePage",
    {
        "items": fields.List(fields.Nested(vehicle_model)),
        "page": fields.Integer,
        "per_page": fields.Integer,
        "total": fields.Integer,
        "pages": fields.Integer,
    },
)

list_parser = reqparse.RequestParser()
list_parser.add_argument("status", choices=Vehicle.STATUSES, location="args")
list_parser.add_argument("depot", location="args")
list_parser.add_argument("q", location="args", help="plate or VIN fragment")
list_parser.add_argument("page", type=int, location="args")
list_parser.add_argument("per_page", type=int, location="args")

assign_parser = reqparse.RequestParser()
assign_parser.add_argument("driver_id", type=int, required=True, location="json")


def _apply_payload(vehicle, data):
    for field in ("plate", "vin", "make", "model", "year", "fuel_type", "odometer_km", "status", "status_note"):
        if field in data:
            setattr(vehicle, field, data[field])
    if "depot" in data:
        depot = Depot.query.filter_by(code=data["depot"]).first()
        if depot is None:
            abort(400, f"Unknown depot {data['depot']}")
        vehicle.depot = depot


@ns.route("/")
class VehicleList(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.expect(list_parser)
    @ns.marshal_with(vehicle_page)
    def get(self):
        args = list_parser.parse_args()
        query = Vehicle.query
        if args["status"]:
            query = query.filter(Vehicle.status == args["status"])
        if args["depot"]:
            query = query.join(Depot).filter(Depot.code == args["depot"])
        if args["q"]:
            like = f"%{args['q'].upper()}%"
            query = query.filter(db.or_(Vehicle.plate.like(like), Vehicle.vin.like(like)))
        return paginate(query.order_by(Vehicle.plate))

    @roles_required("manager", "admin")
    @ns.expect(vehicle_model, validate=True)
    @ns.marshal_with(vehicle_model, code=201)
    def post(self):
        data = ns.payload
        if Vehicle.query.filter_by(plate=data["plate"].upper()).first():
            abort(409, "Plate already registered")
        vehicle = Vehicle()
        _apply_payload(vehicle, data)
        vehicle.plate = vehicle.plate.upper()
        db.session.add(vehicle)
        db.session.commit()
        return vehicle, 201


@ns.route("/<int:vehicle_id>")
@ns.param("vehicle_id", "Vehicle id")
class VehicleItem(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_with(vehicle_model)
    def get(self, vehicle_id):
        return db.get_or_404(Vehicle, vehicle_id)

    @roles_required("manager", "admin")
    @ns.expect(vehicle_model)
    @ns.marshal_with(vehicle_model)
    def put(self, vehicle_id):
        vehicle = db.get_or_404(Vehicle, vehicle_id)
        _apply_payload(vehicle, ns.payload or {})
        db.session.commit()
        return vehicle

    @roles_required("admin")
    def delete(self, vehicle_id):
        vehicle = db.get_or_404(Vehicle, vehicle_id)
        if vehicle.tickets.filter_by(status="open").count():
            abort(409, "Vehicle has open maintenance tickets")
        vehicle.status = "retired"
        vehicle.assigned_driver_id = None
        db.session.commit()
        return "", 204


@ns.route("/<int:vehicle_id>/assign")
class VehicleAssign(Resource):
    @roles_required("dispatcher", "manager", "admin")
    def post(self, vehicle_id):
        args = assign_parser.parse_args()
        vehicle = db.get_or_404(Vehicle, vehicle_id)
        driver = db.get_or_404(Driver, args["driver_id"])
        if vehicle.status != "available":
            abort(409, f"Vehicle is {vehicle.status}")
        db.session.execute(
            text("UPDATE vehicles SET assigned_driver_id = NULL WHERE assigned_driver_id = :d"),
            {"d": driver.id},
        )
        vehicle.assigned_driver_id = driver.id
        vehicle.status = "in_service"
        db.session.commit()
        return {"vehicle_id": vehicle.id, "driver_id": driver.id}


@ns.route("/summary")
class VehicleSummary(Resource):
    @roles_required("dispatcher", "manager", "admin")
    def get(self):
        depot = request.args.get("depot")
        rows = db.session.execute(
            text(
                "SELECT v.status, COUNT(*) AS n FROM vehicles v "
                "JOIN depots d ON d.id = v.depot_id "
                "WHERE (:depot IS NULL OR d.code = :depot) GROUP BY v.status"
            ),
            {"depot": depot},
        ).all()
        body = {row.status: row.n for row in rows}
        etag = hashlib.md5(json.dumps(body, sort_keys=True).encode(), usedforsecurity=False).hexdigest()
        if request.headers.get("If-None-Match") == etag:
            return "", 304
        return body, 200, {"ETag": etag, "Cache-Control": "private, max-age=30"}
