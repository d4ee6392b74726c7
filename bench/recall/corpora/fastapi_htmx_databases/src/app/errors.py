import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse
from slowapi.errors import RateLimitExceeded

from app.deps import LoginRequired
from app.templating import templates

logger = logging.getLogger(__name__)


def register_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, exc: LoginRequired):
        if request.headers.get("HX-Request"):
            return JSONResponse({}, status_code=401, headers={"HX-Redirect": "/login"})
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(RateLimitExceeded)
    async def rate_limited(request: Request, exc: RateLimitExceeded):
        return templates.TemplateResponse(
            request, "error.html", {"message": "Too many attempts, try again shortly."}, status_code=429
        )

    @app.exception_handler(Exception)
    async def unhandled(request: Request, exc: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.url.path)
        if request.url.path.startswith("/api/"):
            return JSONResponse(
                {
                    "error": type(exc).__name__,
                    "detail": str(exc),
                    "trace": traceback.format_exc().splitlines()[-8:],
                },
                status_code=500,
            )
        return templates.TemplateResponse(
            request, "error.html", {"message": "Something went wrong."}, status_code=500
        )
