"""Public tracking endpoints behind signed tracking links."""
import jwt
from flask import request
from flask_appbuilder.api import BaseApi, expose, safe
from flask_appbuilder.security.decorators import protect

from ..extensions import limiter
from ..models.shipment import Shipment
from ..services.notifications import send_consignee_notice
from ..services.tracking_links import read_tracking_token, tracking_url

PUBLIC_EVENT_CODES = {"ARRIVED_DEPOT", "LOADED", "DELIVERED", "FAILED_ATTEMPT", "RETURNED"}


class TrackingApi(BaseApi):
    resource_name = "tracking"
    openapi_spec_tag = "Tracking"

    def _shipment_from_token(self, token):
        try:
            shipment_id = read_tracking_token(token)
        except jwt.InvalidTokenError:
            return None
        return self.appbuilder.get_session.get(Shipment, shipment_id)

    @expose("/<string:token>", methods=["GET"])
    @limiter.limit("60 per minute")
    @safe
    def status(self, token):
        """Status and public events for a tracking link.
        ---
        get:
          responses:
            200:
              description: Shipment status
            404:
              $ref: '#/components/responses/404'
        """
        shipment = self._shipment_from_token(token)
        if shipment is None:
            return self.response_404()
        events = [
            {"code": e.code, "location": e.location, "at": e.occurred_at.isoformat()}
            for e in shipment.events
            if e.code in PUBLIC_EVENT_CODES
        ]
        return self.response(
            200,
            reference=shipment.reference,
            status=shipment.status,
            promised_on=shipment.promised_on.isoformat() if shipment.promised_on else None,
            events=events,
        )

    @expose("/<string:token>/notify", methods=["POST"])
    @limiter.limit("3 per hour")
    @safe
    def notify(self, token):
        """Re-send the tracking e-mail to the consignee.
        ---
        post:
          responses:
            202:
              description: Notification queued
        """
        shipment = self._shipment_from_token(token)
        if shipment is None:
            return self.response_404()
        sent = send_consignee_notice(shipment, tracking_url(shipment))
        return self.response(202, sent=sent)

    @expose("/links", methods=["POST"])
    @protect()
    @safe
    def create_link(self):
        """Create a public tracking link for a shipment.
        ---
        post:
          responses:
            201:
              description: Tracking URL
        """
        payload = request.get_json(silent=True) or {}
        shipment = self.appbuilder.get_session.get(Shipment, payload.get("shipment_id"))
        if shipment is None:
            return self.response_404()
        return self.response(201, url=tracking_url(shipment))
