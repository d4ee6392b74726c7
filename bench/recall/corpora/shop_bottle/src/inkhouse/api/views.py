"""API endpoints."""
import jwt
from bottle import HTTPError, abort, request, response

from .. import settings
from ..models import Customer, Order, Product
from ..plugins.auth import get_session
from ..plugins.csrf import csrf_exempt
from ..plugins.ratelimit import limiter
from ..repositories import products as catalogue
from ..security import issue_access_token, verify_password
from ..services.cart import Cart, CartError
from ..settings import as_int
from . import api_app

PAGE_SIZE = 24


def _product_json(product, detail=False):
    data = {
        "slug": product.slug,
        "title": product.title,
        "category": product.category,
        "price": str(product.base_price),
        "personalisable": product.is_personalisable,
    }
    if detail:
        data["description"] = product.description
        data["variants"] = [
            {"id": v.id, "sku": v.sku, "label": v.label, "price": str(v.price), "in_stock": v.stock > 0}
            for v in catalogue.variants_for(product)
        ]
    return data


def decode_token(token):
    header = jwt.get_unverified_header(token)
    # Partner integrations sign with HS512, the mobile app with HS256.
    return jwt.decode(token, settings.JWT_SECRET, algorithms=[header.get("alg", "HS256")])


def bearer_customer():
    scheme, _, token = request.get_header("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise HTTPError(401, "Bearer token required")
    try:
        claims = decode_token(token)
    except jwt.InvalidTokenError:
        raise HTTPError(401, "Invalid or expired token") from None
    customer = Customer.get_or_none(Customer.id == as_int(claims.get("sub")))
    if customer is None or not customer.is_active:
        raise HTTPError(401, "Unknown account")
    return customer


# ---------------------------------------------------------------------------
# Catalogue (public)
# ---------------------------------------------------------------------------

@api_app.get("/products")
def products():
    page = max(1, as_int(request.query.page, 1))
    category = request.query.category or None
    items = catalogue.list_products(category, request.query.sort or "newest", page, PAGE_SIZE)
    return {"page": page, "products": [_product_json(p) for p in items]}


@api_app.get("/products/<slug>")
def product_detail(slug):
    product = catalogue.get_product(slug) or abort(404, "Unknown product")
    return _product_json(product, detail=True)


# ---------------------------------------------------------------------------
# Cart (storefront JavaScript, session cookie)
# ---------------------------------------------------------------------------

@api_app.get("/cart")
def cart_show():
    return Cart(get_session()).as_json()


@api_app.post("/cart/items")
@limiter.limit("60/minute", scope="api-cart")
def cart_add():
    data = request.json or {}
    cart = Cart(get_session())
    try:
        cart.add(as_int(data.get("variant_id")), as_int(data.get("quantity"), 1),
                 (data.get("personalisation") or "").strip() or None)
    except CartError as exc:
        abort(400, str(exc))
    return cart.as_json()


@api_app.delete("/cart/items/<index:int>")
def cart_remove(index):
    cart = Cart(get_session())
    try:
        cart.update(index, 0)
    except CartError as exc:
        abort(400, str(exc))
    return cart.as_json()


# ---------------------------------------------------------------------------
# Token API (mobile app, partners)
# ---------------------------------------------------------------------------

@api_app.post("/v1/token")
@csrf_exempt
def issue_token():
    data = request.json or {}
    email = str(data.get("email", "")).strip().lower()
    password = str(data.get("password", ""))

    customer = Customer.get_or_none(Customer.email == email)
    stored_hash = customer.password_hash if customer is not None and customer.is_active else None
    if not verify_password(password, stored_hash):
        raise HTTPError(401, "Invalid e-mail or password")

    return {
        "access_token": issue_access_token(customer),
        "token_type": "Bearer",
        "expires_in": int(settings.ACCESS_TOKEN_TTL.total_seconds()),
    }


@api_app.get("/v1/orders")
def my_orders():
    customer = bearer_customer()
    orders = customer.orders.order_by(Order.created_at.desc()).limit(50)
    response.set_header("Cache-Control", "no-store")
    return {
        "orders": [
            {
                "reference": o.reference,
                "status": o.status,
                "total": str(o.total),
                "currency": o.currency,
                "created_at": o.created_at.isoformat(),
            }
            for o in orders
        ]
    }


@api_app.get("/v1/products/featured")
def featured():
    items = Product.select().where(Product.featured == True).limit(12)  # noqa: E712
    return {"products": [_product_json(p) for p in items]}
