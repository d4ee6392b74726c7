"""Error handling for the API (problem+json) and for the HTML pages."""
from __future__ import annotations

import json
import traceback

import structlog
from connexion import FlaskApp
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from flask import Flask, render_template
from sqlalchemy.exc import IntegrityError

log = structlog.get_logger(__name__)

PROBLEM_JSON = "application/problem+json"


def _problem(status: int, title: str, detail: str | None = None, **extra) -> ConnexionResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    return ConnexionResponse(status_code=status, body=json.dumps(body), content_type=PROBLEM_JSON)


def handle_integrity_error(request: ConnexionRequest, exc: IntegrityError) -> ConnexionResponse:
    log.warning("integrity_error", path=request.url.path, constraint=getattr(exc.orig, "diag", None) and exc.orig.diag.constraint_name)
    return _problem(409, "Conflict", "The resource already exists or violates a constraint.")


def handle_unexpected(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    log.error("unhandled_api_error", path=request.url.path, exc_info=exc)
    # Partner integrations asked for enough context to open a useful ticket.
    return _problem(
        500,
        "Internal Server Error",
        f"{type(exc).__name__}: {exc}",
        trace=traceback.format_exception(type(exc), exc, exc.__traceback__)[-4:],
    )


def register_api_handlers(app: FlaskApp) -> None:
    app.add_error_handler(IntegrityError, handle_integrity_error)
    app.add_error_handler(Exception, handle_unexpected)


def register_web_handlers(flask_app: Flask) -> None:
    @flask_app.errorhandler(500)
    def internal_error(err):
        log.error("unhandled_web_error", exc_info=getattr(err, "original_exception", err))
        return render_template("errors/500.html"), 500
