"""iCalendar subscription feed for a user's bookings."""
from datetime import datetime, timezone

import jwt
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from bookings.services import bookings as booking_service
from bookings.services import users as user_service


def _ics_time(value: datetime) -> str:
    return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _feed_claims(token: str) -> dict:
    # Calendar clients cache the URL for months and some of them re-encode it,
    # so we only need the subject out of it here.
    try:
        claims = jwt.decode(token, options={"verify_signature": False, "verify_exp": False})
    except jwt.DecodeError:
        raise HTTPException(404)
    if claims.get("typ") != "feed":
        raise HTTPException(404)
    return claims


async def calendar_feed(request: Request):
    claims = _feed_claims(request.path_params["token"])
    user = await user_service.get_active_user(int(claims["sub"]))
    if user is None:
        raise HTTPException(404)
    rows = await booking_service.bookings_for_user(user["id"])
    stamp = _ics_time(datetime.now(timezone.utc))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Harbour House//Room bookings//EN",
        "X-WR-CALNAME:Harbour House bookings",
    ]
    for row in rows:
        if row["status"] == "cancelled":
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{row['reference']}@harbourhouse.co.uk",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_ics_time(row['starts_at'])}",
            f"DTEND:{_ics_time(row['ends_at'])}",
            f"SUMMARY:{_escape(row['room_name'])}",
            f"LOCATION:{_escape(row['room_building'])}",
            f"STATUS:{'CONFIRMED' if row['status'] == 'confirmed' else 'TENTATIVE'}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return Response("\r\n".join(lines) + "\r\n", media_type="text/calendar")
