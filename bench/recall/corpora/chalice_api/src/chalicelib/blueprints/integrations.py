"""Machine-to-machine endpoints: partner API keys, partner availability feed, payment webhooks."""
import json
import logging

from chalice import BadRequestError, Blueprint, Response, UnauthorizedError

from chalicelib.authorizers import iam_auth
from chalicelib.security import signatures
from chalicelib.services.partners import PartnerService
from chalicelib.services.rides import BillingService
from chalicelib.services.stations import StationService

log = logging.getLogger(__name__)

integration_routes = Blueprint(__name__)


@integration_routes.route("/partners/keys", methods=["POST"], authorizer=iam_auth)
def create_partner_key():
    body = integration_routes.current_request.json_body or {}
    name = str(body.get("partner_name", "")).strip()
    if not name:
        raise BadRequestError("partner_name is required")
    api_key = PartnerService().issue_key(name)
    return Response(body={"partner_name": name, "api_key": api_key}, status_code=201)


@integration_routes.route("/partners/availability", methods=["GET"])
def availability():
    request = integration_routes.current_request
    partner = PartnerService().authenticate(request.headers.get("x-api-key", ""))
    if partner is None:
        raise UnauthorizedError("A valid X-Api-Key header is required")
    city = (request.query_params or {}).get("city")
    stations = StationService().list_public(city=city)
    return {
        "partner": partner["partner_name"],
        "stations": [
            {"id": s["station_id"], "bikes": s["bikes_available"], "docks": s["capacity"]}
            for s in stations
        ],
    }


@integration_routes.route("/webhooks/payments", methods=["POST"], content_types=["application/json"])
def payment_event():
    request = integration_routes.current_request
    if not signatures.verify_webhook(request.raw_body, request.headers.get("payment-signature", "")):
        raise UnauthorizedError("Bad signature")
    event = json.loads(request.raw_body)
    payment = event.get("data", {})
    log.info(
        "payment event %s (%s) for card ending %s",
        event.get("id"),
        event.get("type"),
        payment.get("card", {}).get("last4", "----"),
    )
    handled = BillingService().apply_payment_event(event)
    return {"received": True, "handled": handled}
