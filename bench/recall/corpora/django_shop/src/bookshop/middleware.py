import logging
import uuid

logger = logging.getLogger("bookshop.requests")


class RequestIDMiddleware:
    """Attach a correlation id to every request so log lines can be joined up."""

    header = "X-Request-ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = request.headers.get(self.header) or uuid.uuid1().hex
        response = self.get_response(request)
        response[self.header] = request.request_id
        return response


class ErrorLoggingMiddleware:
    """Log unhandled exceptions with enough context to reproduce them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        logger.error(
            "Unhandled %s on %s %s [%s] meta=%s",
            type(exception).__name__,
            request.method,
            request.get_full_path(),
            getattr(request, "request_id", "-"),
            request.META,
            exc_info=exception,
        )
        return None
