import logging

from flask import abort, current_app, jsonify, request

from ..extensions import csrf
from ..models import Tenancy
from . import bp
from .signature import SIGNATURE_HEADER, verify_signature

log = logging.getLogger("plotkeeper.webhooks")


@bp.route("/payments", methods=["POST"])
@csrf.exempt
def payment_event():
    payload = request.get_data()
    secret = current_app.config.get("PAYMENT_WEBHOOK_SECRET")
    if not verify_signature(secret, payload, request.headers.get(SIGNATURE_HEADER)):
        log.warning("payment webhook with bad signature")
        abort(400)
    event = request.get_json(force=True)
    if event.get("type") == "payment.succeeded":
        tenancy_id = event.get("data", {}).get("metadata", {}).get("tenancy_id")
        tenancy = Tenancy.get_or_none(Tenancy.id == tenancy_id)
        if tenancy is not None and tenancy.status == "offered":
            tenancy.status = "active"
            tenancy.save()
            log.info("tenancy %s activated by payment %s", tenancy.id, event.get("id"))
    return jsonify(received=True)
