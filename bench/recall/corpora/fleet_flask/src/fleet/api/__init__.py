import logging
import uuid

from flask import Blueprint
from flask_jwt_extended.exceptions import JWTExtendedException
from flask_restx import Api
from jwt.exceptions import PyJWTError
from werkzeug.exceptions import HTTPException

from fleet.utils.request_log import log_api_request, log_response, start_timer

log = logging.getLogger(__name__)

api_bp = Blueprint("api", __name__)

authorizations = {
    "jwt": {"type": "apiKey", "in": "header", "name": "Authorization"},
    "apikey": {"type": "apiKey", "in": "header", "name": "X-Api-Key"},
}

api = Api(
    api_bp,
    title="Fleetline API",
    version="1.0",
    description="Vehicles, drivers, trips and maintenance",
    authorizations=authorizations,
    security="jwt",
    doc="/docs",
)


@api_bp.before_request
def _before():
    start_timer()
    log_api_request()


@api_bp.after_request
def _after(response):
    return log_response(response)


@api.errorhandler(JWTExtendedException)
@api.errorhandler(PyJWTError)
def handle_auth_error(error):
    return {"message": "Invalid or missing token"}, 401


@api.errorhandler(HTTPException)
def handle_http_error(error):
    return {"message": error.description}, error.code


@api.errorhandler(Exception)
def handle_unexpected(error):
    error_id = uuid.uuid4().hex[:10]
    log.exception("unhandled API error %s", error_id)
    return {"message": "Internal server error", "error_id": error_id}, 500


from fleet.api.auth import ns as auth_ns  # noqa: E402
from fleet.api.drivers import ns as drivers_ns  # noqa: E402
from fleet.api.fuel import ns as fuel_ns  # noqa: E402
from fleet.api.maintenance import ns as maintenance_ns  # noqa: E402
from fleet.api.trips import ns as trips_ns  # noqa: E402
from fleet.api.vehicles import ns as vehicles_ns  # noqa: E402

api.add_namespace(auth_ns, path="/auth")
api.add_namespace(vehicles_ns, path="/vehicles")
api.add_namespace(drivers_ns, path="/drivers")
api.add_namespace(trips_ns, path="/trips")
api.add_namespace(maintenance_ns, path="/maintenance")
api.add_namespace(fuel_ns, path="/fuel")
