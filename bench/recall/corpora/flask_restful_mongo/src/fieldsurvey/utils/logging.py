"""Structured logging with a per-request correlation id."""
import json
import logging
import secrets
import sys
import time

from flask import g, has_request_context, request


class RequestContextFilter(logging.Filter):
    def filter(self, record):
        if has_request_context():
            record.request_id = getattr(g, "request_id", "-")
            record.path = request.path
        else:
            record.request_id = "-"
            record.path = "-"
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "path": getattr(record, "path", "-"),
        }
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry)


def configure_logging(app):
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(RequestContextFilter())
    if app.debug:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s [%(request_id)s] %(message)s"))
    else:
        handler.setFormatter(JsonFormatter())

    root = logging.getLogger("fieldsurvey")
    root.handlers[:] = [handler]
    root.setLevel(app.config.get("LOG_LEVEL", "INFO"))
    root.propagate = False

    @app.before_request
    def _assign_request_id():
        # Correlates log lines of one request; echoed back for support tickets.
        g.request_id = request.headers.get("X-Request-Id") or secrets.token_hex(8)
        g.request_started = time.monotonic()

    @app.after_request
    def _echo_request_id(response):
        response.headers["X-Request-Id"] = g.get("request_id", "-")
        return response
