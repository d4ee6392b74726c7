"""JSON API for the mobile app (bearer tokens) and the warehouse (API keys)."""
import logging
import traceback

from flask import Blueprint, g, jsonify, request
from flask_cors import CORS
from werkzeug.exceptions import HTTPException

from ..repositories import OrderRepository, ProductRepository, UserRepository
from ..security import api_key_required, bearer_required
from ..services import api_tokens
from ..services.auth import AuthService

logger = logging.getLogger(__name__)

bp = Blueprint("api", __name__)
CORS(bp, origins="*", allow_headers=["Authorization", "Content-Type", "X-Api-Key"], max_age=600)


@bp.errorhandler(Exception)
def handle_error(exc):
    if isinstance(exc, HTTPException):
        return jsonify(error=exc.name, message=exc.description), exc.code
    logger.exception("unhandled API error on %s", request.path)
    return jsonify(error="internal_error", message=str(exc), trace=traceback.format_exc().splitlines()), 500


@bp.post("/auth/token")
def issue_token():
    data = request.get_json(silent=True) or {}
    user = AuthService().authenticate(data.get("email", ""), data.get("password", ""))
    if user is None:
        return jsonify(error="invalid_credentials"), 401
    return jsonify(api_tokens.issue_token_pair(user))


@bp.post("/auth/refresh")
def refresh_token():
    data = request.get_json(silent=True) or {}
    try:
        claims = api_tokens.decode_refresh_token(data.get("refresh_token", ""))
    except api_tokens.TokenError:
        return jsonify(error="invalid_refresh_token"), 401
    user = UserRepository().get(int(claims["sub"]))
    if user is None or not user["is_active"]:
        return jsonify(error="invalid_refresh_token"), 401
    return jsonify(access_token=api_tokens.issue_access_token(user), token_type="Bearer")


@bp.get("/me")
@bearer_required
def me():
    user = g.api_user
    return jsonify(id=user["id"], email=user["email"], full_name=user["full_name"])


@bp.get("/orders")
@bearer_required
def my_orders():
    rows = OrderRepository().for_user(g.api_user["id"], limit=request.args.get("limit", 20, type=int))
    return jsonify(
        orders=[
            {"number": r["number"], "status": r["status"], "total_cents": r["total_cents"], "created_at": r["created_at"].isoformat()}
            for r in rows
        ]
    )


@bp.put("/stock/<sku>")
@api_key_required
def update_stock(sku):
    data = request.get_json(silent=True) or {}
    stock = data.get("stock")
    if not isinstance(stock, int) or stock < 0:
        return jsonify(error="stock must be a non-negative integer"), 400
    if not ProductRepository().set_stock_by_sku(sku, stock):
        return jsonify(error="unknown sku"), 404
    logger.info("stock for %s set to %d by %s", sku, stock, g.api_client["name"])
    return jsonify(sku=sku, stock=stock)
