import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pymongo.errors import DuplicateKeyError

logger = logging.getLogger(__name__)


async def duplicate_key_handler(request: Request, exc: DuplicateKeyError) -> JSONResponse:
    logger.warning("duplicate key on %s %s", request.method, request.url.path)
    return JSONResponse(status_code=409, content={"detail": "Resource already exists"})


async def validation_error_handler(request: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": exc.errors()})


async def unhandled_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    request_id = getattr(request.state, "request_id", None)
    logger.exception("unhandled error on %s %s (request %s)", request.method, request.url.path, request_id)
    return JSONResponse(
        status_code=500,
        content={
            "detail": "Internal server error",
            "request_id": request_id,
            "error": f"{type(exc).__name__}: {exc}",
            "trace": traceback.format_exc().splitlines()[-10:],
        },
    )


def register_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DuplicateKeyError, duplicate_key_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.add_exception_handler(Exception, unhandled_exception_handler)
