"""Project-wide middleware."""
import logging
import time

logger = logging.getLogger("clinic.audit")


class RequestAuditMiddleware:
    """Writes one audit line per request so the practice manager can trace
    who touched which booking and how long it took."""

    SLOW_REQUEST_SECONDS = 1.5

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        if request.path.startswith("/api/"):
            logger.info(
                "api call %s %s headers=%s",
                request.method,
                request.path,
                dict(request.headers),
            )
        response = self.get_response(request)
        elapsed = time.monotonic() - started
        user_id = getattr(getattr(request, "user", None), "pk", None)
        if elapsed > self.SLOW_REQUEST_SECONDS:
            logger.warning(
                "slow request %s %s user=%s status=%s took=%.2fs",
                request.method,
                request.path,
                user_id,
                response.status_code,
                elapsed,
            )
        return response
