import logging
import time

logger = logging.getLogger("marketplace.requests")

SLOW_REQUEST_MS = 1500


class RequestLogMiddleware:
    """One access-log line per request, plus extra context when something goes wrong."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        user_id = request.user.pk if getattr(request, "user", None) and request.user.is_authenticated else None

        if response.status_code >= 500:
            context = {"user": user_id, "query": request.GET.dict(), "headers": dict(request.headers)}
            logger.error("%s %s -> %s %s", request.method, request.path, response.status_code, context)
        elif elapsed_ms > SLOW_REQUEST_MS:
            logger.warning("Slow request %s %s took %.0f ms", request.method, request.path, elapsed_ms)
        else:
            logger.info("%s %s -> %s (%.0f ms)", request.method, request.path, response.status_code, elapsed_ms)
        return response
