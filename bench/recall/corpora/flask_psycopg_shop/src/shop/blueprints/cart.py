"""Cart views. The product pages add to the cart with a small fetch() call."""
from flask import Blueprint, jsonify, redirect, render_template, request, url_for

from ..extensions import csrf
from ..services.cart import Cart

bp = Blueprint("cart", __name__)


@bp.route("/")
def view():
    cart = Cart()
    items = cart.items()
    return render_template("cart/view.html", items=items, total=sum(i["line_total_cents"] for i in items))


@bp.route("/add", methods=["POST"])
@csrf.exempt
def add():
    product_id = request.form.get("product_id", type=int)
    quantity = request.form.get("quantity", 1, type=int)
    if product_id is None:
        return jsonify(error="product_id required"), 400
    cart = Cart()
    cart.add(product_id, quantity)
    if request.accept_mimetypes.best == "application/json":
        return jsonify(count=cart.count())
    return redirect(url_for("cart.view"))


@bp.route("/update", methods=["POST"])
def update():
    cart = Cart()
    for key, value in request.form.items():
        if key.startswith("qty-"):
            try:
                cart.update(int(key[4:]), int(value or 0))
            except ValueError:
                continue
    return redirect(url_for("cart.view"))
