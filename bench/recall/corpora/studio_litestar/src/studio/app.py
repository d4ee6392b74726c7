"""Application factory."""

from __future__ import annotations

from litestar import Litestar, Router
from litestar.config.allowed_hosts import AllowedHostsConfig
from litestar.di import Provide

from studio.config.app_config import (
    api_rate_limit,
    compression_config,
    cors_config,
    csrf_config,
    logging_config,
    openapi_config,
    session_config,
    sqlalchemy_plugin,
    stores,
    template_config,
)
from studio.config.settings import get_settings
from studio.controllers.auth import AuthController
from studio.controllers.bookings import BookingController, bookings_feed
from studio.controllers.clients import ClientController
from studio.controllers.galleries import GalleryController
from studio.controllers.invoices import InvoiceController
from studio.controllers.ops import OpsController, health
from studio.controllers.portal import PortalController
from studio.controllers.portal_public import PortalPublicController
from studio.controllers.webhooks import WebhookController
from studio.exceptions import exception_handlers
from studio.security.middleware import SecurityHeadersMiddleware, jwt_auth


def create_app() -> Litestar:
    settings = get_settings()

    api = Router(
        path="/api",
        route_handlers=[BookingController, ClientController, GalleryController, InvoiceController, bookings_feed],
        middleware=[api_rate_limit.middleware],
    )
    portal = Router(
        path="/portal",
        route_handlers=[PortalPublicController, PortalController],
        middleware=[session_config.middleware],
    )

    if settings.environment == "development":
        hosts = ["*"]
    else:
        hosts = settings.app.allowed_hosts

    return Litestar(
        route_handlers=[api, AuthController, portal, WebhookController, OpsController, health],
        plugins=[sqlalchemy_plugin],
        on_app_init=[jwt_auth.on_app_init],
        middleware=[SecurityHeadersMiddleware],
        dependencies={"settings": Provide(get_settings, sync_to_thread=False)},
        cors_config=cors_config,
        csrf_config=csrf_config,
        allowed_hosts=AllowedHostsConfig(allowed_hosts=hosts),
        compression_config=compression_config,
        template_config=template_config,
        openapi_config=openapi_config,
        logging_config=logging_config,
        exception_handlers=exception_handlers,
        stores=stores,
        debug=settings.app.debug,
    )
