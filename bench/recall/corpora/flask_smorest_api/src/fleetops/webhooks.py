"""Inbound webhooks from the parts supplier's order system."""
import logging

from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import select

from .extensions import csrf, db
from .models import WorkOrder, WorkOrderEvent
from .security.signatures import signature_matches

logger = logging.getLogger("fleetops.webhooks")

webhooks_bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")


@webhooks_bp.route("/parts-shipment", methods=["POST"])
@csrf.exempt
def parts_shipment():
    body = request.get_data()
    signature = request.headers.get(current_app.config["SIGNATURE_HEADER"])
    if not signature_matches(current_app.config["WEBHOOK_SIGNING_SECRET"], body, signature):
        logger.warning("Rejected parts webhook with bad signature from %s", request.remote_addr)
        abort(401)

    event = request.get_json(force=True)
    reference = event.get("work_order_reference")
    order = db.session.execute(
        select(WorkOrder).where(WorkOrder.reference == reference)
    ).scalar_one_or_none()
    if order is None:
        return jsonify(status="ignored"), 200

    db.session.add(
        WorkOrderEvent(
            work_order_id=order.id,
            actor_name="parts-supplier",
            kind="shipment",
            message=f"Parts shipped, tracking {event.get('tracking_number', 'n/a')}",
        )
    )
    if order.status == "waiting_parts":
        order.status = "in_progress"
    db.session.commit()
    return jsonify(status="ok"), 200
