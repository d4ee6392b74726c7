import logging

from chalice import BadRequestError, Blueprint, ChaliceViewError, Response

from chalicelib import web
from chalicelib.authorizers import current_rider_id, rider_auth
from chalicelib.services.rides import RideService, RideStateError

log = logging.getLogger(__name__)

ride_routes = Blueprint(__name__)


@ride_routes.route("/rides", methods=["POST"], authorizer=rider_auth)
def start_ride():
    request = ride_routes.current_request
    station_id, bike_id = web.require_fields(request.json_body, "station_id", "bike_id")
    try:
        ride, unlock_token = RideService().start(
            current_rider_id(request),
            web.identifier(station_id, "station"),
            web.identifier(bike_id, "bike"),
        )
    except RideStateError as exc:
        raise BadRequestError(str(exc))
    return Response(body={"ride": ride, "unlock_token": unlock_token}, status_code=201)


@ride_routes.route("/rides/{ride_id}/end", methods=["POST"], authorizer=rider_auth)
def end_ride(ride_id):
    request = ride_routes.current_request
    (station_id,) = web.require_fields(request.json_body, "station_id")
    try:
        ride = RideService().end(current_rider_id(request), ride_id, station_id)
    except RideStateError as exc:
        raise BadRequestError(str(exc))
    except Exception:
        reference = request.context.get("requestId", "unknown")
        log.exception("ending ride %s failed (request %s)", ride_id, reference)
        raise ChaliceViewError(f"We could not end this ride. Please contact support with reference {reference}.")
    return {"ride": ride}


@ride_routes.route("/rides", methods=["GET"], authorizer=rider_auth)
def ride_history():
    params = ride_routes.current_request.query_params or {}
    limit = web.bounded_int(params.get("limit"), default=25, low=1, high=100)
    return {"rides": RideService().history(current_rider_id(ride_routes.current_request), limit)}
