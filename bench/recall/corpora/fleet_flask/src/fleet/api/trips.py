import csv
import io
import logging
import traceback
from datetime import datetime

from flask import g, request
from flask_restx import Namespace, Resource, abort, fields
from werkzeug.datastructures import FileStorage

from fleet.api.decorators import driver_required, roles_required
from fleet.extensions import db
from fleet.models import Driver, Trip, Vehicle
from fleet.services.sharing import share_url
from fleet.services.telematics import vehicle_from_unit_token
from fleet.utils.pagination import paginate

log = logging.getLogger(__name__)

ns = Namespace("trips", description="Trips and odometer readings")

trip_model = ns.model(
    "Trip",
    {
        "id": fields.Integer(readonly=True),
        "vehicle_id": fields.Integer(required=True),
        "driver_id": fields.Integer(readonly=True),
        "started_at": fields.DateTime(readonly=True),
        "ended_at": fields.DateTime(readonly=True),
        "start_odometer": fields.Integer,
        "end_odometer": fields.Integer,
        "origin": fields.String,
        "destination": fields.String,
        "customer_ref": fields.String,
        "distance_km": fields.Integer(readonly=True),
    },
)

trip_end = ns.model("TripEnd", {"end_odometer": fields.Integer(required=True)})

trip_page = ns.model(
    "TripPage",
    {
        "items": fields.List(fields.Nested(trip_model)),
        "page": fields.Integer,
        "per_page": fields.Integer,
        "total": fields.Integer,
        "pages": fields.Integer,
    },
)

upload_parser = ns.parser()
upload_parser.add_argument("file", location="files", type=FileStorage, required=True)

IMPORT_COLUMNS = ("plate", "driver_phone", "started_at", "ended_at", "start_km", "end_km", "customer_ref")


@ns.route("/")
class TripList(Resource):
    @roles_required("dispatcher", "manager", "admin")
    @ns.marshal_with(trip_page)
    def get(self):
        query = Trip.query
        if request.args.get("vehicle_id", type=int):
            query = query.filter(Trip.vehicle_id == request.args.get("vehicle_id", type=int))
        if request.args.get("open") == "1":
            query = query.filter(Trip.ended_at.is_(None))
        return paginate(query.order_by(Trip.started_at.desc()))

    @driver_required
    @ns.expect(trip_model, validate=True)
    @ns.marshal_with(trip_model, code=201)
    def post(self):
        data = ns.payload
        vehicle = db.get_or_404(Vehicle, data["vehicle_id"])
        if vehicle.assigned_driver_id != g.driver_id:
            abort(403, "Vehicle is not assigned to you")
        if Trip.query.filter_by(driver_id=g.driver_id, ended_at=None).first():
            abort(409, "Finish your current trip first")
        trip = Trip(
            vehicle_id=vehicle.id,
            driver_id=g.driver_id,
            started_at=datetime.utcnow(),
            start_odometer=data.get("start_odometer") or vehicle.odometer_km,
            origin=data.get("origin"),
            destination=data.get("destination"),
            customer_ref=data.get("customer_ref"),
        )
        db.session.add(trip)
        db.session.commit()
        return trip, 201


@ns.route("/<int:trip_id>/end")
class TripEnd(Resource):
    @driver_required
    @ns.expect(trip_end, validate=True)
    @ns.marshal_with(trip_model)
    def post(self, trip_id):
        trip = db.get_or_404(Trip, trip_id)
        if trip.driver_id != g.driver_id:
            abort(403)
        end_km = ns.payload["end_odometer"]
        if trip.start_odometer and end_km < trip.start_odometer:
            abort(400, "End odometer is lower than start")
        trip.ended_at = datetime.utcnow()
        trip.end_odometer = end_km
        trip.vehicle.odometer_km = max(trip.vehicle.odometer_km or 0, end_km)
        db.session.commit()
        return trip


@ns.route("/<int:trip_id>/share")
class TripShare(Resource):
    @roles_required("dispatcher", "manager", "admin")
    def post(self, trip_id):
        trip = db.get_or_404(Trip, trip_id)
        if trip.ended_at is not None:
            abort(409, "Trip already finished")
        return {"url": share_url(trip)}


@ns.route("/import")
class TripImport(Resource):
    @roles_required("manager", "admin")
    @ns.expect(upload_parser)
    def post(self):
        upload = upload_parser.parse_args()["file"]
        created, skipped = 0, []
        try:
            reader = csv.DictReader(io.StringIO(upload.read().decode("utf-8-sig")))
            missing = set(IMPORT_COLUMNS) - set(reader.fieldnames or [])
            if missing:
                abort(400, f"Missing columns: {', '.join(sorted(missing))}")
            for lineno, row in enumerate(reader, start=2):
                vehicle = Vehicle.query.filter_by(plate=row["plate"].strip().upper()).first()
                driver = Driver.query.filter_by(phone=row["driver_phone"].strip()).first()
                if vehicle is None or driver is None:
                    skipped.append(lineno)
                    continue
                db.session.add(
                    Trip(
                        vehicle_id=vehicle.id,
                        driver_id=driver.id,
                        started_at=datetime.fromisoformat(row["started_at"]),
                        ended_at=datetime.fromisoformat(row["ended_at"]) if row["ended_at"] else None,
                        start_odometer=int(row["start_km"]),
                        end_odometer=int(row["end_km"]) if row["end_km"] else None,
                        customer_ref=row["customer_ref"] or None,
                    )
                )
                created += 1
            db.session.commit()
        except (ValueError, KeyError, UnicodeDecodeError) as exc:
            db.session.rollback()
            return {"message": "Import failed", "error": repr(exc), "trace": traceback.format_exc()}, 400
        log.info("trip import: %d created, %d skipped", created, len(skipped))
        return {"created": created, "skipped_lines": skipped}


@ns.route("/unit-ping")
class UnitPing(Resource):
    """Odometer pings posted directly by the in-cab telematics units."""

    def post(self):
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Unit "):
            abort(401)
        unit_id, odometer = vehicle_from_unit_token(auth[5:])
        vehicle = Vehicle.query.filter_by(telematics_id=unit_id).first()
        if vehicle is None:
            abort(404, "Unknown unit")
        if odometer and int(odometer) > (vehicle.odometer_km or 0):
            vehicle.odometer_km = int(odometer)
            db.session.commit()
        return {"vehicle_id": vehicle.id, "odometer_km": vehicle.odometer_km}
