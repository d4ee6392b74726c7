"""Inbound webhooks from third-party services."""
import hashlib
import hmac
import logging
import time

from flask import Blueprint, abort, current_app, request

from .extensions import csrf, db
from .models import Subscription

bp = Blueprint("webhooks", __name__, url_prefix="/hooks")
log = logging.getLogger(__name__)

MAX_SKEW_SECONDS = 300


def verify_mailgun_signature(signature):
    key = current_app.config.get("MAILGUN_SIGNING_KEY")
    if not key or not signature:
        return False
    timestamp = str(signature.get("timestamp", ""))
    token = signature.get("token", "")
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_SKEW_SECONDS:
        return False
    expected = hmac.new(key.encode(), f"{timestamp}{token}".encode(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, str(signature.get("signature", "")))


@bp.route("/mailgun", methods=["POST"])
@csrf.exempt
def mailgun_events():
    payload = request.get_json(silent=True) or {}
    if not verify_mailgun_signature(payload.get("signature")):
        abort(403)
    event = payload.get("event-data") or {}
    kind = event.get("event")
    recipient = (event.get("recipient") or "").lower()
    log.info("mailgun %s event for %s", kind, recipient)
    if kind in {"failed", "complained", "unsubscribed"} and recipient:
        subscription = Subscription.query.filter_by(email=recipient).first()
        if subscription is not None:
            subscription.subscribed = False
            subscription.bounced = kind == "failed"
            db.session.commit()
    return "", 204
