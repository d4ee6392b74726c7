"""Inbound integrations: e-mail provider webhooks and webhook management."""
import hashlib
import hmac
import logging
import os

import aiohttp_jinja2
from aiohttp import web

from ..auth import login_required
from ..security.csrf import csrf_exempt

routes = web.RouteTableDef()
log = logging.getLogger(__name__)

INBOUND_SIGNING_KEY = os.environ.get("INBOUND_MAIL_SIGNING_KEY", "").encode()


def _valid_signature(body: bytes, timestamp: str, signature: str) -> bool:
    if not INBOUND_SIGNING_KEY or not timestamp or not signature:
        return False
    expected = hmac.new(INBOUND_SIGNING_KEY, timestamp.encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)


@routes.post("/hooks/inbound-mail", name="inbound-mail")
@csrf_exempt
async def inbound_mail(request: web.Request):
    """Replies customers send by e-mail, forwarded by the mail provider."""
    body = await request.read()
    if not _valid_signature(body, request.headers.get("X-Mail-Timestamp", ""),
                            request.headers.get("X-Mail-Signature", "")):
        log.warning("rejected inbound mail hook from %s: bad signature", request.remote)
        raise web.HTTPUnauthorized()
    payload = await request.json()
    ticket_id = payload.get("ticket_id")
    if ticket_id:
        await request.app["tickets"].add_message(int(ticket_id), payload["author_id"], payload["text"])
    return web.json_response({"ok": True})


@routes.get("/settings/webhooks", name="webhooks")
@login_required
@aiohttp_jinja2.template("account/webhooks.html")
async def webhook_list(request: web.Request):
    rows = await request.app["db"].fetch(
        "SELECT id, url, events, enabled, failures FROM webhook_endpoints WHERE team_id = $1",
        request.app["default_team"],
    )
    return {"endpoints": rows}


@routes.post("/settings/webhooks", name="webhook-create")
@login_required
async def webhook_create(request: web.Request):
    form = await request.post()
    url = form.get("url", "").strip()
    if not url.startswith("https://"):
        raise web.HTTPBadRequest(text="Webhook URLs must use HTTPS.")
    events = form.getall("events", []) or ["ticket.created"]
    endpoint_id, secret = await request.app["webhooks"].register(request.app["default_team"], url, events)
    return aiohttp_jinja2.render_template(
        "account/webhook_created.html", request, {"endpoint_id": endpoint_id, "secret": secret}
    )
