"""JSON API v1 (mobile app, partner integrations, embeddable widget)."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timezone

from sanic import Blueprint, Request
from sanic.exceptions import NotFound
from sanic.response import json
from sanic_ext import validate

from gatepass.repositories.events import EventRepository
from gatepass.repositories.tickets import TicketRepository
from gatepass.repositories.users import UserRepository
from gatepass.security.ratelimit import rate_limit
from gatepass.security.sessions import login_required
from gatepass.security.tokens import digest_token, issue_access_token, new_refresh_token
from gatepass.services.accounts import AccountService

logger = logging.getLogger(__name__)

bp = Blueprint("api_v1", url_prefix="/v1")


@dataclass
class TokenRequest:
    email: str
    password: str


@dataclass
class RefreshRequest:
    refresh_token: str


def _event_json(row) -> dict:
    return {
        "slug": row["slug"],
        "title": row["title"],
        "category": row["category"],
        "venue": row["venue"],
        "city": row["city"],
        "starts_at": row["starts_at"].isoformat(),
        "price_from_cents": row["price_from"],
    }


async def _token_response(request: Request, user) -> dict:
    config = request.app.config
    refresh, digest = new_refresh_token()
    await UserRepository(request.app.ctx.db).store_refresh_token(
        user["id"], digest, datetime.now(timezone.utc) + config.REFRESH_TOKEN_TTL
    )
    logger.info("issued api tokens for user %s (refresh %s...)", user["id"], digest[:8])
    return {
        "access_token": issue_access_token(user, config),
        "token_type": "bearer",
        "expires_in": int(config.ACCESS_TOKEN_TTL.total_seconds()),
        "refresh_token": refresh,
    }


@bp.get("/health")
async def health(request: Request):
    db_ok = await request.app.ctx.db.fetchval("SELECT 1") == 1
    redis_ok = await request.app.ctx.redis.ping()
    status = 200 if db_ok and redis_ok else 503
    return json({"db": db_ok, "redis": bool(redis_ok)}, status=status)


@bp.post("/token")
@validate(json=TokenRequest)
async def issue_token(request: Request, body: TokenRequest):
    user = await AccountService(request.app).authenticate(body.email, body.password)
    if user is None:
        return json({"error": "invalid_grant"}, status=401)
    return json(await _token_response(request, user))


@bp.post("/token/refresh")
@rate_limit("token-refresh", limit=30, window=60)
@validate(json=RefreshRequest)
async def refresh_token(request: Request, body: RefreshRequest):
    users = UserRepository(request.app.ctx.db)
    row = await users.consume_refresh_token(digest_token(body.refresh_token))
    user = await users.get(row["user_id"]) if row else None
    if user is None:
        return json({"error": "invalid_grant"}, status=401)
    return json(await _token_response(request, user))


@bp.get("/events")
async def list_events(request: Request):
    try:
        page = max(int(request.args.get("page", 1)), 1)
    except ValueError:
        page = 1
    rows = await EventRepository(request.app.ctx.db).list_published(
        category=request.args.get("category"), limit=50, offset=(page - 1) * 50
    )
    return json({"page": page, "events": [_event_json(row) for row in rows]})


@bp.get("/me/tickets")
@login_required
async def my_tickets(request: Request):
    rows = await TicketRepository(request.app.ctx.db).for_user(request.ctx.user["id"])
    return json(
        {
            "tickets": [
                {
                    "id": row["id"],
                    "holder_name": row["holder_name"],
                    "type": row["type_name"],
                    "status": row["status"],
                    "event": {"slug": row["event_slug"], "title": row["event_title"], "starts_at": row["starts_at"].isoformat()},
                    "qr_url": f"/tickets/{row['id']}/qr.png",
                }
                for row in rows
            ]
        }
    )


# --- embeddable booking widget ----------------------------------------------

@bp.get("/widget/<slug:slug>/availability")
async def widget_availability(request: Request, slug: str):
    repo = EventRepository(request.app.ctx.db)
    event = await repo.get_by_slug(slug)
    if event is None or event["status"] != "published":
        raise NotFound("No such event")
    types = await repo.ticket_types(event["id"])
    return json(
        {
            "event": _event_json({**event, "price_from": min((t["price_cents"] for t in types), default=None)}),
            "ticket_types": [
                {"id": t["id"], "name": t["name"], "price_cents": t["price_cents"], "available": max(t["capacity"] - t["sold"], 0)}
                for t in types
            ],
        }
    )


@bp.get("/widget/<slug:slug>/me")
async def widget_me(request: Request, slug: str):
    """Lets the widget greet a signed-in visitor and show tickets they already hold."""
    user = request.ctx.user
    if user is None:
        return json({"signed_in": False})
    held = [t for t in await TicketRepository(request.app.ctx.db).for_user(user["id"]) if t["event_slug"] == slug]
    return json(
        {
            "signed_in": True,
            "name": user["full_name"],
            "email": user["email"],
            "tickets": [{"id": t["id"], "type": t["type_name"], "holder_name": t["holder_name"]} for t in held],
        }
    )
