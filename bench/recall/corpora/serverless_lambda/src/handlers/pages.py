"""Server-rendered pages used by the booking widget embedded on restaurant sites."""
import html

import jwt

from tablebook.formatting import format_address
from tablebook.http import HTTPError, html_response, redirect
from tablebook.repositories import reservations as reservations_repo
from tablebook.repositories import restaurants
from tablebook.router import Router
from tablebook.services import reservations as booking
from tablebook.services.tokens import decode_guest_link_token
from tablebook.sessions import (CSRF_FORM_FIELD, GUEST_COOKIE, csrf_cookie, guest_cookie,
                                new_csrf_token, require_csrf)
from tablebook.templating import render_page

router = Router("pages")


def _confirmation_markup(name: str, restaurant: str, when: str) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Booked!</title></head>
<body style="font-family: system-ui, sans-serif; text-align: center; padding: 3rem;">
  <h1>See you soon, {name}!</h1>
  <p>Your table at {restaurant} is booked for {when}.</p>
  <p>We have sent the details to your e-mail address.</p>
</body></html>"""


@router.get("/booking/confirmed")
def booking_confirmed(request):
    params = request.query
    page = _confirmation_markup(params.get("name", ""), params.get("restaurant", ""), params.get("when", ""))
    return html_response(200, page)


def _guest_reservation(request, token: str) -> dict:
    try:
        claims = decode_guest_link_token(token)
    except jwt.InvalidTokenError:
        raise HTTPError(403, "this link is not valid")
    reservation_id = request.path_params["reservation_id"]
    if claims["rid"] != reservation_id:
        raise HTTPError(403, "this link is not valid")
    reservation = reservations_repo.get(reservation_id)
    if not reservation:
        raise HTTPError(404, "reservation not found")
    return reservation


@router.get("/r/{reservation_id}")
def manage(request):
    token = request.query.get("t") or request.cookies.get(GUEST_COOKIE, "")
    reservation = _guest_reservation(request, token)
    restaurant = restaurants.get(reservation["restaurant_id"])
    csrf = new_csrf_token()
    page = render_page(
        "manage.html",
        reservation=reservation,
        restaurant=restaurant,
        address=format_address(restaurant),
        csrf_token=csrf,
    )
    return html_response(200, page, cookies=[guest_cookie(token), csrf_cookie(csrf, same_site="None")])


@router.post("/r/{reservation_id}/party-size")
def change_party_size(request):
    form = request.form()
    require_csrf(request, submitted=form.get(CSRF_FORM_FIELD, ""))
    reservation = _guest_reservation(request, request.cookies.get(GUEST_COOKIE, ""))
    try:
        party_size = int(form.get("party_size", ""))
    except ValueError:
        raise HTTPError(400, "party size must be a number")
    booking.change_party_size(reservation, party_size)
    return redirect(f"/r/{reservation['reservation_id']}")


@router.post("/r/{reservation_id}/cancel")
def cancel(request):
    reservation = _guest_reservation(request, request.cookies.get(GUEST_COOKIE, ""))
    booking.cancel(reservation, reason="guest")
    return redirect(f"/r/{reservation['reservation_id']}")


@router.get("/r/{reservation_id}/help")
def help_page(request):
    topic = html.escape(request.query.get("topic", "your booking"))
    return html_response(200, f"<!doctype html><title>Help</title><p>Questions about {topic}? "
                              f"Reply to your confirmation e-mail and the restaurant will get back to you.</p>")


def handler(event, context):
    return router(event, context)
