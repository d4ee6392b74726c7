from flask import Blueprint

bp = Blueprint("api", __name__)

from . import errors, views  # noqa: E402,F401
