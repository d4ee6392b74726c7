"""Public restaurant directory and menus (no authentication)."""
import hashlib
import json
import random

from tablebook.http import PUBLIC_CORS, HTTPError, json_response
from tablebook.repositories import restaurants
from tablebook.router import Router

router = Router("restaurants")

FEATURED_SLOTS = 4


@router.get("/restaurants")
def list_restaurants(request):
    items = [restaurants.public_view(r) for r in restaurants.list_active(request.query.get("city"))]
    featured = [r for r in items if r.get("featured")]
    random.shuffle(featured)
    items.sort(key=lambda r: r.get("name", "").lower())
    return json_response(
        200,
        {"featured": featured[:FEATURED_SLOTS], "restaurants": items},
        headers={**PUBLIC_CORS, "Cache-Control": "public, max-age=60"},
    )


@router.get("/restaurants/{restaurant_id}")
def detail(request):
    restaurant = restaurants.get(request.path_params["restaurant_id"])
    if not restaurant or restaurant.get("status") != "active":
        raise HTTPError(404, "restaurant not found")
    return json_response(200, restaurants.public_view(restaurant), headers=PUBLIC_CORS)


@router.get("/restaurants/{restaurant_id}/menu")
def menu(request):
    restaurant = restaurants.get(request.path_params["restaurant_id"])
    if not restaurant or restaurant.get("status") != "active":
        raise HTTPError(404, "restaurant not found")
    body = json.dumps(restaurant.get("menu", {}), sort_keys=True, default=str)
    etag = '"' + hashlib.md5(body.encode("utf-8"), usedforsecurity=False).hexdigest() + '"'
    if request.headers.get("if-none-match") == etag:
        return {"statusCode": 304, "headers": {"ETag": etag, **PUBLIC_CORS}, "body": ""}
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json", "ETag": etag,
                    "Cache-Control": "public, max-age=300", **PUBLIC_CORS},
        "body": body,
    }


def handler(event, context):
    return router(event, context)
