import logging
import threading
import time
import uuid

_local = threading.local()

logger = logging.getLogger("payroll_ninja.requests")


def current_request_id():
    return getattr(_local, "request_id", "-")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id()
        return True


class RequestIdMiddleware:
    header = "HTTP_X_REQUEST_ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.META.get(self.header) or uuid.uuid4().hex
        _local.request_id = request_id
        request.request_id = request_id
        try:
            response = self.get_response(request)
        finally:
            _local.request_id = "-"
        response["X-Request-ID"] = request_id
        return response


class ApiRequestLogMiddleware:
    """Access log for /api/ calls; the nginx log doesn't have the client headers."""

    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)

        started = time.monotonic()
        meta = {
            "method": request.method,
            "path": request.path,
            "query": request.GET.dict(),
            "headers": dict(request.headers),
        }
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        logger.info("api %s -> %s in %.1fms", meta, response.status_code, elapsed_ms)
        return response
