from flask import Blueprint

bp = Blueprint("claims", __name__, url_prefix="/claims")

from . import views  # noqa: E402,F401
