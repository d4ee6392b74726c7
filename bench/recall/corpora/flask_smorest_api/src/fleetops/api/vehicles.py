import hashlib

from flask import request
from flask.views import MethodView
from flask_jwt_extended import jwt_required
from flask_smorest import Blueprint, abort

from ..extensions import db
from ..models import Vehicle
from ..repositories import VehicleRepository
from ..schemas.vehicle import VehicleQueryArgsSchema, VehicleSchema
from .permissions import role_required

blp = Blueprint("vehicles", __name__, url_prefix="/api/v1/vehicles", description="Fleet vehicles")


def _etag_for(vehicle: Vehicle) -> str:
    fingerprint = f"{vehicle.id}:{vehicle.odometer_km}:{vehicle.next_service_due}"
    return hashlib.md5(fingerprint.encode(), usedforsecurity=False).hexdigest()


@blp.route("/")
class VehicleList(MethodView):
    @jwt_required()
    @blp.arguments(VehicleQueryArgsSchema, location="query")
    @blp.response(200, VehicleSchema(many=True))
    def get(self, args):
        return VehicleRepository().list(**args)

    @role_required("admin", "workshop_manager")
    @blp.arguments(VehicleSchema)
    @blp.response(201, VehicleSchema)
    def post(self, data):
        vehicle = Vehicle(**data)
        db.session.add(vehicle)
        db.session.commit()
        return vehicle


@blp.route("/<int:vehicle_id>")
class VehicleDetail(MethodView):
    @jwt_required()
    @blp.response(200, VehicleSchema)
    def get(self, vehicle_id):
        vehicle = VehicleRepository().get(vehicle_id) or abort(404)
        etag = _etag_for(vehicle)
        if request.if_none_match.contains(etag):
            abort(304)
        return vehicle, 200, {"ETag": etag}

    @role_required("admin", "workshop_manager")
    @blp.arguments(VehicleSchema(partial=True))
    @blp.response(200, VehicleSchema)
    def patch(self, changes, vehicle_id):
        vehicle = VehicleRepository().get(vehicle_id) or abort(404)
        for field, value in changes.items():
            setattr(vehicle, field, value)
        db.session.commit()
        return vehicle
