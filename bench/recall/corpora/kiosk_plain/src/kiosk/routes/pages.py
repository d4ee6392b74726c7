"""Public HTML pages: listings, film pages, booking and e-tickets."""
import html

from bottle import Bottle, HTTPError, redirect, request, response, static_file

from kiosk import config, templates
from kiosk.auth import current_user
from kiosk.csrf import CsrfPlugin
from kiosk.routes.common import flash, page
from kiosk.services import bookings, payments, showings, tickets
from kiosk.util import etag_for, parse_day

app = Bottle()
app.install(CsrfPlugin())

LANGUAGES = ("en", "cy", "pl")


@app.get("/")
def index():
    redirect("/showings")


@app.get("/showings")
def showings_page():
    raw_day = request.query.get("day", "")
    day = parse_day(raw_day)
    if day is None:
        response.status = 400
        return "<p class='error'>Sorry, '%s' is not a date we understand. Use YYYY-MM-DD.</p>" % raw_day
    films = showings.showings_by_film(day)
    body = page(templates.SHOWINGS, "What's on", day=day, films=films)
    tag = etag_for(body)
    if request.get_header("If-None-Match") == tag:
        response.status = 304
        return ""
    response.set_header("ETag", tag)
    return body


@app.get("/search")
def search_fragment():
    q = request.query.getunicode("q", "").strip()
    if len(q) < 2:
        return ""
    films = showings.search_films(q)
    if not films:
        return "<p class='empty'>No films match <em>%s</em>.</p>" % html.escape(q)
    items = "".join(
        "<li><a href='/films/%d'>%s</a></li>" % (f["id"], html.escape(f["title"])) for f in films
    )
    return "<ul class='results'>%s</ul>" % items


@app.get("/films/<film_id:int>")
def film_page(film_id):
    ctx = showings.film_page_context(film_id)
    if ctx is None:
        raise HTTPError(404)
    return page(templates.FILM, ctx["film"]["title"], **ctx)


@app.get("/showings/<showing_id:int>/seats")
def seat_picker(showing_id):
    showing = showings.get_showing(showing_id)
    if showing is None or showing.is_past:
        raise HTTPError(404)
    info = {
        "id": showing.id,
        "title": showing.film_title,
        "starts_at": showing.starts_at,
        "price_cents": showing.price_cents,
    }
    return page(templates.SEATS, showing.film_title, showing=info, seat_map=showings.seat_map(showing_id))


@app.post("/showings/<showing_id:int>/book")
def book(showing_id):
    user = current_user()
    seats = request.forms.getall("seat")
    name = request.forms.getunicode("name") or (user["name"] if user else "")
    email = request.forms.getunicode("email") or (user["email"] if user else "")
    try:
        booking = bookings.hold_seats(
            showing_id, seats, name, email,
            customer_id=user["id"] if user else None,
        )
    except bookings.BookingError as exc:
        flash(str(exc))
        redirect("/showings/%d/seats" % showing_id)
    success = "%s/bookings/%s" % (config.PUBLIC_URL, booking.reference)
    cancel = "%s/showings/%d/seats" % (config.PUBLIC_URL, showing_id)
    redirect(payments.start_checkout(booking, success, cancel))


@app.get("/bookings/<reference>")
def booking_page(reference):
    detail = bookings.detail(reference)
    if detail is None:
        raise HTTPError(404)
    return page(templates.BOOKING, "Booking %s" % detail["reference"], booking=detail)


@app.get("/bookings/<reference>/qr.png")
def booking_qr(reference):
    booking = bookings.get_by_reference(reference)
    if booking is None or booking.status != "paid":
        raise HTTPError(404)
    response.content_type = "image/png"
    response.set_header("Cache-Control", "private, max-age=3600")
    return tickets.qr_png(tickets.ticket_token(booking))


@app.get("/lang/<code>")
def set_language(code):
    if code not in LANGUAGES:
        raise HTTPError(404)
    response.set_cookie("lang", code, path="/", max_age=365 * 24 * 3600)
    redirect(request.get_header("Referer") or "/")


@app.get("/static/<path:path>")
def static(path):
    return static_file(path, root=str(config.BASE_DIR / "static"))
