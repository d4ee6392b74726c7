"""Cart, checkout, order pages, proof downloads and the Stripe webhook."""
import logging
import os

import stripe
from bottle import Bottle, abort, redirect, request, static_file

from .. import payments
from ..helpers import render
from ..models import Order
from ..plugins.auth import current_customer, get_session
from ..plugins.csrf import csrf_exempt
from ..services import mailer
from ..services.cart import Cart, CartError
from ..services.orders import (
    create_order,
    download_url,
    mark_paid,
    order_for_token,
    resolve_download,
)
from ..settings import as_int
from . import EMAIL_RE, base_url

log = logging.getLogger(__name__)

app = Bottle()

LAST_ORDER_KEY = "last_order"


def _cart():
    return Cart(get_session())


def _render_cart(cart, errors=(), form=None):
    customer = current_customer()
    return render(
        "cart.html",
        lines=cart.lines(),
        total=cart.total(),
        errors=list(errors),
        form=form or {"email": customer.email if customer else "", "name": customer.name if customer else ""},
    )


@app.get("/cart")
def view_cart():
    return _render_cart(_cart())


@app.post("/cart/add")
def cart_add():
    cart = _cart()
    try:
        variant = cart.add(
            as_int(request.forms.variant_id),
            as_int(request.forms.quantity, 1),
            request.forms.personalisation.strip() or None,
        )
    except CartError as exc:
        return _render_cart(cart, errors=[str(exc)])
    log.debug("Added %s to cart", variant.sku)
    redirect("/cart")


@app.post("/cart/update")
def cart_update():
    cart = _cart()
    try:
        cart.update(as_int(request.forms.index, -1), as_int(request.forms.quantity, 0))
    except CartError as exc:
        return _render_cart(cart, errors=[str(exc)])
    redirect("/cart")


@app.post("/checkout")
def checkout():
    cart = _cart()
    customer = current_customer()
    email = customer.email if customer else request.forms.email.strip().lower()
    shipping_name = request.forms.name.strip()[:120]
    shipping_address = request.forms.address.strip()[:1000]
    form = {"email": email, "name": shipping_name, "address": shipping_address}

    errors = []
    if not EMAIL_RE.match(email):
        errors.append("Please enter a valid e-mail address.")
    if not shipping_name or not shipping_address:
        errors.append("We need a name and address to ship your prints to.")
    if errors:
        return _render_cart(cart, errors=errors, form=form)

    try:
        order = create_order(cart, email, shipping_name, shipping_address, customer=customer,
                             currency=customer.currency if customer else "EUR")
    except CartError as exc:
        return _render_cart(cart, errors=[str(exc)], form=form)

    config = request.app.config
    try:
        checkout_url = payments.create_checkout_session(
            order, cart.lines(), config["stripe.success_url"], config["stripe.cancel_url"]
        )
    except stripe.error.StripeError:
        log.exception("Stripe checkout session failed for order %s", order.reference)
        return _render_cart(
            cart,
            errors=["We couldn't reach our payment provider. Your cart is saved - please try again in a minute."],
            form=form,
        )

    session = get_session()
    session[LAST_ORDER_KEY] = order.access_token
    session.save()
    redirect(checkout_url, 303)


@app.get("/checkout/done")
def checkout_done():
    token = get_session().get(LAST_ORDER_KEY)
    order = order_for_token(token) if token else None
    _cart().clear()
    if order is None:
        redirect("/")
    redirect(f"/orders/{order.access_token}")


@app.get("/orders/<token>")
def order_page(token):
    order = order_for_token(token) or abort(404, "Order not found")
    items = list(order.items)
    downloads = {}
    if order.status in ("paid", "printing", "shipped"):
        root = base_url(request.app.config)
        downloads = {item.id: download_url(root, item) for item in items if item.proof_path}
    return render("order.html", order=order, items=items, downloads=downloads)


@app.get("/downloads/<token>")
def download_proof(token):
    path = resolve_download(token, request.app.config["app.proof_dir"])
    if path is None or not os.path.isfile(path):
        abort(404, "This download link is not valid.")
    return static_file(os.path.basename(path), root=os.path.dirname(path), download=True)


@app.post("/webhooks/stripe")
@csrf_exempt
def stripe_webhook():
    payload = request.body.read()
    try:
        event = payments.verify_signature(payload, request.get_header("Stripe-Signature", ""))
    except payments.SignatureError as exc:
        log.warning("Rejected Stripe webhook: %s", exc)
        abort(400, "Invalid signature")

    log.info("Stripe event %s (%s)", event.get("id"), event.get("type"))
    if event.get("type") != "checkout.session.completed":
        return {"received": True}

    session = event["data"]["object"]
    order = Order.get_or_none(Order.reference == session.get("client_reference_id"))
    if order is None:
        log.warning("Stripe session %s has no matching order", session.get("id"))
        return {"received": True}

    if mark_paid(order, session.get("payment_intent")):
        mailer.send_template(
            order.email,
            f"Order {order.reference} confirmed",
            "emails/order_confirmation.html",
            order=order,
            items=list(order.items),
            order_url=f"{base_url(request.app.config)}/orders/{order.access_token}",
        )
    return {"received": True}
