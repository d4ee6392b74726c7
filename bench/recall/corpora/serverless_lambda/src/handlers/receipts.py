"""Receipts for deposits and pre-orders, opened from a signed link in e-mails."""
from tablebook.http import HTTPError, html_response
from tablebook.repositories import reservations as reservations_repo
from tablebook.repositories import restaurants
from tablebook.router import Router
from tablebook.services.receipts import render_receipt, verify_receipt_signature

router = Router("receipts")


@router.get("/receipts/{reservation_id}")
def receipt(request):
    reservation_id = request.path_params["reservation_id"]
    if not verify_receipt_signature(reservation_id, request.query.get("sig", "")):
        raise HTTPError(404, "receipt not found")
    reservation = reservations_repo.get(reservation_id)
    if not reservation:
        raise HTTPError(404, "receipt not found")
    restaurant = restaurants.get(reservation["restaurant_id"])
    page = render_receipt(reservation, restaurant, reservation.get("charges", []))
    return html_response(200, page, headers={"Cache-Control": "private, no-store"})


def handler(event, context):
    return router(event, context)
