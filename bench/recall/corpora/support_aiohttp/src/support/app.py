"""Application factory."""
import functools
import json
import logging

import aiohttp
import aiohttp_cors
import aiohttp_jinja2
import aiohttp_session
import jinja2
from aiohttp import web
from aiohttp_session.cookie_storage import EncryptedCookieStorage

from . import settings
from .db import DB_KEY, database_ctx
from .middlewares import error_handling, https_redirect, request_logging, security_headers
from .repositories import AttachmentRepository, TicketRepository, UserRepository
from .security.csrf import csrf_context, csrf_middleware
from .services.attachments import AttachmentService
from .services.invites import InviteService
from .services.mailer import Mailer
from .services.password_reset import PasswordResetService
from .services.webhooks import WebhookDispatcher
from .storage import BlobStorage
from .templating import FILTERS
from .views import ROUTE_TABLES

log = logging.getLogger(__name__)


async def _services_ctx(app: web.Application):
    pool = app[DB_KEY]
    http = aiohttp.ClientSession()
    mailer = Mailer()
    app["db"] = pool
    app["users"] = UserRepository(pool)
    app["tickets"] = TicketRepository(pool)
    app["attachments_repo"] = AttachmentRepository(pool)
    app["attachment_service"] = AttachmentService(app["attachments_repo"], app["storage"])
    app["invites"] = InviteService(app["users"], mailer)
    app["password_resets"] = PasswordResetService(app["users"], mailer)
    app["webhooks"] = WebhookDispatcher(pool, http)
    yield
    await http.close()


def _setup_sessions(app: web.Application) -> None:
    storage = EncryptedCookieStorage(
        settings.SESSION_KEY,
        cookie_name=settings.SESSION_COOKIE_NAME,
        max_age=settings.SESSION_MAX_AGE,
        secure=settings.COOKIE_SECURE,
        httponly=False,
        samesite="Lax",
    )
    aiohttp_session.setup(app, storage)


def _setup_templates(app: web.Application) -> None:
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(str(settings.TEMPLATE_DIR)),
        context_processors=[csrf_context, aiohttp_jinja2.request_processor],
        filters=FILTERS,
    )


def _setup_cors(app: web.Application) -> None:
    """The chat widget is embedded on customer sites and calls the API."""
    cors = aiohttp_cors.setup(app, defaults={
        "*": aiohttp_cors.ResourceOptions(
            allow_credentials=True,
            expose_headers="*",
            allow_headers="*",
        ),
    })
    for route in list(app.router.routes()):
        if route.resource is not None and route.resource.canonical.startswith("/api/"):
            cors.add(route)


def create_app() -> web.Application:
    app = web.Application(
        middlewares=[https_redirect, security_headers, error_handling, request_logging],
        client_max_size=settings.MAX_ATTACHMENT_BYTES + 1024 * 1024,
    )
    _setup_sessions(app)
    app.middlewares.append(csrf_middleware)
    _setup_templates(app)

    app["storage"] = BlobStorage(bucket="helpdesk-attachments")
    app["default_team"] = 1
    app["max_upload"] = settings.MAX_ATTACHMENT_BYTES
    app["public_origin"] = settings.PUBLIC_URL.rstrip("/")
    app["json_dumps"] = functools.partial(json.dumps, default=str)

    app.cleanup_ctx.append(database_ctx)
    app.cleanup_ctx.append(_services_ctx)

    for table in ROUTE_TABLES:
        app.router.add_routes(table)
    app.router.add_static("/static/", settings.BASE_DIR / "static", name="static")
    _setup_cors(app)
    return app
