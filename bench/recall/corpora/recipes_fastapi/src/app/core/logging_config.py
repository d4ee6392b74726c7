import logging
import logging.config

from app.core.config import settings


def setup_logging() -> None:
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {
                "default": {
                    "format": "%(asctime)s %(levelname)-7s %(name)s: %(message)s",
                },
            },
            "handlers": {
                "console": {
                    "class": "logging.StreamHandler",
                    "formatter": "default",
                },
            },
            "loggers": {
                "app": {"level": settings.LOG_LEVEL, "handlers": ["console"], "propagate": False},
                "uvicorn.access": {"level": "WARNING"},
            },
            "root": {"level": "WARNING", "handlers": ["console"]},
        }
    )
