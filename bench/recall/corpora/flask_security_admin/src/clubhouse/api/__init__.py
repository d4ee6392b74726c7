"""JSON API used by the Riverside SC mobile app."""
from flask import Blueprint

from ..extensions import csrf

api_bp = Blueprint("api", __name__, url_prefix="/api/v1")

# The mobile app sends bearer tokens, not the CSRF cookie/header pair.
csrf.exempt(api_bp)

from . import auth, errors, resources  # noqa: E402,F401
