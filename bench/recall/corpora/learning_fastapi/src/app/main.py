"""ASGI entry point."""
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.middleware.httpsredirect import HTTPSRedirectMiddleware
from starlette.middleware.sessions import SessionMiddleware

from app import __version__
from app.api.routers import admin, auth, certificates, courses, enrolments, partners, webhooks
from app.core.config import settings
from app.core.logging import configure_logging
from app.core.rate_limit import limiter

configure_logging()

app = FastAPI(
    title=settings.project_name,
    version=__version__,
    debug=settings.debug,
    docs_url=None if settings.environment == "production" else "/docs",
)

app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

origins = settings.cors_origins or ["*"]
app.add_middleware(
    CORSMiddleware,
    allow_origins=origins,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(
    SessionMiddleware,
    secret_key=settings.session_secret.get_secret_value(),
    session_cookie="lh_admin",
    max_age=8 * 3600,
    same_site="lax",
    https_only=True,
)

if settings.environment == "production" and settings.force_https:
    app.add_middleware(HTTPSRedirectMiddleware)

for module in (auth, courses, enrolments, partners, webhooks):
    app.include_router(module.router, prefix=settings.api_prefix)
app.include_router(certificates.router)
app.include_router(admin.router)


@app.middleware("http")
async def security_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
    if not settings.is_development:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    return response


@app.get("/healthz", include_in_schema=False)
def healthz() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    if settings.is_development:
        uvicorn.run("app.main:app", host="0.0.0.0", port=8000, reload=True)
    else:
        uvicorn.run("app.main:app", host="127.0.0.1", port=8000, proxy_headers=True)
