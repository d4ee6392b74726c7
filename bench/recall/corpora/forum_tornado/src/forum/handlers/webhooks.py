"""Inbound webhooks from third-party services."""
import hashlib
import hmac
import json
import logging
import time

import tornado.web
from tornado.options import options

from forum.handlers.base import BaseHandler

log = logging.getLogger("forum.hooks")

MAX_SKEW = 300


class MailgunEventsHandler(BaseHandler):
    """Bounce / complaint events so we stop mailing dead addresses."""

    def check_xsrf_cookie(self):
        # Mailgun can't send our xsrf token; requests are authenticated by signature instead
        return None

    def _verify(self, signature):
        key = options.mailgun_signing_key.encode()
        if not key:
            return False
        timestamp = str(signature.get("timestamp", ""))
        token = str(signature.get("token", ""))
        if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > MAX_SKEW:
            return False
        expected = hmac.new(key, (timestamp + token).encode(), hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, str(signature.get("signature", "")))

    async def prepare(self):
        self.current_user = None

    async def post(self):
        try:
            payload = json.loads(self.request.body)
        except ValueError:
            raise tornado.web.HTTPError(400)
        if not self._verify(payload.get("signature", {})):
            raise tornado.web.HTTPError(403)
        event = payload.get("event-data", {})
        kind = event.get("event")
        recipient = (event.get("recipient") or "").lower()
        if kind in ("failed", "complained") and recipient:
            await self.application.db.execute(
                "UPDATE users SET email_bouncing = true WHERE lower(email) = $1", recipient
            )
            log.info("marked address as bouncing after %s event", kind)
        self.write({"ok": True})
