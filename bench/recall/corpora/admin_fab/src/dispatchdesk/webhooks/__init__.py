from flask import Blueprint

webhooks_bp = Blueprint("webhooks", __name__, url_prefix="/hooks")

from . import carrier  # noqa: E402,F401
