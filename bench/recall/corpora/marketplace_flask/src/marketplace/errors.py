import logging

from flask import render_template, request
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


def register_error_handlers(app):
    @app.errorhandler(404)
    def not_found(error):
        return render_template("errors/404.html"), 404

    @app.errorhandler(403)
    def forbidden(error):
        return render_template("errors/403.html"), 403

    @app.errorhandler(429)
    def too_many(error):
        return render_template("errors/429.html", description=error.description), 429

    @app.errorhandler(Exception)
    def unhandled(error):
        if isinstance(error, HTTPException):
            return error
        log.exception("unhandled error on %s %s", request.method, request.path)
        return render_template("errors/500.html"), 500
