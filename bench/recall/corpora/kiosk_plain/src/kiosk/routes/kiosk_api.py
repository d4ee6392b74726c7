"""API for the self-service kiosks in the foyer.

Kiosks authenticate with a device token in the Authorization header, never
with cookies, so this app does not install the CSRF plugin.
"""
import logging

from bottle import Bottle, request

from kiosk import config
from kiosk.auth import current_device, device_required
from kiosk.ratelimit import rate_limited
from kiosk.routes.common import json_body, json_error
from kiosk.services import bookings, devices, payments, showings, tickets
from kiosk.util import parse_day

log = logging.getLogger(__name__)

app = Bottle()


@app.post("/pair")
@rate_limited("kiosk-pair", limit=5, per=600)
def pair():
    code = json_body().get("code", "")
    try:
        token = devices.pair(code)
    except devices.PairingError as exc:
        log.warning("pairing attempt with bad code from %s", request.remote_addr)
        return json_error(400, str(exc))
    log.info("kiosk paired with code %s, token %s", code, token)
    return {"token": token}


@app.get("/playlist")
@device_required()
def playlist():
    return {"trailers": devices.idle_playlist()}


@app.get("/showings")
@device_required("sell")
def todays_showings():
    day = parse_day(request.query.get("day"))
    return {"showings": [
        {"id": s.id, "title": s.film_title, "screen": s.screen,
         "starts_at": s.starts_at.isoformat(), "seats_left": s.seats_left,
         "price_cents": s.price_cents}
        for s in showings.list_showings(day)
        if not s.is_past
    ]}


@app.post("/bookings")
@device_required("sell")
def sell():
    data = json_body()
    try:
        booking = bookings.hold_seats(
            int(data.get("showing_id", 0)),
            data.get("seats") or [],
            data.get("name") or "Kiosk customer",
            data.get("email") or "kiosk@palacepicturehouse.co.uk",
            channel="kiosk:%s" % current_device()["dev"],
        )
    except bookings.BookingError as exc:
        return json_error(409, str(exc))
    return booking.public_dict()


@app.post("/bookings/<reference>/pay")
@device_required("sell")
def pay(reference):
    booking = bookings.get_by_reference(reference)
    if booking is None or booking.status != "held":
        return json_error(409, "booking is not awaiting payment")
    reader = json_body().get("reader_id") or config.TERMINAL_LOCATION
    try:
        intent_id = payments.start_terminal_payment(booking, reader)
    except payments.PaymentError as exc:
        return json_error(402, str(exc))
    return {"payment_intent": intent_id, "status": "processing"}


@app.get("/bookings/<reference>/print")
@device_required("print")
def print_booking(reference):
    booking = bookings.get_by_reference(reference)
    if booking is None or booking.status != "paid":
        return json_error(404, "no paid booking with that reference")
    return tickets.printable(booking)


@app.post("/reprint")
@device_required("print")
def reprint():
    # customers scan the QR from their e-mail; old e-mails may carry tokens
    # that have already expired, which is fine for a reprint
    claims = tickets.read_ticket(json_body().get("qr", ""), verify=False)
    booking = bookings.get(claims.get("bid"))
    if booking is None or booking.status != "paid":
        return json_error(404, "booking not found")
    log.info("reprint of %s on kiosk %s", booking.reference, current_device()["dev"])
    return tickets.printable(booking)
