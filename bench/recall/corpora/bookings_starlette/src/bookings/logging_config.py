from bookings import config

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "default": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "default"},
    },
    "root": {"handlers": ["console"], "level": config.LOG_LEVEL},
    "loggers": {
        "uvicorn.access": {"level": "WARNING"},
        "databases": {"level": "WARNING"},
        "httpx": {"level": "WARNING"},
    },
}
