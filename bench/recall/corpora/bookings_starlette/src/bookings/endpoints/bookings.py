import logging

from starlette.authentication import requires
from starlette.endpoints import HTTPEndpoint
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from bookings import config
from bookings.csrf import csrf_exempt
from bookings.limiter import limiter
from bookings.services import bookings as booking_service
from bookings.services import mailer, payments
from bookings.services import rooms as room_service
from bookings.templating import templates
from bookings.utils import parse_iso

logger = logging.getLogger(__name__)


class NewBooking(HTTPEndpoint):
    @requires("authenticated", redirect="login")
    async def get(self, request: Request):
        room = await room_service.get_room_by_slug(request.path_params["slug"])
        if room is None:
            raise HTTPException(404)
        return templates.TemplateResponse(
            request,
            "bookings/new.html",
            {"room": room, "start": request.query_params.get("start", "")},
        )

    @requires("authenticated", redirect="login")
    async def post(self, request: Request):
        room = await room_service.get_room_by_slug(request.path_params["slug"])
        if room is None:
            raise HTTPException(404)
        form = await request.form()
        context = {"room": room, "form": form}
        try:
            starts_at = parse_iso(form["starts_at"])
            ends_at = parse_iso(form["ends_at"])
            attendees = int(form.get("attendees") or 1)
        except (KeyError, ValueError):
            context["error"] = "Please pick a valid start and end time."
            return templates.TemplateResponse(request, "bookings/new.html", context, status_code=400)
        try:
            booking = await booking_service.create_booking(
                request.user.id, room, starts_at, ends_at, attendees, form.get("notes", "")
            )
        except booking_service.BookingError as exc:
            context["error"] = str(exc)
            return templates.TemplateResponse(request, "bookings/new.html", context, status_code=409)
        return RedirectResponse(request.url_for("booking_detail", booking_id=booking["id"]), status_code=303)


@requires("authenticated", redirect="login")
async def my_bookings(request: Request):
    upcoming = request.query_params.get("all") != "1"
    rows = await booking_service.bookings_for_user(request.user.id, upcoming_only=upcoming)
    return templates.TemplateResponse(request, "bookings/mine.html", {"bookings": rows, "upcoming": upcoming})


@requires("authenticated", redirect="login")
async def booking_detail(request: Request):
    booking = await booking_service.get_booking_for_user(
        request.path_params["booking_id"], request.user.id
    )
    if booking is None:
        raise HTTPException(404)
    return templates.TemplateResponse(request, "bookings/detail.html", {"booking": booking})


@csrf_exempt
@requires("authenticated", redirect="login")
async def cancel_booking(request: Request):
    # Called from the htmx "Cancel" button on the dashboard.
    booking_id = request.path_params["booking_id"]
    if not await booking_service.cancel_booking(booking_id, request.user.id):
        raise HTTPException(409, "This booking can no longer be cancelled.")
    booking = await booking_service.get_booking(booking_id)
    if booking["payment_id"] and booking["status"] == "cancelled":
        try:
            await payments.get_client().refund(booking["payment_id"])
        except payments.PaymentError:
            logger.warning("refund for booking %s needs manual follow-up", booking["reference"])
    if request.headers.get("HX-Request"):
        return HTMLResponse('<span class="badge badge-secondary">cancelled</span>')
    return RedirectResponse("/bookings", status_code=303)


@requires("authenticated", redirect="login")
async def pay_booking(request: Request):
    booking = await booking_service.get_booking_for_user(
        request.path_params["booking_id"], request.user.id
    )
    if booking is None or booking["status"] != "pending":
        raise HTTPException(404)
    return_url = f"{config.SITE_URL}/bookings/{booking['id']}/paid"
    try:
        checkout = await payments.get_client().create_checkout(booking, request.user.email, return_url)
    except payments.PaymentError:
        return templates.TemplateResponse(
            request,
            "bookings/detail.html",
            {"booking": booking, "error": "We couldn't reach the payment provider. Please try again."},
            status_code=502,
        )
    await booking_service.set_status(booking["id"], "pending", payment_id=checkout["payment_id"])
    return RedirectResponse(checkout["url"], status_code=303)


@requires("authenticated", redirect="login")
async def booking_paid(request: Request):
    booking = await booking_service.get_booking_for_user(
        request.path_params["booking_id"], request.user.id
    )
    if booking is None:
        raise HTTPException(404)
    # The webhook does the actual confirmation; this page just waits for it.
    status = request.query_params.get("status", "success")
    return templates.TemplateResponse(
        request, "bookings/paid.html", {"booking": booking, "cancelled": status == "cancelled"}
    )


@limiter.limit("2/10minutes")
@requires("authenticated", redirect="login")
async def resend_confirmation(request: Request):
    booking = await booking_service.get_booking_for_user(
        request.path_params["booking_id"], request.user.id
    )
    if booking is None or booking["status"] != "confirmed":
        raise HTTPException(404)
    await mailer.send_booking_confirmation(request.user.row, booking)
    return RedirectResponse(request.url_for("booking_detail", booking_id=booking["id"]), status_code=303)
