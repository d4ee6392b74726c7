import logging

from flask import current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from ..extensions import db
from ..repositories import VehicleRepository
from ..schemas.vehicle import TelemetryReadingSchema

logger = logging.getLogger("fleetops.api.telematics")

blp = Blueprint("telematics", __name__, url_prefix="/api/v1/telematics", description="Telematics ingest")

DEVICE_KEY_HEADER = "X-Device-Key"


@blp.before_request
def require_device_key():
    supplied = request.headers.get(DEVICE_KEY_HEADER, "")
    if not supplied or supplied != current_app.config["TELEMATICS_API_KEY"]:
        abort(401, message="Unknown telematics device.")


@blp.route("/readings")
class ReadingIngest(MethodView):
    @blp.arguments(TelemetryReadingSchema(many=True))
    @blp.response(202)
    def post(self, readings):
        repo = VehicleRepository()
        updated = 0
        for reading in readings:
            vehicle = repo.by_vin(reading["vin"])
            if vehicle is None:
                logger.warning("Telemetry for unknown VIN %s", reading["vin"])
                continue
            if reading["odometer_km"] > vehicle.odometer_km:
                vehicle.odometer_km = reading["odometer_km"]
                updated += 1
        db.session.commit()
        return {"updated": updated}
