"""Inbound webhooks from third parties (not part of the RESTX api)."""
import logging

from flask import Blueprint, abort, jsonify, request

from fleet.extensions import csrf, db
from fleet.models import MaintenanceTicket, Vehicle
from fleet.services.telematics import verify_webhook_signature

log = logging.getLogger(__name__)

webhooks_bp = Blueprint("webhooks", __name__)

ALERT_SEVERITY = {"engine_fault": "high", "low_tyre_pressure": "medium", "service_due": "low"}


@webhooks_bp.route("/trackbox", methods=["POST"])
@csrf.exempt
def trackbox_event():
    if not verify_webhook_signature(request.get_data(), request.headers.get("X-TrackBox-Signature")):
        log.warning("rejected trackbox webhook with bad signature from %s", request.remote_addr)
        abort(403)

    event = request.get_json(force=True)
    unit_id = event.get("unit_id")
    vehicle = Vehicle.query.filter_by(telematics_id=unit_id).first()
    if vehicle is None:
        log.info("trackbox event for unknown unit %s", unit_id)
        return jsonify(status="ignored"), 200

    kind = event.get("type")
    if kind == "odometer":
        vehicle.odometer_km = max(vehicle.odometer_km or 0, int(event.get("km", 0)))
    elif kind in ALERT_SEVERITY:
        db.session.add(
            MaintenanceTicket(
                vehicle=vehicle,
                title=f"TrackBox alert: {kind.replace('_', ' ')}",
                workshop_notes=event.get("description", "")[:2000],
                severity=ALERT_SEVERITY[kind],
            )
        )
    db.session.commit()
    return jsonify(status="ok")
