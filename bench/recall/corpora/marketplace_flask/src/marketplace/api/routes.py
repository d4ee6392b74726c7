import logging

import jwt
from flask import current_app, g, jsonify, request
from sqlalchemy import delete, func, select

from ..extensions import db, limiter
from ..models import Category, Device, Favourite, Listing, User
from ..services import apikeys, shipping
from ..services.search import search_listings
from ..services.social import verify_apple_identity_token
from ..utils.strings import unique_slug
from . import api_bp
from .auth import api_key_required, token_required
from .tokens import rotate_refresh_token, token_pair

log = logging.getLogger("marketplace.api")

MAX_PAGE_SIZE = 50


def _listing_json(listing):
    return {
        "id": listing.id,
        "slug": listing.slug,
        "title": listing.title,
        "description": listing.description,
        "price_cents": listing.price_cents,
        "currency": listing.currency,
        "condition": listing.condition,
        "status": listing.status,
        "seller": listing.seller.username,
        "created_at": listing.created_at.isoformat(),
    }


def _user_json(user):
    return {
        "id": user.id,
        "username": user.username,
        "email": user.email,
        "bio": user.bio,
        "location": user.location,
        "phone_verified": user.phone_verified,
        "rating": user.rating,
    }


@api_bp.post("/auth/token")
def obtain_token():
    data = request.get_json(silent=True) or {}
    email = (data.get("email") or "").strip().lower()
    password = data.get("password") or ""
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    if user is None or not user.check_password(password) or user.is_banned:
        return jsonify(error="invalid_credentials"), 401
    return jsonify(token_pair(user))


@api_bp.post("/auth/refresh")
@limiter.limit("30 per minute")
def refresh_token():
    data = request.get_json(silent=True) or {}
    user, new_refresh = rotate_refresh_token(data.get("refresh_token", ""))
    if user is None:
        return jsonify(error="invalid_refresh_token"), 401
    pair = token_pair(user)
    pair["refresh_token"] = new_refresh
    return jsonify(pair)


@api_bp.post("/auth/apple")
@limiter.limit("10 per minute")
def apple_sign_in():
    data = request.get_json(silent=True) or {}
    try:
        claims = verify_apple_identity_token(data.get("identity_token", ""))
    except jwt.PyJWTError:
        return jsonify(error="invalid_identity_token"), 401
    email = (claims.get("email") or "").lower()
    user = db.session.scalar(select(User).where(func.lower(User.email) == email))
    if user is None:
        return jsonify(error="no_account", message="Register on the website first."), 404
    return jsonify(token_pair(user))


@api_bp.get("/me")
@token_required
def me():
    return jsonify(_user_json(g.api_user))


@api_bp.get("/listings")
@limiter.limit("120 per minute")
def listings():
    page = max(request.args.get("page", 1, type=int), 1)
    size = min(request.args.get("size", 20, type=int), MAX_PAGE_SIZE)
    category = request.args.get("category", type=int)
    rows = search_listings(category_id=category, limit=size, offset=(page - 1) * size)
    return jsonify(items=[dict(r) for r in rows], page=page)


@api_bp.get("/listings/<int:listing_id>")
def listing_detail(listing_id):
    listing = db.get_or_404(Listing, listing_id)
    if listing.status in ("draft", "withdrawn"):
        return jsonify(error="not_found"), 404
    return jsonify(_listing_json(listing))


@api_bp.post("/listings")
@token_required
def create_listing():
    data = request.get_json(silent=True) or {}
    title = (data.get("title") or "").strip()
    if not title or not isinstance(data.get("price_cents"), int):
        return jsonify(error="validation_error", message="title and integer price_cents are required"), 422
    category_id = data.get("category_id")
    if category_id is not None and db.session.get(Category, category_id) is None:
        return jsonify(error="validation_error", message="unknown category"), 422
    listing = Listing(
        seller_id=g.api_user.id,
        category_id=category_id,
        slug=unique_slug(title),
        title=title[:120],
        price_cents=data["price_cents"],
        condition=data.get("condition", "used"),
    )
    listing.set_description(data.get("description", ""))
    db.session.add(listing)
    db.session.commit()
    return jsonify(_listing_json(listing)), 201


@api_bp.post("/listings/<int:listing_id>/favourite")
@token_required
def favourite(listing_id):
    db.get_or_404(Listing, listing_id)
    exists = db.session.scalar(
        select(Favourite.id).where(Favourite.user_id == g.api_user.id, Favourite.listing_id == listing_id)
    )
    if exists is None:
        db.session.add(Favourite(user_id=g.api_user.id, listing_id=listing_id))
        db.session.commit()
    return jsonify(ok=True)


@api_bp.delete("/listings/<int:listing_id>/favourite")
@token_required
def unfavourite(listing_id):
    db.session.execute(
        delete(Favourite).where(Favourite.user_id == g.api_user.id, Favourite.listing_id == listing_id)
    )
    db.session.commit()
    return jsonify(ok=True)


@api_bp.post("/devices")
@token_required
def register_device():
    data = request.get_json(silent=True) or {}
    push_token = data.get("push_token")
    platform = data.get("platform")
    if not push_token or platform not in ("ios", "android"):
        return jsonify(error="validation_error"), 422
    device = db.session.scalar(select(Device).where(Device.push_token == push_token))
    if device is None:
        db.session.add(Device(user_id=g.api_user.id, platform=platform, push_token=push_token))
    else:
        device.user_id = g.api_user.id
    db.session.commit()
    count = db.session.scalar(select(func.count(Device.id)).where(Device.user_id == g.api_user.id))
    log.info("user %s now has %d push tokens", g.api_user.id, count)
    return jsonify(ok=True), 201


@api_bp.post("/me/api-keys")
@token_required
def create_api_key():
    data = request.get_json(silent=True) or {}
    api_key, raw_key = apikeys.create_api_key(g.api_user, data.get("name") or "default")
    return jsonify(id=api_key.id, key=raw_key, prefix=api_key.prefix), 201


@api_bp.delete("/me/api-keys/<int:key_id>")
@token_required
def delete_api_key(key_id):
    if not apikeys.revoke_api_key(g.api_user, key_id):
        return jsonify(error="not_found"), 404
    return "", 204


@api_bp.post("/import/listings")
@api_key_required
@limiter.limit("10 per minute")
def import_listings():
    items = request.get_json(silent=True) or []
    if not isinstance(items, list) or len(items) > 200:
        return jsonify(error="validation_error", message="expected a list of at most 200 items"), 422
    created = []
    for item in items:
        title = str(item.get("title", "")).strip()
        if not title or not isinstance(item.get("price_cents"), int):
            continue
        listing = Listing(
            seller_id=g.api_user.id,
            slug=unique_slug(title),
            title=title[:120],
            price_cents=item["price_cents"],
            condition=item.get("condition", "used"),
        )
        listing.set_description(str(item.get("description", "")))
        db.session.add(listing)
        created.append(listing)
    db.session.commit()
    return jsonify(created=[l.id for l in created]), 201


@api_bp.post("/webhooks/shipping")
def shipping_webhook():
    event = shipping.parse_status_event(request.get_data(as_text=True))
    order = shipping.apply_status_event(event)
    return jsonify(ok=True, order=order.id if order else None)
