"""Server-rendered operator console (cookie session)."""
from flask import Blueprint

console_bp = Blueprint("console", __name__)

from . import views  # noqa: E402,F401
