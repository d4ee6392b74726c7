"""Checkout: collect the shipping address, create the order, hand over to Stripe."""
import logging

import stripe
from flask import Blueprint, flash, g, redirect, render_template, render_template_string, request, url_for

from ..repositories import OrderRepository
from ..services import payments
from ..services.cart import Cart
from ..services.orders import OrderService, OutOfStock

logger = logging.getLogger(__name__)

bp = Blueprint("checkout", __name__)

GIFT_PREVIEW = """
<div class="gift-preview">
  <p class="gift-preview__message">{{ message }}</p>
  <p class="gift-preview__from">&mdash; {{ sender }}</p>
</div>
"""


@bp.route("/", methods=["GET"])
def start():
    cart = Cart()
    items = cart.items()
    if not items:
        return redirect(url_for("cart.view"))
    return render_template("checkout/start.html", items=items, total=sum(i["line_total_cents"] for i in items))


@bp.route("/gift-preview", methods=["POST"])
def gift_preview():
    sender = g.user["full_name"] if g.user else request.form.get("sender", "")
    return render_template_string(GIFT_PREVIEW, message=request.form.get("message", "")[:500], sender=sender[:80])


@bp.route("/", methods=["POST"])
def place_order():
    cart = Cart()
    items = cart.items()
    if not items:
        return redirect(url_for("cart.view"))

    email = g.user["email"] if g.user else request.form.get("email", "").strip()
    shipping = {
        "name": request.form.get("shipping_name", "").strip(),
        "address": request.form.get("shipping_address", "").strip(),
    }
    if not email or not shipping["name"] or not shipping["address"]:
        flash("Please fill in your e-mail and shipping address.", "error")
        return redirect(url_for("checkout.start"))

    try:
        order = OrderService().place_order(g.user, email, shipping, items, request.form.get("gift_message") or None)
    except OutOfStock as exc:
        flash(f"Sorry, {exc} just sold out.", "error")
        return redirect(url_for("cart.view"))

    try:
        session = payments.create_checkout_session(
            order,
            items,
            success_url=url_for("checkout.success", number=order["number"], _external=True),
            cancel_url=url_for("cart.view", _external=True),
        )
    except stripe.error.StripeError as exc:
        logger.warning("stripe session creation failed for order %s: %s", order["number"], exc.code)
        flash(exc.user_message or "Payment is temporarily unavailable, please try again.", "error")
        return redirect(url_for("checkout.start"))

    OrderRepository().set_stripe_session(order["id"], session.id)
    cart.clear()
    return redirect(session.url, code=303)


@bp.route("/done/<number>")
def success(number):
    order = OrderRepository().get_by_number(number)
    if order is None:
        return redirect(url_for("catalog.index"))
    return render_template("checkout/success.html", number=order["number"], email=order["email"])
