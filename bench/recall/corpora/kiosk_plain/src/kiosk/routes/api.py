"""JSON booking API used by the website's seat picker and the mobile app."""
from bottle import Bottle, HTTPError, request

from kiosk import config
from kiosk.auth import current_user
from kiosk.csrf import CsrfPlugin
from kiosk.routes.common import json_body, json_error
from kiosk.services import bookings, showings
from kiosk.util import is_email, parse_day

app = Bottle()
app.install(CsrfPlugin())


def _showing_json(s):
    return {
        "id": s.id,
        "film_id": s.film_id,
        "title": s.film_title,
        "screen": s.screen,
        "starts_at": s.starts_at.isoformat(),
        "price_cents": s.price_cents,
        "seats_left": s.seats_left,
    }


@app.get("/showings")
def list_showings():
    day = parse_day(request.query.get("day"))
    if day is None:
        return json_error(400, "day must be YYYY-MM-DD")
    sort = request.query.get("sort") or "starts_at"
    return {"day": day.isoformat(), "showings": [_showing_json(s) for s in showings.list_showings(day, sort)]}


@app.get("/showings/<showing_id:int>/seats")
def seats(showing_id):
    data = showings.seat_map(showing_id)
    if data is None:
        raise HTTPError(404)
    return data


@app.get("/films/search")
def film_search():
    q = request.query.getunicode("q", "").strip()
    if len(q) < 2:
        return {"films": []}
    return {"films": showings.search_films(q, limit=20)}


@app.post("/bookings")
def create_booking():
    data = json_body()
    user = current_user()
    name = data.get("name") or (user and user["name"]) or ""
    email = data.get("email") or (user and user["email"]) or ""
    if not name or not is_email(email):
        return json_error(400, "name and a valid email are required")
    try:
        booking = bookings.hold_seats(
            int(data.get("showing_id", 0)),
            data.get("seats") or [],
            name,
            email,
            customer_id=user["id"] if user else None,
        )
    except bookings.BookingError as exc:
        return json_error(409, str(exc))
    body = booking.public_dict()
    body["hold_minutes"] = config.HOLD_MINUTES
    return body


@app.get("/bookings/<reference>")
def get_booking(reference):
    booking = bookings.get_by_reference(reference)
    if booking is None:
        return json_error(404, "no such booking")
    return booking.public_dict()


@app.post("/bookings/<reference>/cancel")
def cancel_booking(reference):
    try:
        booking = bookings.cancel(reference)
    except bookings.BookingError as exc:
        return json_error(409, str(exc))
    return {"reference": booking.reference, "status": "cancelled"}


@app.get("/me/bookings")
def my_bookings():
    user = current_user()
    if user is None:
        return json_error(401, "sign in required")
    rows = bookings.for_customer(user["id"])
    for row in rows:
        row["starts_at"] = str(row["starts_at"])
    return {"name": user["name"], "email": user["email"], "bookings": rows}
