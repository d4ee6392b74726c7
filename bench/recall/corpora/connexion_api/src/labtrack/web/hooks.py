"""Webhook for the analyser middleware.

The vendor middleware posts result batches here; every request is signed
with HMAC-SHA256 over the raw body using a shared secret.
"""
from __future__ import annotations

import hashlib
import hmac

import structlog
from flask import Blueprint, abort, current_app, jsonify, request

from labtrack import tasks
from labtrack.extensions import csrf, limiter

bp = Blueprint("hooks", __name__, url_prefix="/hooks")

log = structlog.get_logger(__name__)


def _signature_ok(body: bytes, sent: str) -> bool:
    secret = current_app.config["INSTRUMENT_WEBHOOK_SECRET"]
    if not secret or not sent:
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, sent.removeprefix("sha256="))


@bp.post("/analyser/results")
@csrf.exempt
@limiter.limit("120/minute")
def analyser_results():
    sent = request.headers.get(current_app.config["INSTRUMENT_SIGNATURE_HEADER"], "")
    if not _signature_ok(request.get_data(cache=True), sent):
        log.warning("webhook_bad_signature", remote_addr=request.remote_addr)
        abort(401)
    payload = request.get_json(force=True, silent=True)
    if not isinstance(payload, dict) or not isinstance(payload.get("results"), list):
        abort(400)
    tasks.ingest_results.delay(payload)
    return jsonify(accepted=len(payload["results"])), 202
