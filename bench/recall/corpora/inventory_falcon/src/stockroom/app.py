"""Application factory.

gunicorn -c gunicorn.conf.py "stockroom.app:create_app()"
"""

import logging
import logging.config

import falcon

from stockroom import errors, settings
from stockroom.middleware.auth import BearerAuthMiddleware
from stockroom.middleware.http import (
    HTTPSRedirectMiddleware,
    RequestContextMiddleware,
    SecurityHeadersMiddleware,
    TrustedHostMiddleware,
)
from stockroom.middleware.session import CSRFMiddleware, SessionMiddleware
from stockroom.resources import auth, inventory, movements, reports, system, webhooks
from stockroom.resources.admin import account as admin_account
from stockroom.resources.admin import items as admin_items
from stockroom.resources.admin import reports as admin_reports
from stockroom.resources.admin import users as admin_users

API = "/api/v1"
ADMIN = "/stockroom"


def configure_logging() -> None:
    fmt = (
        '{"ts": "%(asctime)s", "level": "%(levelname)s", "logger": "%(name)s", "msg": "%(message)s"}'
        if settings.LOG_JSON
        else "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
    )
    logging.config.dictConfig(
        {
            "version": 1,
            "disable_existing_loggers": False,
            "formatters": {"default": {"format": fmt}},
            "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "default"}},
            "root": {"handlers": ["console"], "level": settings.LOG_LEVEL},
            "loggers": {"sqlalchemy.engine": {"level": "WARNING"}},
        }
    )


def _add_api_routes(app: falcon.App) -> None:
    app.add_route("/healthz", system.HealthResource())
    app.add_route("/metrics", system.MetricsResource())

    app.add_route(API + "/auth/token", auth.TokenResource())

    app.add_route(API + "/items", inventory.ItemsResource())
    app.add_route(API + "/items/{item_id:int}", inventory.ItemResource())
    warehouses = inventory.WarehousesResource()
    app.add_route(API + "/warehouses", warehouses)
    app.add_route(API + "/warehouses/{warehouse_id:int}/cycle-count", warehouses, suffix="cycle_count")

    app.add_route(API + "/movements", movements.MovementsResource())
    app.add_route(API + "/imports", movements.ImportResource())

    app.add_route(API + "/webhooks/supplier-asn", webhooks.SupplierAsnWebhook())
    app.add_route(API + "/reports/{filename}", reports.ReportDownloadResource())


def _add_admin_routes(app: falcon.App) -> None:
    app.add_route(ADMIN, admin_account.AdminHomeResource())
    app.add_route(ADMIN + "/login", admin_account.AdminLoginResource())
    app.add_route(ADMIN + "/logout", admin_account.AdminLogoutResource())
    app.add_route(ADMIN + "/password-reset", admin_account.PasswordResetRequestResource())
    app.add_route(ADMIN + "/password-reset/confirm", admin_account.PasswordResetConfirmResource())
    app.add_route(ADMIN + "/invite/{token}", admin_account.InviteAcceptResource())

    app.add_route(ADMIN + "/items", admin_items.AdminItemsResource())
    item = admin_items.AdminItemResource()
    app.add_route(ADMIN + "/items/{sku}", item)
    app.add_route(ADMIN + "/items/{sku}/archive", item, suffix="archive")
    app.add_route(ADMIN + "/scanner/adjust", admin_items.ScannerAdjustResource())

    app.add_route(ADMIN + "/users", admin_users.AdminUsersResource())
    app.add_route(ADMIN + "/users/bulk", admin_users.UserBulkActionResource())
    app.add_route(ADMIN + "/users/{user_id:int}/passcode", admin_users.UserPasscodeResource())

    valuation = admin_reports.AdminReportsResource()
    app.add_route(ADMIN + "/reports", valuation)
    app.add_route(ADMIN + "/reports/valuation.csv", valuation, suffix="csv")


def create_app() -> falcon.App:
    configure_logging()

    app = falcon.App(
        middleware=[
            RequestContextMiddleware(),
            TrustedHostMiddleware(settings.ALLOWED_HOSTS),
            HTTPSRedirectMiddleware(exempt_paths={"/healthz"}),
            SecurityHeadersMiddleware(),
            # The scanner PWA is served from each site's own hostname.
            falcon.CORSMiddleware(allow_origins="*", allow_credentials="*"),
            SessionMiddleware(path_prefix=ADMIN),
            CSRFMiddleware(),
            BearerAuthMiddleware(prefix=API),
        ]
    )
    app.req_options.strip_url_path_trailing_slash = True
    app.resp_options.secure_cookies_by_default = True

    errors.register(app)
    _add_api_routes(app)
    _add_admin_routes(app)

    logging.getLogger(__name__).info("stockroom started (env=%s)", settings.ENV)
    return app
