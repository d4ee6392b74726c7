import logging
import traceback

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse

from bookings.templating import templates

logger = logging.getLogger(__name__)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


async def http_exception(request: Request, exc: HTTPException):
    if _wants_json(request):
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    template = "errors/404.html" if exc.status_code == 404 else "errors/error.html"
    return templates.TemplateResponse(
        request, template, {"status": exc.status_code, "detail": exc.detail}, status_code=exc.status_code
    )


async def server_error(request: Request, exc: Exception):
    request_id = getattr(request.state, "request_id", "-")
    logger.exception("[%s] unhandled error on %s %s", request_id, request.method, request.url.path)
    if _wants_json(request):
        return JSONResponse(
            {
                "error": "internal_error",
                "request_id": request_id,
                "detail": repr(exc),
                "trace": traceback.format_exc().splitlines()[-6:],
            },
            status_code=500,
        )
    return templates.TemplateResponse(
        request, "errors/500.html", {"request_id": request_id}, status_code=500
    )


exception_handlers = {
    HTTPException: http_exception,
    500: server_error,
}
