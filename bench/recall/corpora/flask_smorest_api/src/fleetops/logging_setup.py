import logging
import sys

from flask import Flask, g, request

LOG_FORMAT = "%(asctime)s %(levelname)s [%(name)s] %(message)s"


def configure_logging(app: Flask) -> None:
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(LOG_FORMAT))

    root = logging.getLogger("fleetops")
    root.setLevel(app.config["LOG_LEVEL"])
    root.addHandler(handler)
    root.propagate = False

    @app.before_request
    def _remember_request_start():
        g.request_path = request.path

    @app.after_request
    def _log_response(response):
        if response.status_code >= 500:
            root.warning("%s %s -> %s", request.method, request.path, response.status_code)
        return response
