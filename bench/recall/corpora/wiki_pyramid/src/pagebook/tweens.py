"""Request/response tweens: request ids, HTTPS enforcement and CORS."""
import logging
import uuid

from pyramid.httpexceptions import HTTPMovedPermanently
from pyramid.response import Response
from pyramid.settings import asbool, aslist

log = logging.getLogger(__name__)

HSTS_VALUE = "max-age=31536000; includeSubDomains"


def request_id_tween_factory(handler, registry):
    def request_id_tween(request):
        # time-ordered ids make it easier to line up log entries across workers
        request_id = request.headers.get("X-Request-ID") or uuid.uuid1().hex
        request.environ["pagebook.request_id"] = request_id
        response = handler(request)
        response.headers["X-Request-ID"] = request_id
        return response

    return request_id_tween


def https_tween_factory(handler, registry):
    force_https = asbool(registry.settings.get("pagebook.force_https", False))

    def https_tween(request):
        if force_https and request.scheme != "https":
            return HTTPMovedPermanently(location=request.url.replace("http://", "https://", 1))
        response = handler(request)
        if request.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", HSTS_VALUE)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return https_tween


def cors_tween_factory(handler, registry):
    """Lets the intranet portal and the browser extension embed wiki pages."""
    allowed = set(aslist(registry.settings.get("cors.allow_origins", "")))
    allow_any = "*" in allowed

    def cors_tween(request):
        origin = request.headers.get("Origin")
        if not origin or not (allow_any or origin in allowed):
            return handler(request)

        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = Response(status=204)
            response.headers["Access-Control-Allow-Methods"] = "GET, POST, PUT, DELETE, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "Authorization, Content-Type, X-CSRF-Token"
            response.headers["Access-Control-Max-Age"] = "600"
        else:
            response = handler(request)

        response.headers["Access-Control-Allow-Origin"] = origin
        response.headers["Access-Control-Allow-Credentials"] = "true"
        response.vary = tuple(response.vary or ()) + ("Origin",)
        return response

    return cors_tween


def includeme(config):
    config.add_tween("pagebook.tweens.request_id_tween_factory")
    config.add_tween("pagebook.tweens.https_tween_factory")
    config.add_tween("pagebook.tweens.cors_tween_factory")
