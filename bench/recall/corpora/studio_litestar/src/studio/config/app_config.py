"""Litestar plugin and middleware configuration, built from settings."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from advanced_alchemy.extensions.litestar import (
    AlembicAsyncConfig,
    AsyncSessionConfig,
    SQLAlchemyAsyncConfig,
    SQLAlchemyPlugin,
)
from litestar.config.compression import CompressionConfig
from litestar.config.cors import CORSConfig
from litestar.config.csrf import CSRFConfig
from litestar.contrib.jinja import JinjaTemplateEngine
from litestar.logging.config import LoggingConfig
from litestar.middleware.rate_limit import RateLimitConfig
from litestar.middleware.session.server_side import ServerSideSessionConfig
from litestar.openapi.config import OpenAPIConfig
from litestar.openapi.plugins import ScalarRenderPlugin
from litestar.stores.redis import RedisStore
from litestar.stores.registry import StoreRegistry
from litestar.template.config import TemplateConfig

from studio import __version__
from studio.config.settings import get_settings
from studio.templating import register_template_helpers

settings = get_settings()

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

# --- database -----------------------------------------------------------------

sqlalchemy_config = SQLAlchemyAsyncConfig(
    connection_string=settings.db.url,
    session_config=AsyncSessionConfig(expire_on_commit=False),
    before_send_handler="autocommit",
    alembic_config=AlembicAsyncConfig(script_location="migrations"),
    create_all=False,
)
sqlalchemy_plugin = SQLAlchemyPlugin(config=sqlalchemy_config)

# --- stores -------------------------------------------------------------------

_redis_root = RedisStore.with_client(url=settings.redis_url)
stores = StoreRegistry(
    default_factory=lambda name: _redis_root.with_namespace(name),
)

# --- portal sessions & CSRF ---------------------------------------------------

session_config = ServerSideSessionConfig(
    key="studio_portal",
    store="sessions",
    max_age=int(timedelta(days=settings.security.portal_session_days).total_seconds()),
    httponly=True,
    # TLS is terminated at the load balancer
    secure=False,
    samesite="lax",
)

csrf_config = CSRFConfig(
    secret=os.getenv("CSRF_SECRET", "9b1f2e7c4d6a8b3e5f0a1c2d4e6f8a0b"),
    cookie_name="studio_csrf",
    cookie_secure=True,
    cookie_httponly=True,
    cookie_samesite="lax",
    header_name="x-csrftoken",
    exclude=[
        # staff API authenticates with bearer tokens, never with cookies
        "^/api/",
        # cron and ops tooling, authenticated by X-Ops-Key
        "^/internal/",
        "^/schema",
        # the lightbox toggles favourites with fetch(); see portal/favorites.html
        "^/portal/galleries/[^/]+/favorites",
    ],
)

# --- rate limiting ------------------------------------------------------------

api_rate_limit = RateLimitConfig(rate_limit=("minute", 120), exclude=["/schema"], store="rate_limit")
login_rate_limit = RateLimitConfig(rate_limit=("minute", 5), store="rate_limit")
form_rate_limit = RateLimitConfig(rate_limit=("hour", 10), store="rate_limit")

# --- CORS (embeddable booking widget on studio websites) ----------------------

cors_config = CORSConfig(allow_origins=["*"], allow_credentials=True, max_age=600)

# --- templates ----------------------------------------------------------------

template_config = TemplateConfig(
    directory=TEMPLATE_DIR,
    engine=JinjaTemplateEngine,
    engine_callback=register_template_helpers,
)

# --- misc ---------------------------------------------------------------------

compression_config = CompressionConfig(backend="gzip", minimum_size=1024)

openapi_config = OpenAPIConfig(
    title="StudioBook API",
    version=__version__,
    path="/schema",
    render_plugins=[ScalarRenderPlugin()],
)

logging_config = LoggingConfig(
    root={"level": "INFO", "handlers": ["queue_listener"]},
    formatters={"standard": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    loggers={
        "studio": {"level": "DEBUG" if settings.app.debug else "INFO", "propagate": True},
        "sqlalchemy.engine": {"level": "WARNING", "propagate": True},
    },
    log_exceptions="always",
)
