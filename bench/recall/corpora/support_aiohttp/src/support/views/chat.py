"""Live chat between widget visitors and agents over WebSockets."""
import json
import logging
from collections import defaultdict

import jwt
from aiohttp import WSMsgType, web

from ..auth import current_user_id
from ..services.widgets import load_site, visitor_claims

routes = web.RouteTableDef()
log = logging.getLogger(__name__)

ROOMS_KEY = web.AppKey("chat_rooms", dict)


def rooms(app: web.Application) -> dict:
    if ROOMS_KEY not in app:
        app[ROOMS_KEY] = defaultdict(set)
    return app[ROOMS_KEY]


async def _identify(request: web.Request) -> dict | None:
    agent_id = await current_user_id(request)
    if agent_id is not None:
        return {"kind": "agent", "id": agent_id}
    site = await load_site(request.app["db"], request.query.get("site", ""))
    token = request.query.get("token")
    if site is None or not token:
        return None
    try:
        claims = visitor_claims(token, site)
    except jwt.PyJWTError:
        return None
    return {"kind": "visitor", "id": claims["sub"], "site": site.site_id}


@routes.get("/ws/chat/{room}", name="chat-socket")
async def chat_socket(request: web.Request):
    who = await _identify(request)
    if who is None:
        raise web.HTTPUnauthorized()
    origin = request.headers.get("Origin", "")
    if who["kind"] == "agent" and origin and origin != request.app["public_origin"]:
        raise web.HTTPForbidden()

    ws = web.WebSocketResponse(heartbeat=30)
    await ws.prepare(request)
    room = rooms(request.app)[request.match_info["room"]]
    room.add(ws)
    try:
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            try:
                text = str(json.loads(msg.data).get("text", ""))[:4000]
            except (ValueError, AttributeError):
                continue
            event = {"from": who["kind"], "id": who["id"], "text": text}
            for peer in list(room):
                if not peer.closed:
                    await peer.send_json(event)
    finally:
        room.discard(ws)
    log.info("chat socket closed room=%s kind=%s", request.match_info["room"], who["kind"])
    return ws
