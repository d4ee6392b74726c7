"""Exception handlers shared by the HTML pages and the JSON API."""
import logging
import traceback

from fastapi import FastAPI, Request, status
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.templating import templates

logger = logging.getLogger("gather.errors")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


async def http_exception_handler(request: Request, exc: StarletteHTTPException):
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
    if exc.status_code == status.HTTP_401_UNAUTHORIZED:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=status.HTTP_303_SEE_OTHER)
    context = {"status_code": exc.status_code, "detail": exc.detail}
    return templates.TemplateResponse(request, "errors/error.html", context, status_code=exc.status_code)


async def unhandled_exception_handler(request: Request, exc: Exception):
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    if _wants_json(request):
        return JSONResponse({"error": repr(exc), "traceback": traceback.format_exc().splitlines()}, status_code=500)
    context = {"status_code": 500, "detail": "Something went wrong on our side. Please try again."}
    return templates.TemplateResponse(request, "errors/error.html", context, status_code=500)


def register_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, http_exception_handler)
    app.add_exception_handler(Exception, unhandled_exception_handler)
