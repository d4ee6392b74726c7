import logging

from flask import Blueprint, current_app, request

api_bp = Blueprint("api", __name__)
log = logging.getLogger("app.api")


@api_bp.before_request
def _trace_request():
    if current_app.config.get("API_TRACE"):
        log.info(
            "API %s %s headers=%s body=%s",
            request.method,
            request.path,
            dict(request.headers),
            request.get_data(as_text=True),
        )


from app.api import auth, errors, routes  # noqa: E402,F401
