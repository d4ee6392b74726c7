import hashlib
import hmac
import json
import logging
import os

from werkzeug.exceptions import Forbidden, ServiceUnavailable

from docsign.sessions import csrf_exempt
from docsign.utils import json_response
from docsign.views.base import Handler

log = logging.getLogger(__name__)


class WebhookHandler(Handler):
    """Callbacks from the RFC 3161 timestamp authority."""

    signature_header = "X-TSA-Signature"

    def __init__(self, app):
        super().__init__(app)
        secret = os.environ.get("DOCSIGN_TSA_WEBHOOK_SECRET")
        self.secret = secret.encode() if secret else None

    @csrf_exempt
    def timestamp_authority(self, request):
        if self.secret is None:
            log.error("TSA callback received but DOCSIGN_TSA_WEBHOOK_SECRET is not configured")
            raise ServiceUnavailable()
        body = request.get_data(cache=True)
        supplied = request.headers.get(self.signature_header, "")
        expected = hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, supplied):
            log.warning(
                "rejected TSA callback from %s: bad signature, headers=%s",
                request.remote_addr,
                dict(request.headers),
            )
            raise Forbidden()
        try:
            event = json.loads(body)
            document_id = int(event["document_id"])
            timestamp_token = event["timestamp_token"]
        except (ValueError, KeyError, TypeError) as exc:
            log.warning("malformed TSA callback: %s", exc)
            return json_response({"error": "invalid payload"}, 400)
        self.audit.record(None, "document.timestamp", document_id, detail=timestamp_token[:64])
        return json_response({"ok": True})
