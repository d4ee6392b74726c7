"""Logging configuration (stdlib dictConfig).

JSON-ish single-line records on stdout; the platform ships them to the log
store. Noisy third-party loggers are turned down.
"""
import logging
import logging.config
import os


class RequestIdFilter(logging.Filter):
    """Attach the request id (if any) so records can be correlated."""

    def filter(self, record):
        try:
            from flask import g, has_request_context

            record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        except Exception:  # pragma: no cover - logging must never raise
            record.request_id = "-"
        return True


def build_config(env_name):
    level = os.environ.get("LOG_LEVEL", "DEBUG" if env_name == "development" else "INFO")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {
            "default": {
                "format": "%(asctime)s %(levelname)s [%(name)s] [req=%(request_id)s] %(message)s",
            },
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "default",
                "filters": ["request_id"],
            },
        },
        "loggers": {
            "shop": {"level": level, "handlers": ["stdout"], "propagate": False},
            "stripe": {"level": "WARNING", "handlers": ["stdout"], "propagate": False},
            "werkzeug": {"level": "WARNING"},
        },
        "root": {"level": "WARNING", "handlers": ["stdout"]},
    }


def configure_logging(env_name):
    logging.config.dictConfig(build_config(env_name))
