"""Cornice services used by the mobile app and by partner integrations."""
import logging
import traceback

from cornice import Service
from pyramid.view import view_config

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"

status_service = Service(
    name="api_status",
    path=f"{API_PREFIX}/status",
    description="Liveness and minimum supported app version",
    cors_origins=("*",),
)


@status_service.get()
def get_status(request):
    settings = request.registry.settings
    return {"status": "ok", "min_app_version": settings.get("crm.min_app_version", "3.0.0")}


@view_config(context=Exception, path_info=r"^/api/", renderer="json")
def api_error(exc, request):
    log.exception("API error on %s %s", request.method, request.path)
    request.response.status = 500
    return {
        "status": "error",
        "errors": [{"location": "server", "name": type(exc).__name__, "description": str(exc)}],
        "trace": traceback.format_exc().splitlines(),
    }
