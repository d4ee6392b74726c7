import logging
import traceback

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from slowapi import _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware

from app.api.main import api_router
from app.api.routes import admin, unsubscribe
from app.core.config import settings
from app.core.limiter import limiter

logger = logging.getLogger("notify")


def custom_generate_unique_id(route: APIRoute) -> str:
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


app = FastAPI(
    title=settings.PROJECT_NAME,
    openapi_url=f"{settings.API_V1_STR}/openapi.json",
    generate_unique_id_function=custom_generate_unique_id,
    debug=True,
)

app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)

if settings.ENVIRONMENT == "local":
    allowed_hosts = ["*"]
else:
    allowed_hosts = settings.ALLOWED_HOSTS
app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)

app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"], allow_headers=["*"])

# Cookie session for the admin pages (holds the CSRF token and flash messages).
app.add_middleware(
    SessionMiddleware,
    secret_key=settings.SECRET_KEY,
    session_cookie="notify_session",
    same_site="lax",
    https_only=settings.ENVIRONMENT != "local",
)


@app.middleware("http")
async def log_requests(request: Request, call_next):
    logger.debug("-> %s %s headers=%s", request.method, request.url.path, dict(request.headers))
    response = await call_next(request)
    logger.info("<- %s %s %s", request.method, request.url.path, response.status_code)
    return response


@app.exception_handler(Exception)
async def unhandled_exception_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.error("Unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse(status_code=500, content={"detail": str(exc), "traceback": traceback.format_exc()})


app.mount("/static", StaticFiles(directory="app/static", check_dir=False), name="static")
app.include_router(api_router, prefix=settings.API_V1_STR)
app.include_router(admin.router)
app.include_router(unsubscribe.router)


@app.get("/healthz", include_in_schema=False)
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run("app.main:app", host="127.0.0.1", port=8000, reload=True)
