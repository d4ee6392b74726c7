import base64
import hashlib
import hmac
import logging

from flask import Blueprint, abort, current_app, request

from . import db
from .extensions import csrf

bp = Blueprint("webhooks", __name__)

log = logging.getLogger(__name__)


def _twilio_signature(url, params, secret):
    payload = url + "".join(k + params[k] for k in sorted(params))
    mac = hmac.new(secret.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(mac).decode()


@bp.post("/sms/status")
@csrf.exempt
def sms_status():
    log.info("sms status callback headers=%s", dict(request.headers))
    expected = _twilio_signature(
        request.url, request.form.to_dict(), current_app.config["SMS_WEBHOOK_SECRET"]
    )
    if not hmac.compare_digest(expected, request.headers.get("X-Twilio-Signature", "")):
        abort(403)
    db.execute(
        "UPDATE sms_log SET status = %s, updated_at = NOW() WHERE provider_sid = %s",
        (request.form.get("MessageStatus"), request.form.get("MessageSid")),
    )
    return "", 204
