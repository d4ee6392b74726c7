"""Domain errors and the HTTP exception handlers that translate them."""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pymongo.errors import PyMongoError
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded

logger = logging.getLogger(__name__)


class AppError(Exception):
    status_code = 400
    default_detail = "Bad request"

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail or self.default_detail
        super().__init__(self.detail)


class NotFound(AppError):
    status_code = 404
    default_detail = "Not found"


class PermissionDenied(AppError):
    status_code = 403
    default_detail = "You don't have access to this resource"


class Conflict(AppError):
    status_code = 409
    default_detail = "Conflict"


class Unauthorized(AppError):
    status_code = 401
    default_detail = "Not authenticated"


def register_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

    @app.exception_handler(AppError)
    async def app_error(request: Request, exc: AppError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, Unauthorized) else None
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)

    @app.exception_handler(PyMongoError)
    async def database_error(request: Request, exc: PyMongoError) -> JSONResponse:
        logger.error("mongo error on %s %s: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": "Database error", "error": repr(exc)}, status_code=503)

    @app.exception_handler(Exception)
    async def unhandled_error(request: Request, exc: Exception) -> JSONResponse:
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        request_id = getattr(request.state, "request_id", None)
        return JSONResponse(
            {"detail": "Something went wrong on our side.", "request_id": request_id},
            status_code=500,
        )
