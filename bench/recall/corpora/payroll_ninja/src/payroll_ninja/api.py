import logging
import traceback

from django.conf import settings
from ninja import NinjaAPI
from ninja.errors import ValidationError

from accounts.api import router as accounts_router
from expenses.api import router as expenses_router
from payroll.api import router as payroll_router

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Payroll Ninja API",
    version="1.4.0",
    urls_namespace="api",
    docs_url="/docs" if settings.DEBUG else None,
)

api.add_router("/auth/", accounts_router)
api.add_router("/payroll/", payroll_router)
api.add_router("/expenses/", expenses_router)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return api.create_response(request, {"detail": exc.errors}, status=422)


@api.exception_handler(Exception)
def on_unhandled_error(request, exc):
    logger.exception("unhandled API error on %s %s", request.method, request.path)
    body = {
        "detail": "Internal server error",
        "error": f"{type(exc).__name__}: {exc}",
        "trace": traceback.format_exc().splitlines()[-10:],
    }
    return api.create_response(request, body, status=500)
