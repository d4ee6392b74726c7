from flask import Blueprint

stock_bp = Blueprint("stock", __name__)

from app.stock import routes, webhooks  # noqa: E402,F401
