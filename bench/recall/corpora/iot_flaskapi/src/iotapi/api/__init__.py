"""JSON API (bearer-token authenticated MethodView resources)."""
from flask import Blueprint

api_bp = Blueprint("api", __name__)

from . import auth, devices, firmware, telemetry, users  # noqa: E402,F401
