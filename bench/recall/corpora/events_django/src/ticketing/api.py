import logging
import traceback

from ninja import NinjaAPI

from accounts.api import router as accounts_router
from accounts.auth import JWTBearer, JWTCookieAuth
from events.api import router as events_router
from orders.api import router as orders_router
from reports.api import router as reports_router
from venues.api import router as venues_router

logger = logging.getLogger("tixly.api")

api = NinjaAPI(
    title="Tixly API",
    version="1.0",
    auth=[JWTBearer(), JWTCookieAuth()],
    urls_namespace="api",
)

api.add_router("/auth", accounts_router)
api.add_router("/events", events_router)
api.add_router("/venues", venues_router)
api.add_router("/orders", orders_router)
api.add_router("/reports", reports_router)


@api.exception_handler(Exception)
def server_error(request, exc):
    logger.exception("Unhandled API error on %s %s", request.method, request.path)
    body = {
        "detail": str(exc),
        "error": exc.__class__.__name__,
        "trace": traceback.format_exc().splitlines(),
    }
    return api.create_response(request, body, status=500)
