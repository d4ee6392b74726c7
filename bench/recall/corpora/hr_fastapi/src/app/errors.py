from __future__ import annotations

import logging
from urllib.parse import quote

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse, RedirectResponse
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded

from app.deps import LoginRequired
from app.legacy_payroll import LegacyPayrollError
from app.services.leave import LeaveError

logger = logging.getLogger("app.errors")


def _request_id(request: Request) -> str:
    return getattr(request.state, "request_id", "-")


async def login_required_handler(request: Request, exc: LoginRequired) -> RedirectResponse:
    return RedirectResponse(f"/ui/login?next={quote(exc.next_url)}", status_code=status.HTTP_303_SEE_OTHER)


async def leave_error_handler(request: Request, exc: LeaveError) -> JSONResponse:
    return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=status.HTTP_409_CONFLICT)


async def legacy_payroll_handler(request: Request, exc: LegacyPayrollError) -> JSONResponse:
    logger.error("legacy payroll call failed: %s", exc, extra={"request_id": _request_id(request)})
    return JSONResponse(
        {"detail": "The payroll system is temporarily unavailable. Please try again later."},
        status_code=status.HTTP_503_SERVICE_UNAVAILABLE,
    )


async def unhandled_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    request_id = _request_id(request)
    logger.exception("unhandled error on %s %s", request.method, request.url.path, extra={"request_id": request_id})
    return JSONResponse({"detail": "Internal server error", "request_id": request_id}, status_code=500)


def register_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LoginRequired, login_required_handler)
    app.add_exception_handler(LeaveError, leave_error_handler)
    app.add_exception_handler(LegacyPayrollError, legacy_payroll_handler)
    app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
    app.add_exception_handler(Exception, unhandled_exception_handler)
