"""Inbound webhooks from the order-management vendor."""
import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import text

from .extensions import csrf, db

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
log = logging.getLogger(__name__)

_UPDATE_ORDER = text(
    "UPDATE sales_orders SET status = :status, amount = :amount "
    "WHERE external_id = :external_id"
)


def _verify_signature(body, signature):
    secret = current_app.config.get("VENDOR_WEBHOOK_SECRET")
    if not secret or not signature:
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@bp.route("/vendor/orders", methods=["POST"])
@csrf.exempt
def vendor_order_event():
    if not _verify_signature(request.get_data(), request.headers.get("X-Vendor-Signature", "")):
        log.warning("Rejected vendor webhook with a bad signature")
        abort(400)

    event = request.get_json(silent=True) or {}
    if event.get("type") not in {"order.updated", "order.refunded", "order.cancelled"}:
        return jsonify(status="ignored"), 202

    order = event.get("data") or {}
    result = db.session.execute(
        _UPDATE_ORDER,
        {"status": order.get("status"), "amount": order.get("total"), "external_id": order.get("id")},
    )
    db.session.commit()
    log.info("Vendor event %s applied to %d order(s)", event.get("type"), result.rowcount)
    return jsonify(status="ok")
