"""JSON API for partners, authenticated with an API key exchanged for a bearer token."""
from flask import Blueprint

bp = Blueprint("partner_api", __name__, url_prefix="/partner/api")

from . import routes  # noqa: E402,F401
