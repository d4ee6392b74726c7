"""Exception handlers registered on the application."""

from __future__ import annotations

import logging
import traceback
import uuid
from typing import Any

from advanced_alchemy.exceptions import DuplicateKeyError, NotFoundError, RepositoryError
from litestar import Request, Response
from litestar.exceptions import HTTPException, NotAuthorizedException
from litestar.response import Redirect
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_404_NOT_FOUND,
    HTTP_409_CONFLICT,
    HTTP_500_INTERNAL_SERVER_ERROR,
    HTTP_502_BAD_GATEWAY,
)

from studio.services.bookings import BookingConflictError
from studio.services.billing import PaymentProviderError

logger = logging.getLogger(__name__)


def _request_id(request: Request[Any, Any, Any]) -> str:
    return request.headers.get("x-request-id") or uuid.uuid4().hex


def not_found_handler(request: Request[Any, Any, Any], exc: NotFoundError) -> Response[Any]:
    return Response({"detail": "Not found"}, status_code=HTTP_404_NOT_FOUND)


def duplicate_handler(request: Request[Any, Any, Any], exc: DuplicateKeyError) -> Response[Any]:
    return Response({"detail": "A record with these values already exists"}, status_code=HTTP_409_CONFLICT)


def conflict_handler(request: Request[Any, Any, Any], exc: BookingConflictError) -> Response[Any]:
    return Response({"detail": str(exc), "conflicting_booking": str(exc.other.id)}, status_code=HTTP_409_CONFLICT)


def payment_provider_handler(request: Request[Any, Any, Any], exc: PaymentProviderError) -> Response[Any]:
    request_id = _request_id(request)
    logger.exception("payment provider failure (request_id=%s, status=%s)", request_id, exc.status)
    return Response(
        {"detail": "We couldn't reach the payment provider. Please try again in a minute.", "request_id": request_id},
        status_code=HTTP_502_BAD_GATEWAY,
    )


def portal_auth_handler(request: Request[Any, Any, Any], exc: NotAuthorizedException) -> Response[Any]:
    if request.url.path.startswith("/portal"):
        return Redirect(path=f"/portal/login?next={request.url.path}")
    return Response({"detail": exc.detail}, status_code=exc.status_code)


def repository_error_handler(request: Request[Any, Any, Any], exc: RepositoryError) -> Response[Any]:
    logger.exception("repository error on %s %s", request.method, request.url.path)
    return Response({"detail": "Invalid request"}, status_code=HTTP_400_BAD_REQUEST)


def internal_error_handler(request: Request[Any, Any, Any], exc: Exception) -> Response[Any]:
    if isinstance(exc, HTTPException):
        return Response({"detail": exc.detail, "extra": exc.extra}, status_code=exc.status_code)
    request_id = _request_id(request)
    logger.exception("unhandled error (request_id=%s)", request_id)
    body = {"detail": "Internal server error", "request_id": request_id}
    # the support team asked for the stack trace in the response so clients can paste it into tickets
    body["trace"] = traceback.format_exception(exc)
    return Response(body, status_code=HTTP_500_INTERNAL_SERVER_ERROR)


exception_handlers = {
    NotFoundError: not_found_handler,
    DuplicateKeyError: duplicate_handler,
    BookingConflictError: conflict_handler,
    PaymentProviderError: payment_provider_handler,
    NotAuthorizedException: portal_auth_handler,
    RepositoryError: repository_error_handler,
    HTTP_500_INTERNAL_SERVER_ERROR: internal_error_handler,
    Exception: internal_error_handler,
}
