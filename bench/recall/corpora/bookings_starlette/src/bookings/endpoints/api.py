"""JSON API used by the mobile app and by partner integrations."""
import json
import logging
from datetime import timedelta

from starlette.authentication import requires
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from bookings import config
from bookings.auth import tokens
from bookings.services import availability
from bookings.services import bookings as booking_service
from bookings.services import rooms as room_service
from bookings.services import users as user_service
from bookings.utils import money, parse_iso, utcnow

logger = logging.getLogger(__name__)


async def _json_body(request: Request) -> dict:
    try:
        data = await request.json()
    except json.JSONDecodeError:
        raise HTTPException(400, "Request body must be JSON")
    if not isinstance(data, dict):
        raise HTTPException(400, "Request body must be a JSON object")
    return data


def _booking_json(row) -> dict:
    return {
        "id": row["id"],
        "reference": row["reference"],
        "room": row["room_slug"],
        "starts_at": row["starts_at"].isoformat(),
        "ends_at": row["ends_at"].isoformat(),
        "attendees": row["attendees"],
        "status": row["status"],
        "amount": money(row["amount"]),
    }


async def issue_token(request: Request):
    data = await _json_body(request)
    user = await user_service.authenticate(str(data.get("email", "")), str(data.get("password", "")))
    if user is None:
        return JSONResponse({"error": "invalid_grant"}, status_code=401)
    access = tokens.issue_access_token(user)
    refresh = tokens.issue_refresh_token(user["id"])
    return JSONResponse(
        {
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "Bearer",
            "expires_in": int(config.ACCESS_TOKEN_TTL.total_seconds()),
        }
    )


async def refresh_token(request: Request):
    data = await _json_body(request)
    try:
        claims = tokens.decode_refresh_token(str(data.get("refresh_token", "")))
    except tokens.TokenError:
        return JSONResponse({"error": "invalid_grant"}, status_code=401)
    user = await user_service.get_active_user(int(claims["sub"]))
    if user is None:
        return JSONResponse({"error": "invalid_grant"}, status_code=401)
    return JSONResponse(
        {
            "access_token": tokens.issue_access_token(user),
            "token_type": "Bearer",
            "expires_in": int(config.ACCESS_TOKEN_TTL.total_seconds()),
        }
    )


async def list_rooms(request: Request):
    rows = await room_service.list_active_rooms()
    return JSONResponse(
        [
            {
                "slug": r["slug"],
                "name": r["name"],
                "building": r["building"],
                "capacity": r["capacity"],
                "hourly_rate": money(r["hourly_rate"]),
            }
            for r in rows
        ]
    )


@requires("authenticated")
async def list_bookings(request: Request):
    rows = await booking_service.bookings_for_user(request.user.id, upcoming_only=True)
    return JSONResponse([_booking_json(r) for r in rows])


@requires("authenticated")
async def create_booking(request: Request):
    data = await _json_body(request)
    room = await room_service.get_room_by_slug(str(data.get("room", "")))
    if room is None:
        raise HTTPException(404, "Unknown room")
    try:
        starts_at = parse_iso(str(data["starts_at"]))
        ends_at = parse_iso(str(data["ends_at"]))
        attendees = int(data.get("attendees", 1))
    except (KeyError, ValueError):
        raise HTTPException(400, "starts_at and ends_at must be ISO 8601 timestamps")
    try:
        booking = await booking_service.create_booking(
            request.user.id, room, starts_at, ends_at, attendees, str(data.get("notes", ""))
        )
    except booking_service.BookingError as exc:
        return JSONResponse({"error": str(exc)}, status_code=409)
    return JSONResponse(_booking_json(booking), status_code=201)


@requires("authenticated")
async def cancel_booking(request: Request):
    if not await booking_service.cancel_booking(request.path_params["booking_id"], request.user.id):
        raise HTTPException(409, "This booking can no longer be cancelled.")
    return JSONResponse({"status": "cancelled"})


@requires("authenticated")
async def room_utilisation(request: Request):
    data = await _json_body(request)
    room_ids = data.get("rooms") or []
    if not isinstance(room_ids, list) or len(room_ids) > 50:
        raise HTTPException(400, "rooms must be a list of at most 50 ids")
    until = utcnow()
    since = until - timedelta(days=int(data.get("days", 30)))
    hours = await availability.utilisation(room_ids, since, until)
    return JSONResponse({"since": since.isoformat(), "until": until.isoformat(), "hours": hours})


async def purge_sessions(request: Request):
    """Ops hook used by the deploy pipeline to drop all remember-me tokens."""
    if request.headers.get("X-Admin-Token") != str(config.ADMIN_API_TOKEN):
        return JSONResponse({"error": "forbidden"}, status_code=403)
    from bookings.db import database
    from bookings.tables import remember_tokens

    deleted = await database.execute(remember_tokens.delete())
    logger.info("purged remember-me tokens (%s rows)", deleted)
    return JSONResponse({"purged": True})
