import logging

from pyramid.view import exception_view_config, notfound_view_config

log = logging.getLogger(__name__)


@notfound_view_config(renderer="crm:templates/error.jinja2")
def notfound_view(request):
    request.response.status = 404
    return {"title": "Page not found", "message": "We could not find the page you were looking for."}


@exception_view_config(Exception, renderer="crm:templates/error.jinja2")
def error_view(exc, request):
    log.exception("unhandled error on %s %s", request.method, request.path)
    request.response.status = 500
    return {
        "title": "Something went wrong",
        "message": "The error has been logged. Please try again in a moment.",
        "request_id": request.environ.get("crm.request_id"),
    }
