import logging

from markupsafe import escape
from pyramid.httpexceptions import HTTPException, HTTPFound
from pyramid.response import Response
from pyramid.view import exception_view_config, forbidden_view_config, notfound_view_config

from ..security import API_PREFIX

log = logging.getLogger(__name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} - pagebook</title></head>
<body><h1>{title}</h1>{body}</body></html>"""


def _html(title, body, status):
    return Response(PAGE.format(title=title, body=body), status=status, content_type="text/html")


@notfound_view_config()
def not_found(request):
    if request.path_info.startswith(API_PREFIX):
        return Response(json_body={"error": "not found"}, status=404)
    body = (
        f"<p>Nothing lives at <code>{escape(request.path)}</code>.</p>"
        f'<p><a href="{escape(request.route_url("home"))}">Back to the wiki</a></p>'
    )
    return _html("Not found", body, 404)


@forbidden_view_config()
def forbidden(request):
    if request.path_info.startswith(API_PREFIX):
        return Response(json_body={"error": "forbidden"}, status=403)
    if request.identity is None:
        return HTTPFound(request.route_url("login", _query={"next": request.path_qs}))
    return _html("Forbidden", "<p>You do not have access to this page.</p>", 403)


@exception_view_config(Exception)
def server_error(exc, request):
    if isinstance(exc, HTTPException):
        return exc
    request_id = request.environ.get("pagebook.request_id", "-")
    log.exception("unhandled error on %s %s (request %s)", request.method, request.path, request_id)
    body = (
        "<p>Something went wrong on our side. The error has been logged.</p>"
        f"<p>Reference: <code>{escape(request_id)}</code></p>"
    )
    return _html("Server error", body, 500)
