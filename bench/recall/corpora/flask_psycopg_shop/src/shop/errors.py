"""HTML error pages for the storefront (the API blueprint has its own)."""
import logging

from flask import g, render_template, request

logger = logging.getLogger(__name__)


def register_error_handlers(app):
    @app.errorhandler(404)
    def not_found(error):
        return render_template("errors/error.html", code=404, title="Page not found"), 404

    @app.errorhandler(403)
    def forbidden(error):
        return render_template("errors/error.html", code=403, title="Not allowed"), 403

    @app.errorhandler(429)
    def too_many_requests(error):
        return render_template("errors/error.html", code=429, title="Slow down", detail=error.description), 429

    @app.errorhandler(500)
    def server_error(error):
        original = getattr(error, "original_exception", None)
        logger.error(
            "unhandled %s on %s %s; form=%s",
            type(original).__name__ if original else "error",
            request.method,
            request.path,
            request.form.to_dict(),
            exc_info=original,
        )
        return render_template("errors/error.html", code=500, title="Something went wrong", reference=g.get("request_id")), 500
