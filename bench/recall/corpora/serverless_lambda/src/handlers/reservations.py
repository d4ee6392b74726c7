"""Reservations made by signed-in guests from the web app."""
from tablebook.http import HTTPError, json_response
from tablebook.repositories import reservations as reservations_repo
from tablebook.repositories import users
from tablebook.router import Router
from tablebook.services import reservations as booking
from tablebook.sessions import csrf_protected, require_user

router = Router("reservations")


def _own_reservation(request) -> dict:
    reservation = reservations_repo.get(request.path_params["reservation_id"])
    if not reservation or reservation.get("user_id") != request.user_id:
        raise HTTPError(404, "reservation not found")
    return reservation


def _party_size(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise HTTPError(400, "party_size must be a number")


@router.post("/reservations")
@require_user
@csrf_protected
def create(request):
    data = request.json()
    guest = users.get(request.user_id)
    if not guest:
        raise HTTPError(401, "account not found")
    reservation = booking.create_reservation(
        guest=guest,
        restaurant_id=str(data.get("restaurant_id", "")),
        day=str(data.get("date", "")),
        slot=str(data.get("time", "")),
        party_size=_party_size(data.get("party_size")),
        special_requests=str(data.get("special_requests", "")).strip(),
    )
    return json_response(201, reservation)


@router.get("/reservations/{reservation_id}")
@require_user
def detail(request):
    return json_response(200, _own_reservation(request))


@router.post("/reservations/{reservation_id}/cancel")
@require_user
@csrf_protected
def cancel(request):
    return json_response(200, booking.cancel(_own_reservation(request)))


@router.post("/reservations/{reservation_id}/invites")
@require_user
@csrf_protected
def invite(request):
    reservation = _own_reservation(request)
    invite = booking.create_group_invite(reservation)
    return json_response(201, {
        "join_url": f"/join/{invite['code']}",
        "expires_at": invite["expires_at"],
    })


@router.post("/join/{code}")
@require_user
@csrf_protected
def join(request):
    guest = users.get(request.user_id)
    reservation = booking.join_group(request.path_params["code"],
                                     {"user_id": guest["user_id"], "name": guest["name"]})
    return json_response(200, {
        "reservation_id": reservation["reservation_id"],
        "restaurant_id": reservation["restaurant_id"],
        "starts_at": reservation["starts_at"],
        "host": reservation["guest_name"],
    })


def handler(event, context):
    return router(event, context)
