import logging
import time

from core.utils import client_ip

logger = logging.getLogger("helpinghands.audit")

SLOW_REQUEST_MS = 1500


class RequestAuditMiddleware:
    """Records denied and slow requests for the ops dashboard."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000

        if response.status_code in (401, 403):
            logger.warning(
                "Access denied %s %s status=%s ip=%s headers=%s",
                request.method,
                request.path,
                response.status_code,
                client_ip(request),
                dict(request.headers),
            )
        elif elapsed_ms > SLOW_REQUEST_MS:
            logger.info("Slow request %s %s took %.0fms", request.method, request.path, elapsed_ms)
        return response
