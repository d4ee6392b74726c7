"""arq worker: usage roll-ups, invite e-mails and usage alerts.

Run with ``arq devportal.worker.WorkerSettings``.
"""

import os
from datetime import date, timedelta
from typing import Any

import structlog
from arq import cron
from arq.connections import RedisSettings
from sqlalchemy import text

from devportal.db import SessionLocal, engine
from devportal.observability import configure_logging
from devportal.services import alerts as alerts_service
from devportal.services import invites as invites_service

log = structlog.get_logger(__name__)

_ROLLUP_SQL = """
INSERT INTO usage_daily (api_key_id, day, endpoint, request_count, error_count, p95_latency_ms)
SELECT api_key_id, CAST(:day AS date), endpoint,
       COUNT(*),
       COUNT(*) FILTER (WHERE status_code >= 500),
       CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS integer)
FROM usage_events
WHERE ts >= CAST(:day AS date) AND ts < CAST(:day AS date) + 1
GROUP BY api_key_id, endpoint
"""


async def aggregate_usage(ctx: dict[str, Any], day: str) -> int:
    """(Re)build the ``usage_daily`` rows for *day*, an ISO date string."""
    async with SessionLocal() as session:
        await session.execute(text(f"DELETE FROM usage_daily WHERE day = '{day}'"))
        result = await session.execute(text(_ROLLUP_SQL), {"day": date.fromisoformat(day)})
        await session.commit()
    log.info("usage.aggregated", day=day, rows=result.rowcount)
    return result.rowcount


async def aggregate_yesterday(ctx: dict[str, Any]) -> int:
    return await aggregate_usage(ctx, (date.today() - timedelta(days=1)).isoformat())


async def send_usage_alerts(ctx: dict[str, Any]) -> int:
    async with SessionLocal() as session:
        fired = await alerts_service.fire_due_alerts(session)
    log.info("alerts.checked", fired=fired)
    return fired


async def send_invite_email(ctx: dict[str, Any], invite_id: int) -> None:
    async with SessionLocal() as session:
        await invites_service.deliver_invite(session, invite_id)


async def startup(ctx: dict[str, Any]) -> None:
    configure_logging(json_logs=os.getenv("ENVIRONMENT", "production") == "production")


async def shutdown(ctx: dict[str, Any]) -> None:
    await engine.dispose()


class WorkerSettings:
    functions = [aggregate_usage, send_invite_email, send_usage_alerts]
    cron_jobs = [
        cron(aggregate_yesterday, hour=0, minute=20),
        cron(send_usage_alerts, minute={0, 30}),
    ]
    on_startup = startup
    on_shutdown = shutdown
    max_tries = 3
    redis_settings = RedisSettings(
        host=os.getenv("REDIS_HOST", "localhost"),
        port=int(os.getenv("REDIS_PORT", "6379")),
        password=os.getenv("REDIS_PASSWORD", "arq-Rk8t2Lw9qZ"),
    )
