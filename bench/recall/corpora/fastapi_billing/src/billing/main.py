"""ASGI entry point: builds the FastAPI application and wires routers."""
import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.middleware.sessions import SessionMiddleware

from billing import __version__
from billing.config import get_settings
from billing.limits import limiter
from billing.routers import admin, auth, invoices, portal, reports, webhooks

logger = logging.getLogger("billing")
settings = get_settings()

app = FastAPI(
    title=settings.app_name,
    version=__version__,
    debug=True,
)

app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

app.add_middleware(
    SessionMiddleware,
    secret_key=settings.session_secret.get_secret_value(),
    session_cookie="ledgerly_admin",
    same_site="lax",
    https_only=True,
)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.mount("/static", StaticFiles(directory="static"), name="static")

app.include_router(auth.router)
app.include_router(invoices.router)
app.include_router(reports.router)
app.include_router(portal.router)
app.include_router(admin.router)
app.include_router(webhooks.router)


@app.exception_handler(Exception)
async def unhandled_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    body = {"detail": "internal error", "error": repr(exc)}
    if request.headers.get("x-debug-trace"):
        body["trace"] = traceback.format_exc().splitlines()[-8:]
    return JSONResponse(status_code=500, content=body)


@app.get("/healthz", include_in_schema=False)
async def healthz() -> dict:
    return {"status": "ok", "version": __version__}
