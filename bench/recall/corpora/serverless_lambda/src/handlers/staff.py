"""Sign-in and the day sheet for the host-stand tablet app."""
from datetime import date

from tablebook.http import HTTPError, json_response
from tablebook.repositories import reservations as reservations_repo
from tablebook.repositories import users
from tablebook.router import Router
from tablebook.services.staff_auth import check_staff_password
from tablebook.services.tokens import STAFF_TOKEN_TTL, issue_staff_token
from tablebook.sessions import require_role

router = Router("staff")

STAFF_COOKIE = "tb_staff"


@router.post("/staff/login")
def staff_login(request):
    data = request.json()
    username = str(data.get("username", "")).strip().lower()
    password = str(data.get("password", ""))
    staff = users.get_staff(username) if username else None
    if not staff or not check_staff_password(password, staff["salt"], staff["password_hash"]):
        raise HTTPError(401, "wrong username or password")
    if not staff.get("active", True):
        raise HTTPError(403, "this staff account is disabled")

    token = issue_staff_token(staff)
    max_age = int(STAFF_TOKEN_TTL.total_seconds())
    cookie = f"{STAFF_COOKIE}={token}; Path=/; Max-Age={max_age}; Secure; SameSite=Lax"
    return json_response(
        200,
        {"staff_id": staff["staff_id"], "restaurant_id": staff["restaurant_id"], "role": staff.get("role", "host")},
        cookies=[cookie],
    )


@router.get("/staff/today")
@require_role("host", "manager", "owner")
def today(request):
    restaurant_id = request.auth.get("restaurant_id", "")
    day = request.query.get("date") or date.today().isoformat()
    bookings = reservations_repo.list_for_restaurant_day(restaurant_id, day)
    bookings.sort(key=lambda r: r["starts_at"])
    return json_response(200, {"date": day, "reservations": bookings})


def handler(event, context):
    return router(event, context)
