"""Internal back-office API used by the TableBook operations team."""
import logging
import uuid

from tablebook.config import get_settings
from tablebook.http import HTTPError, json_response
from tablebook.repositories import restaurants
from tablebook.router import Router

logger = logging.getLogger(__name__)
router = Router("admin")

REQUIRED_FIELDS = ("name", "city", "street", "postcode_city", "country", "bookings_email")


def _require_admin(request) -> None:
    supplied = request.headers.get("x-admin-key", "")
    if not supplied or supplied != get_settings().admin_api_key:
        raise HTTPError(403, "forbidden")


@router.post("/admin/restaurants")
def create_restaurant(request):
    _require_admin(request)
    data = request.json()
    missing = [f for f in REQUIRED_FIELDS if not str(data.get(f, "")).strip()]
    if missing:
        raise HTTPError(400, "missing fields: " + ", ".join(missing))
    restaurant = {field: str(data[field]).strip() for field in REQUIRED_FIELDS}
    restaurant.update({
        "restaurant_id": uuid.uuid4().hex,
        "status": "active",
        "max_party_size": int(data.get("max_party_size", 8)),
        "covers_per_slot": int(data.get("covers_per_slot", 40)),
        "featured": bool(data.get("featured", False)),
    })
    restaurants.put(restaurant)
    logger.info("restaurant %s created by ops", restaurant["restaurant_id"])
    return json_response(201, restaurant)


@router.post("/admin/restaurants/{restaurant_id}/suspend")
def suspend_restaurant(request):
    _require_admin(request)
    reason = str(request.json().get("reason", "")).strip() or "unspecified"
    restaurant = restaurants.update_fields(request.path_params["restaurant_id"],
                                           {"status": "suspended", "suspended_reason": reason})
    logger.info("restaurant %s suspended", restaurant["restaurant_id"])
    return json_response(200, restaurant)


def handler(event, context):
    return router(event, context)
