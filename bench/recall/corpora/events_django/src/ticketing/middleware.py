import logging
import time
import uuid

logger = logging.getLogger("tixly.requests")


class RequestTimingMiddleware:
    """Adds a request id header and logs one line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex
        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000

        user_id = getattr(getattr(request, "user", None), "pk", None)
        logger.info(
            "%s %s %s %.1fms user=%s rid=%s",
            request.method,
            request.path,
            response.status_code,
            elapsed_ms,
            user_id,
            request.request_id,
        )
        response["X-Request-ID"] = request.request_id
        return response
