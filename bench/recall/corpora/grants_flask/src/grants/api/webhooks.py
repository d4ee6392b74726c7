"""Callbacks from SignWell when an applicant signs the grant agreement."""
import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, jsonify, request
from sqlalchemy import select

from ..extensions import csrf, db
from ..models import Application

log = logging.getLogger(__name__)

bp = Blueprint("webhooks", __name__, url_prefix="/hooks")


def _signature_valid(payload, signature):
    secret = current_app.config.get("SIGNWELL_WEBHOOK_SECRET")
    if not secret or not signature:
        return False
    expected = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@bp.post("/signwell")
@csrf.exempt
def signwell_event():
    if not _signature_valid(request.get_data(), request.headers.get("X-Signwell-Signature", "")):
        abort(401)
    event = request.get_json(silent=True) or {}
    if event.get("event", {}).get("type") != "document_completed":
        return jsonify(status="ignored")

    document = event.get("data", {}).get("object", {})
    application = db.session.scalar(
        select(Application).where(Application.signed_agreement_id == document.get("id"))
    )
    if application is None:
        log.info("SignWell event for unknown document %s", document.get("id"))
        return jsonify(status="unknown document"), 202
    application.status = "awarded"
    db.session.commit()
    log.info("Agreement signed for application %s", application.id)
    return jsonify(status="ok")
