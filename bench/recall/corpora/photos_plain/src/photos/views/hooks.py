"""Endpoints called by machines: the image worker and the mail provider."""
import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, jsonify, request

from .. import db, models

bp = Blueprint("hooks", __name__, url_prefix="/hooks")
log = logging.getLogger(__name__)


@bp.route("/worker/photos/<int:photo_id>", methods=["POST"])
def worker_callback(photo_id):
    log.info("worker callback for photo %s headers=%s", photo_id, dict(request.headers))
    if request.headers.get("X-Worker-Token") != current_app.config["WORKER_TOKEN"]:
        abort(403)
    data = request.get_json(force=True)
    if data.get("status") == "ready":
        models.mark_processed(photo_id, int(data.get("width", 0)), int(data.get("height", 0)))
    else:
        models.mark_failed(photo_id)
        log.warning("worker failed on photo %s: %s", photo_id, data.get("error"))
    return jsonify(ok=True)


def _valid_bounce_signature(body, signature):
    secret = current_app.config.get("BOUNCE_WEBHOOK_SECRET")
    if not secret or not signature:
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@bp.route("/mail/bounce", methods=["POST"])
def mail_bounce():
    body = request.get_data()
    if not _valid_bounce_signature(body, request.headers.get("X-Signature", "")):
        abort(403)
    event = request.get_json(force=True)
    email = (event.get("recipient") or "").strip()
    kind = event.get("type", "bounce")
    if email:
        db.execute("INSERT INTO bounces (email, kind) VALUES (?, ?)", (email, kind))
        if kind in ("hard_bounce", "complaint"):
            db.execute("UPDATE users SET email_verified = 0 WHERE lower(email) = lower(?)", (email,))
    log.info("mail event %s recorded", kind)
    return jsonify(ok=True)
