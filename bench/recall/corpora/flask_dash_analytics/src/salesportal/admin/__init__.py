from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
ops_bp = Blueprint("ops", __name__, url_prefix="/ops")

from . import routes  # noqa: E402,F401
