import html
from datetime import date, datetime, time, timezone

from starlette.endpoints import HTTPEndpoint
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse

from bookings.services import availability, search
from bookings.services import rooms as room_service
from bookings.services.widgets import render_availability
from bookings.templating import templates


def _day_from(request: Request) -> datetime:
    raw = request.query_params.get("day")
    try:
        day = date.fromisoformat(raw) if raw else date.today()
    except ValueError:
        day = date.today()
    return datetime.combine(day, time(0, 0), tzinfo=timezone.utc)


class RoomList(HTTPEndpoint):
    async def get(self, request: Request):
        params = request.query_params
        try:
            min_capacity = int(params.get("capacity") or 0)
        except ValueError:
            min_capacity = 0
        results = await search.search_rooms(
            term=params.get("q", "").strip(),
            building=params.get("building", ""),
            min_capacity=min_capacity,
            sort=params.get("sort", "name"),
            descending=params.get("dir") == "desc",
        )
        context = {
            "rooms": results,
            "featured": await room_service.featured_rooms(),
            "buildings": await search.buildings(),
            "q": params.get("q", ""),
            "welcome": params.get("welcome") == "1",
        }
        return templates.TemplateResponse(request, "rooms/list.html", context)


async def quick_search(request: Request):
    """htmx partial for the search box in the header."""
    q = request.query_params.get("q", "").strip()
    if len(q) < 2:
        return HTMLResponse("")
    results = await search.search_rooms(term=q, limit=8)
    if not results:
        return HTMLResponse(f'<li class="empty">No rooms match <b>{q}</b></li>')
    items = [
        f'<li><a href="/rooms/{row["slug"]}">{html.escape(row["name"])}</a>'
        f' <small>{html.escape(row["building"])}</small></li>'
        for row in results
    ]
    return HTMLResponse("".join(items))


async def building_rooms(request: Request):
    building = request.query_params.get("building", "")
    results = await search.search_rooms(building=building)
    if not results:
        return HTMLResponse(f"<p>No bookable rooms in {html.escape(building)} right now.</p>")
    return templates.TemplateResponse(request, "rooms/_cards.html", {"rooms": results})


class RoomDetail(HTTPEndpoint):
    async def get(self, request: Request):
        room = await room_service.get_room_by_slug(request.path_params["slug"])
        if room is None or not room["is_active"]:
            raise HTTPException(404)
        day = _day_from(request)
        busy = (await availability.busy_slots([room["id"]], day)).get(room["id"], [])
        context = {
            "room": room,
            "day": day,
            "free_hours": availability.free_hours(busy, day),
        }
        return templates.TemplateResponse(request, "rooms/detail.html", context)


async def availability_widget(request: Request):
    room = await room_service.get_room_by_slug(request.path_params["slug"])
    if room is None or not room["is_active"]:
        raise HTTPException(404)
    day = _day_from(request)
    busy = (await availability.busy_slots([room["id"]], day)).get(room["id"], [])
    body = render_availability(
        room,
        day,
        availability.free_hours(busy, day),
        theme=request.query_params.get("theme", "light"),
        heading=request.query_params.get("heading", ""),
    )
    return HTMLResponse(body)
