from flask import Blueprint, jsonify, render_template, request, session

shop_bp = Blueprint("shop", __name__, url_prefix="/shop")


@shop_bp.get("/products")
def products():
    return jsonify([])


@shop_bp.route("/cart", methods=["GET", "POST"])
def cart():
    if request.method == "POST":
        session.setdefault("cart", []).append(request.form["product"])
    return render_template("shop/cart.html", cart=session.get("cart", []))
