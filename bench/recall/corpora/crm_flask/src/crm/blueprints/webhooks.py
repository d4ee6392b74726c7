"""Webhooks from Paybridge, our payment provider."""
import hashlib
import hmac
import json
import logging
from datetime import datetime, timezone

from flask import Blueprint, abort, current_app, jsonify, request

from ..extensions import csrf
from ..services import deal_service

bp = Blueprint("webhooks", __name__, url_prefix="/webhooks")
logger = logging.getLogger(__name__)

TOLERANCE_SECONDS = 300


def _verify_signature(payload, header):
    """Paybridge-Signature: t=<unix>,v1=<hex hmac-sha256 of "<t>.<body>">."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        received = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(datetime.now(timezone.utc).timestamp() - timestamp) > TOLERANCE_SECONDS:
        return False
    secret = current_app.config["PAYMENT_WEBHOOK_SECRET"].encode("utf-8")
    signed = str(timestamp).encode("ascii") + b"." + payload
    expected = hmac.new(secret, signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received)


@bp.route("/paybridge", methods=["POST"])
@csrf.exempt
def paybridge():
    payload = request.get_data()
    logger.debug("paybridge webhook: headers=%s", dict(request.headers))
    if not _verify_signature(payload, request.headers.get("Paybridge-Signature", "")):
        abort(400)

    event = json.loads(payload)
    kind = event.get("type")
    obj = event.get("data", {}).get("object", {})
    if kind == "invoice.paid":
        paid_at = datetime.fromtimestamp(obj.get("paid_at", 0), tz=timezone.utc)
        deal = deal_service.mark_won_by_invoice(obj.get("id"), paid_at)
        logger.info("invoice %s paid, deal=%s", obj.get("id"), deal.id if deal else None)
    else:
        logger.info("ignoring paybridge event %s", kind)
    return jsonify(received=True)
