import logging
import time
import uuid

log = logging.getLogger("crm.access")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
# The app may be framed by the Outlook add-in; the lead form by anybody.
FRAME_ANCESTORS = "'self' https://outlook.office.com https://outlook.office365.com"
PUBLIC_FRAMEABLE_ROUTES = {"lead_embed"}


def request_log_tween_factory(handler, registry):
    def request_log_tween(request):
        request_id = request.headers.get("X-Request-Id") or uuid.uuid4().hex
        request.environ["crm.request_id"] = request_id
        started = time.monotonic()
        log.info("-> %s %s headers=%s", request.method, request.path_qs, dict(request.headers))

        response = handler(request)

        response.headers["X-Request-Id"] = request_id
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        route = request.matched_route.name if request.matched_route else None
        ancestors = "*" if route in PUBLIC_FRAMEABLE_ROUTES else FRAME_ANCESTORS
        response.headers.setdefault("Content-Security-Policy", f"frame-ancestors {ancestors}")
        if request.scheme == "https":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")

        elapsed_ms = (time.monotonic() - started) * 1000
        log.info("<- %s %s %s %.1fms", request.method, request.path, response.status_code, elapsed_ms)
        return response

    return request_log_tween
