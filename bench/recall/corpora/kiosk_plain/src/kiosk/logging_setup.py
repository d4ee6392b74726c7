import logging
import logging.config
import os

from kiosk import config

LOG_LEVEL = os.environ.get("KIOSK_LOG_LEVEL", "DEBUG" if config.DEBUG else "INFO")


def configure():
    logging.config.dictConfig({
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "filters": {
            "request_id": {"()": "kiosk.logging_setup.RequestIdFilter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["request_id"],
            },
        },
        "root": {"level": LOG_LEVEL, "handlers": ["console"]},
        "loggers": {
            "waitress": {"level": "WARNING"},
        },
    })


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        try:
            from bottle import request
            record.request_id = request.environ.get("kiosk.request_id", "-")
        except (RuntimeError, AttributeError, KeyError):
            record.request_id = "-"
        return True
