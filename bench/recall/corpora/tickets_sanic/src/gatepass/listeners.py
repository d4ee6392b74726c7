"""Server lifecycle: connection pools, shared services, background jobs."""
from __future__ import annotations

import logging

import asyncpg
from redis import asyncio as aioredis
from sanic import Sanic

from gatepass import tasks
from gatepass.services.mailer import Mailer
from gatepass.services.payments import PartnerClient, StripeGateway

logger = logging.getLogger(__name__)


async def _init_connection(conn: asyncpg.Connection) -> None:
    # jsonb columns come back as dicts
    import json

    await conn.set_type_codec("jsonb", encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


async def check_config(app: Sanic) -> None:
    if len(app.config.JWT_SECRET or "") < 32:
        raise RuntimeError("GATEPASS_JWT_SECRET must be set to at least 32 characters")
    if app.config.ENV == "production" and not app.config.STRIPE_WEBHOOK_SECRET:
        logger.warning("GATEPASS_STRIPE_WEBHOOK_SECRET is empty, Stripe webhooks will be rejected")


async def setup_db(app: Sanic) -> None:
    app.ctx.db = await asyncpg.create_pool(
        dsn=app.config.DATABASE_URL,
        min_size=app.config.DB_POOL_MIN,
        max_size=app.config.DB_POOL_MAX,
        command_timeout=30,
        init=_init_connection,
    )
    logger.info("database pool ready (max=%s)", app.config.DB_POOL_MAX)


async def setup_redis(app: Sanic) -> None:
    app.ctx.redis = aioredis.from_url(app.config.REDIS_URL, decode_responses=True)
    await app.ctx.redis.ping()


async def setup_services(app: Sanic) -> None:
    app.ctx.mailer = Mailer.from_config(app.config)
    app.ctx.payments = StripeGateway(
        secret_key=app.config.STRIPE_SECRET_KEY,
        webhook_secret=app.config.STRIPE_WEBHOOK_SECRET,
        currency=app.config.CURRENCY,
    )
    app.ctx.partners = PartnerClient()


async def start_background_jobs(app: Sanic) -> None:
    app.add_task(tasks.reminder_loop(app), name="reminders")
    app.add_task(tasks.housekeeping_loop(app), name="housekeeping")


async def close_pools(app: Sanic) -> None:
    for name in ("reminders", "housekeeping"):
        try:
            await app.cancel_task(name, raise_exception=False)
        except Exception:  # task may never have started
            pass
    if getattr(app.ctx, "redis", None) is not None:
        await app.ctx.redis.aclose()
    if getattr(app.ctx, "db", None) is not None:
        await app.ctx.db.close()


def register(app: Sanic) -> None:
    app.register_listener(check_config, "before_server_start")
    app.register_listener(setup_db, "before_server_start")
    app.register_listener(setup_redis, "before_server_start")
    app.register_listener(setup_services, "before_server_start")
    app.register_listener(start_background_jobs, "after_server_start")
    app.register_listener(close_pools, "before_server_stop")
