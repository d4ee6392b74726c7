"""Inbound webhooks from insurers (policy issued, renewal terms, payment status)."""
from __future__ import annotations

import logging
from datetime import date

from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import select

from .extensions import csrf, db
from .models import Policy, record_audit
from .tasks.notifications import notify_policy_change
from .utils import verify_signature

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)

HANDLED_EVENTS = {"policy.issued", "policy.renewal_offered", "policy.cancelled", "payment.succeeded"}
STATUS_FOR_EVENT = {
    "policy.issued": "active",
    "policy.renewal_offered": "renewal_due",
    "policy.cancelled": "cancelled",
    "payment.succeeded": "active",
}


@bp.post("/carriers/<carrier_code>")
@csrf.exempt
def carrier_event(carrier_code: str):
    secret = current_app.config["CARRIER_WEBHOOK_SECRETS"].get(carrier_code)
    if not secret:
        abort(404)
    if not verify_signature(secret, request.get_data(), request.headers.get("X-Carrier-Signature", "")):
        log.warning("bad webhook signature from carrier %s", carrier_code)
        abort(401)

    event = request.get_json(silent=True) or {}
    event_type = event.get("type")
    if event_type not in HANDLED_EVENTS:
        return jsonify(status="ignored"), 202

    data = event.get("data", {})
    policy = db.session.scalar(select(Policy).where(Policy.policy_number == data.get("policy_number")))
    if policy is None:
        log.info("webhook %s for unknown policy %s", event_type, data.get("policy_number"))
        return jsonify(status="unknown_policy"), 202

    policy.status = STATUS_FOR_EVENT[event_type]
    if event_type == "policy.renewal_offered" and data.get("renewal_premium"):
        policy.premium = data["renewal_premium"]
    if data.get("end_date"):
        policy.end_date = date.fromisoformat(data["end_date"])
    record_audit("webhook." + event_type, policy.policy_number, carrier=carrier_code, event_id=event.get("id"))
    db.session.commit()
    notify_policy_change.delay(policy.id, event_type)
    return jsonify(status="ok")
