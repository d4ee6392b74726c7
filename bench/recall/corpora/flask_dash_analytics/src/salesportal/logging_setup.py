"""Logging configuration shared by the web app and the cron scripts."""
import logging
import uuid
from logging.config import dictConfig

from flask import g, has_request_context, request


class RequestContextFilter(logging.Filter):
    """Adds a request id and the client address to records logged inside a request."""

    def filter(self, record):
        if has_request_context():
            if "request_id" not in g:
                g.request_id = request.headers.get("X-Request-ID") or uuid.uuid4().hex[:12]
            record.request_id = g.request_id
            record.remote_addr = request.remote_addr
        else:
            record.request_id = "-"
            record.remote_addr = "-"
        return True


def configure_logging(app):
    dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "filters": {"request_context": {"()": RequestContextFilter}},
            "formatters": {
                "default": {
                    "format": "%(asctime)s %(levelname)s [%(request_id)s %(remote_addr)s] %(name)s: %(message)s",
                }
            },
            "handlers": {
                "console": {
                    "class": "logging.StreamHandler",
                    "formatter": "default",
                    "filters": ["request_context"],
                }
            },
            "root": {"level": app.config.get("LOG_LEVEL", "INFO"), "handlers": ["console"]},
            "loggers": {"werkzeug": {"level": "WARNING"}},
        }
    )
