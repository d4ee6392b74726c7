import os
from datetime import datetime, timedelta, timezone

from starlette.authentication import requires
from starlette.endpoints import HTTPEndpoint
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from bookings import config
from bookings.db import database
from bookings.services import audit, reports
from bookings.services import rooms as room_service
from bookings.templating import templates
from bookings.utils import photo_etag

BOOKING_LIST_SQL = """
    SELECT b.id, b.reference, b.starts_at, b.ends_at, b.status, b.amount, b.notes,
           r.name AS room_name, u.email AS guest_email, u.display_name AS guest_name
    FROM bookings b
    JOIN rooms r ON r.id = b.room_id
    JOIN users u ON u.id = b.user_id
"""

ALLOWED_PHOTO_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


@requires("admin", status_code=404)
async def dashboard(request: Request):
    context = {"top_rooms": await reports.top_rooms(), "audit": await audit.recent()}
    return templates.TemplateResponse(request, "admin/dashboard.html", context)


@requires("admin", status_code=404)
async def booking_list(request: Request):
    status = request.query_params.get("status", "")
    guest = request.query_params.get("guest", "").strip()
    sql = BOOKING_LIST_SQL
    values = {}
    if status:
        sql += " WHERE b.status = '%s'" % status
    if guest:
        sql += (" AND" if status else " WHERE") + " lower(u.email) LIKE :guest"
        values["guest"] = f"%{guest.lower()}%"
    sql += " ORDER BY b.starts_at DESC LIMIT 500"
    rows = await database.fetch_all(query=sql, values=values)
    return templates.TemplateResponse(
        request, "admin/bookings.html", {"bookings": rows, "status": status, "guest": guest}
    )


class RoomEditor(HTTPEndpoint):
    @requires("admin", status_code=404)
    async def get(self, request: Request):
        room = None
        if "room_id" in request.path_params:
            room = await room_service.get_room(request.path_params["room_id"])
            if room is None:
                raise HTTPException(404)
        return templates.TemplateResponse(request, "admin/room_form.html", {"room": room})

    @requires("admin", status_code=404)
    async def post(self, request: Request):
        form = await request.form()
        data = {
            "name": form.get("name", ""),
            "building": form.get("building", ""),
            "capacity": form.get("capacity") or 1,
            "hourly_rate": form.get("hourly_rate") or "0",
            "description": form.get("description", ""),
            "is_featured": form.get("is_featured"),
        }
        if "room_id" in request.path_params:
            room_id = request.path_params["room_id"]
            await room_service.update_room(room_id, data)
        else:
            room_id = await room_service.create_room(data)
        await audit.record(request, "room_saved", {"room_id": room_id, **audit.form_details(form)})

        upload = form.get("photo")
        if upload is not None and getattr(upload, "filename", ""):
            ext = ALLOWED_PHOTO_TYPES.get(upload.content_type)
            if ext is None:
                raise HTTPException(400, "Photos must be JPEG, PNG or WebP.")
            content = await upload.read()
            filename = f"room-{room_id}-{photo_etag(content)[:12]}{ext}"
            with open(os.path.join(config.UPLOAD_DIR, filename), "wb") as fh:
                fh.write(content)
            await room_service.set_photo(room_id, filename)
        return RedirectResponse("/admin/", status_code=303)


@requires("admin", status_code=404)
async def revenue_report(request: Request):
    period = request.query_params.get("period", "month")
    until = datetime.now(timezone.utc)
    since = until - timedelta(days=365)
    rows = await reports.revenue_by_period(period, since, until)
    if request.query_params.get("format") == "csv":
        body = reports.to_csv(rows, ["period", "bookings", "revenue"])
        return Response(
            body,
            media_type="text/csv",
            headers={"Content-Disposition": 'attachment; filename="revenue.csv"'},
        )
    return templates.TemplateResponse(request, "admin/revenue.html", {"rows": rows, "period": period})
