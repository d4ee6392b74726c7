import jwt
from chalice import Blueprint, NotFoundError

from chalicelib import dynamo
from chalicelib.rendering import render_page
from chalicelib.repositories import RideRepository, StationRepository
from chalicelib.services.rides import duration_label, format_address, read_receipt_token
from chalicelib.web import html

receipt_routes = Blueprint(__name__)


@receipt_routes.route("/receipts/{token}", methods=["GET"])
def view_receipt(token):
    try:
        claims = read_receipt_token(token)
    except jwt.InvalidTokenError:
        raise NotFoundError("Receipt not found")
    ride = RideRepository().get(claims["ride_id"])
    if ride is None or ride["rider_id"] != claims["rider_id"]:
        raise NotFoundError("Receipt not found")
    ride = dynamo.plain(ride)
    stations = StationRepository()
    start = stations.get(ride["start_station_id"]) or {}
    end = stations.get(ride.get("end_station_id", "")) or {}
    body = render_page(
        "receipt.html",
        ride=ride,
        start_address=format_address(start),
        end_address=format_address(end),
        duration=duration_label(ride.get("duration_s")),
    )
    return html(body, headers={"Cache-Control": "private, no-store"})
