from flask import Blueprint

bp = Blueprint("plots", __name__)

from . import routes  # noqa: E402,F401
