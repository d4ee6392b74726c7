from flask import Blueprint, jsonify, request, session

from app.extensions import limiter

shop_bp = Blueprint("shop", __name__, url_prefix="/shop")


@shop_bp.get("/products")
def products():
    return jsonify([])


@shop_bp.post("/cart")
def add_to_cart():
    session.setdefault("cart", []).append(request.form["product"])
    return jsonify(session["cart"])


@shop_bp.route("/checkout", methods=["POST"])
@limiter.limit("10/minute")
def checkout():
    return jsonify({"order": session.get("cart")})
