"""Starlette application for the internal admin endpoint.

Run with ``python -m shopops.admin.app`` during development, or behind
gunicorn/uvicorn workers in production.
"""
from __future__ import annotations

import logging
import traceback

from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..config import get_settings
from . import views
from .middleware import RequestLogMiddleware, SecurityHeadersMiddleware

log = logging.getLogger(__name__)
settings = get_settings()


async def server_error(request, exc):
    log.exception("unhandled error on %s", request.url.path)
    return JSONResponse({"error": repr(exc), "trace": traceback.format_exc().splitlines()}, status_code=500)


routes = [
    Route("/login", views.login, methods=["GET", "POST"]),
    Route("/logout", views.logout, methods=["POST"]),
    Route("/support/password-reset", views.password_reset_request, methods=["POST"]),
    Route("/orders/search", views.order_search),
    Route("/customers/lookup", views.customer_lookup),
    Route("/orders/{order_id:int}/refund", views.refund_form, methods=["GET"]),
    Route("/orders/{order_id:int}/refund", views.refund_submit, methods=["POST"]),
    Route("/api/token", views.api_token, methods=["POST"]),
    Route("/api/orders", views.api_orders),
]

middleware = [
    Middleware(RequestLogMiddleware),
    Middleware(SecurityHeadersMiddleware),
    Middleware(
        SessionMiddleware,
        secret_key=settings.session_secret,
        session_cookie="shopops_admin",
        max_age=8 * 3600,
        same_site="strict",
        https_only=True,
    ),
]

app = Starlette(
    debug=settings.debug,
    routes=routes,
    middleware=middleware,
    exception_handlers={500: server_error},
)
app.state.limiter = views.limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("shopops.admin.app:app", host="0.0.0.0", port=settings.admin_port, reload=True)
