import traceback

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from loguru import logger
from tortoise.exceptions import DoesNotExist, IntegrityError


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409


async def domain_error_handler(request: Request, exc: DomainError) -> JSONResponse:
    return JSONResponse(status_code=exc.status_code, content={"detail": exc.message})


async def does_not_exist_handler(request: Request, exc: DoesNotExist) -> JSONResponse:
    return JSONResponse(status_code=404, content={"detail": "Not found"})


async def integrity_error_handler(request: Request, exc: IntegrityError) -> JSONResponse:
    logger.warning("integrity error on {} {}", request.method, request.url.path)
    return JSONResponse(status_code=409, content={"detail": "Conflicts with existing data"})


async def unhandled_error_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.opt(exception=exc).error("unhandled error on {} {}", request.method, request.url.path)
    return JSONResponse(
        status_code=500,
        content={
            "detail": "Internal server error",
            "error": repr(exc),
            "trace": traceback.format_exception(exc),
        },
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(DomainError, domain_error_handler)
    app.add_exception_handler(DoesNotExist, does_not_exist_handler)
    app.add_exception_handler(IntegrityError, integrity_error_handler)
    app.add_exception_handler(Exception, unhandled_error_handler)
