"""REST API for the mobile app and integrations (bearer tokens)."""
import logging

from aiohttp import web

from ..auth import bearer_required
from ..security.passwords import hasher
from ..security.ratelimit import throttle
from ..security.tokens import (
    TokenError,
    decode_refresh_token,
    issue_access_token,
    issue_refresh_token,
)

routes = web.RouteTableDef()
log = logging.getLogger(__name__)


@routes.post("/api/v1/token", name="api-token")
async def obtain_token(request: web.Request):
    data = await request.json()
    email = str(data.get("email", ""))
    users = request.app["users"]
    user = await users.by_email(email)
    if user is None or not hasher.verify(str(data.get("password", "")), user["password_hash"]):
        return web.json_response({"error": "invalid_grant"}, status=400)
    access = issue_access_token(user["id"], user["role"])
    refresh, jti = issue_refresh_token(user["id"])
    log.debug("issued tokens for %s: access=%s refresh=%s", email, access, refresh)
    return web.json_response(
        {"access_token": access, "refresh_token": refresh, "token_type": "Bearer"}
    )


@routes.post("/api/v1/token/refresh", name="api-token-refresh")
@throttle("refresh", limit=30, per=60)
async def refresh_token(request: web.Request):
    data = await request.json()
    try:
        claims = decode_refresh_token(str(data.get("refresh_token", "")))
    except TokenError:
        return web.json_response({"error": "invalid_grant"}, status=400)
    users = request.app["users"]
    if await users.refresh_revoked(claims["jti"]):
        return web.json_response({"error": "invalid_grant"}, status=400)
    user = await users.by_id(int(claims["sub"]))
    if user is None or not user["is_active"]:
        return web.json_response({"error": "invalid_grant"}, status=400)
    return web.json_response(
        {"access_token": issue_access_token(user["id"], user["role"]), "token_type": "Bearer"}
    )


@routes.get("/api/v1/tickets/{ticket_id:\\d+}", name="api-ticket")
@bearer_required
async def api_ticket(request: web.Request):
    ticket = await request.app["tickets"].get(int(request.match_info["ticket_id"]))
    if ticket is None:
        raise web.HTTPNotFound()
    return web.json_response(dict(ticket), dumps=request.app["json_dumps"])


@routes.post("/api/v1/tickets/{ticket_id:\\d+}/messages", name="api-ticket-message")
@bearer_required
async def api_add_message(request: web.Request):
    ticket_id = int(request.match_info["ticket_id"])
    data = await request.json()
    text = str(data.get("text", "")).strip()
    if not text:
        raise web.HTTPBadRequest(text="text is required")
    message_id = await request.app["tickets"].add_message(ticket_id, request["user_id"], text)
    return web.json_response({"id": message_id}, status=201)
