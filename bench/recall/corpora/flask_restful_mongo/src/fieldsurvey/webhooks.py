"""Inbound webhooks from KoboToolbox (paper-form digitisation partners)."""
import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, request

from .extensions import csrf, limiter
from .tasks import enqueue
from .tasks.jobs import import_kobo_submission

log = logging.getLogger(__name__)

webhooks_bp = Blueprint("webhooks", __name__)


def _verify_signature(body, signature):
    secret = current_app.config.get("WEBHOOK_SIGNING_SECRET")
    if not secret:
        log.error("WEBHOOK_SIGNING_SECRET is not configured; rejecting webhook")
        abort(503)
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


@webhooks_bp.route("/kobo", methods=["POST"])
@csrf.exempt
@limiter.limit("600 per minute")
def kobo_submission():
    if not _verify_signature(request.get_data(), request.headers.get("X-Kobo-Signature")):
        log.warning("kobo webhook with bad signature from %s", request.remote_addr)
        abort(403)
    payload = request.get_json(silent=True)
    if not payload or "_uuid" not in payload:
        abort(400)
    enqueue(import_kobo_submission, payload)
    return "", 204
