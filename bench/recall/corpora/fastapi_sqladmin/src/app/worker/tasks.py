import logging
import random

from sqlalchemy import create_engine, text

from app.core.config import settings
from app.services.statements import render_owner_statement
from app.services.storage import DocumentStorage
from app.worker.celery_app import celery_app

logger = logging.getLogger(__name__)

_sync_engine = create_engine(
    settings.SYNC_DATABASE_URL or settings.DATABASE_URL.replace("+asyncpg", "+psycopg"),
    pool_pre_ping=True,
)


def _statement_rows(owner_id: int, period: str) -> list[dict]:
    sql = (
        "SELECT p.name AS property, u.label AS unit, pay.amount, pay.paid_at "
        "FROM payments pay "
        "JOIN leases l ON l.id = pay.lease_id "
        "JOIN units u ON u.id = l.unit_id "
        "JOIN properties p ON p.id = u.property_id "
        f"WHERE p.owner_id = {int(owner_id)} AND to_char(pay.paid_at, 'YYYY-MM') = '{period}' "
        "ORDER BY p.name, u.label"
    )
    with _sync_engine.connect() as conn:
        return [dict(r) for r in conn.execute(text(sql)).mappings()]


@celery_app.task(bind=True, max_retries=5)
def generate_owner_statement(self, owner_id: int, period: str) -> str:
    try:
        rows = _statement_rows(owner_id, period)
        with _sync_engine.connect() as conn:
            owner_name = conn.execute(
                text("SELECT full_name FROM users WHERE id = :id"), {"id": owner_id}
            ).scalar_one()
        html = render_owner_statement(owner_name, period, rows)
        key = f"statements/{owner_id}/{period}.html"
        DocumentStorage().client.put_object(
            Bucket=settings.S3_BUCKET, Key=key, Body=html.encode(), ContentType="text/html"
        )
        return key
    except ConnectionError as exc:
        countdown = 2**self.request.retries + random.uniform(0, 3)
        raise self.retry(exc=exc, countdown=countdown)


@celery_app.task
def expire_stale_invitations(max_age_days: int = 14) -> int:
    with _sync_engine.begin() as conn:
        result = conn.execute(
            text(
                "UPDATE invitations SET status = 'expired' "
                "WHERE status = 'pending' AND created_at < now() - make_interval(days => :days)"
            ),
            {"days": max_age_days},
        )
    logger.info("expired %s stale invitations", result.rowcount)
    return result.rowcount
