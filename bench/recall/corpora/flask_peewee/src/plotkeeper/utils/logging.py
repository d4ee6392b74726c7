import logging
import sys

from flask import has_request_context, request


class RequestContextFilter(logging.Filter):
    """Adds the request path and client address to every record."""

    def filter(self, record):
        if has_request_context():
            record.path = request.path
            record.remote_addr = request.headers.get("X-Forwarded-For", request.remote_addr)
        else:
            record.path = "-"
            record.remote_addr = "-"
        return True


def configure_logging(app):
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(remote_addr)s %(path)s] %(message)s")
    )
    handler.addFilter(RequestContextFilter())

    level = logging.DEBUG if app.debug else logging.INFO
    app.logger.handlers.clear()
    app.logger.addHandler(handler)
    app.logger.setLevel(level)

    plotkeeper_logger = logging.getLogger("plotkeeper")
    plotkeeper_logger.handlers.clear()
    plotkeeper_logger.addHandler(handler)
    plotkeeper_logger.setLevel(level)
