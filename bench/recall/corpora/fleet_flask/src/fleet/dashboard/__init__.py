from flask import Blueprint

dashboard_bp = Blueprint("dashboard", __name__, template_folder="../templates")
auth_bp = Blueprint("auth", __name__, template_folder="../templates")

from fleet.dashboard import auth, views  # noqa: E402,F401
