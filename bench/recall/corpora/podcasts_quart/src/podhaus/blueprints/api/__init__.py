from quart import Blueprint

bp = Blueprint("api", __name__)

from . import auth, routes  # noqa: E402,F401
