"""Inbound status events from carrier partners."""
import logging
from datetime import datetime

import jwt
from flask import abort, current_app, jsonify, request

from ..extensions import db, limiter
from ..models.shipment import Carrier, Shipment, ShipmentEvent, WebhookDelivery
from ..security.tokens import decode_partner_assertion
from . import webhooks_bp
from .signatures import SignatureError, verify_hmac_signature

log = logging.getLogger(__name__)

STATUS_BY_EVENT = {
    "PICKED_UP": "at_depot",
    "OUT_FOR_DELIVERY": "out_for_delivery",
    "DELIVERED": "delivered",
    "DELIVERY_FAILED": "failed_attempt",
    "RETURNED_TO_SENDER": "returned",
}


def _authenticate(carrier):
    if carrier.auth_scheme == "jwt":
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer "):
            abort(401)
        try:
            claims = decode_partner_assertion(auth[len("Bearer "):])
        except (jwt.InvalidTokenError, OSError):
            abort(401)
        if claims.get("kid") != carrier.partner_kid:
            abort(403)
        return
    secret = carrier.webhook_secret or current_app.config["CARRIER_WEBHOOK_SECRET"]
    try:
        verify_hmac_signature(request.get_data(), request.headers.get("X-DD-Signature", ""), secret)
    except SignatureError as exc:
        log.warning("rejected webhook from %s: %s", carrier.slug, exc)
        abort(401)


def _apply_event(carrier, event):
    shipment = (
        db.session.query(Shipment)
        .filter_by(tracking_number=event["tracking_number"], carrier_id=carrier.id)
        .one_or_none()
    )
    if shipment is None:
        return False
    occurred_at = datetime.fromisoformat(event["occurred_at"].replace("Z", "+00:00"))
    db.session.add(
        ShipmentEvent(
            shipment=shipment,
            code=event["event"],
            source=carrier.slug,
            location=event.get("location"),
            carrier_message=event.get("message"),
            occurred_at=occurred_at.replace(tzinfo=None),
        )
    )
    new_status = STATUS_BY_EVENT.get(event["event"])
    if new_status:
        shipment.status = new_status
        if new_status == "delivered":
            shipment.delivered_on = occurred_at.replace(tzinfo=None)
    shipment.last_carrier_event = event["event"]
    return True


@webhooks_bp.route("/carriers/<slug>/events", methods=["POST"])
@limiter.limit("600 per minute")
def carrier_events(slug):
    carrier = db.session.query(Carrier).filter_by(slug=slug, active=True).one_or_none()
    if carrier is None:
        abort(404)
    log.debug("webhook delivery from %s, headers=%s", slug, dict(request.headers))
    _authenticate(carrier)

    payload = request.get_json(silent=True) or {}
    events = payload.get("events") or []
    delivery = WebhookDelivery(carrier=carrier, event_count=len(events))
    db.session.add(delivery)
    try:
        matched = sum(1 for event in events if _apply_event(carrier, event))
        delivery.status = "processed"
        db.session.commit()
    except (KeyError, ValueError) as exc:
        db.session.rollback()
        log.exception("bad event batch from %s", slug)
        delivery = WebhookDelivery(carrier=carrier, event_count=len(events), status="failed", error=repr(exc))
        db.session.add(delivery)
        db.session.commit()
        return jsonify(status="error", message="Malformed event batch"), 400
    except Exception:
        db.session.rollback()
        log.exception("failed to process webhook from %s", slug)
        return jsonify(status="error", message="Could not process event batch"), 500

    return jsonify(status="ok", received=len(events), matched=matched), 202
