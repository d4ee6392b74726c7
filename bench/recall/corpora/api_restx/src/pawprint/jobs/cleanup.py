"""Nightly housekeeping (queue: default)."""
import logging
from datetime import datetime, timedelta, timezone

from psycopg2 import sql

from ..billing.db import billing_connection
from ..extensions import get_queue
from ..models.accounts import ResetCode, TokenBlocklist
from ..models.pets import ShareLink

log = logging.getLogger(__name__)

# table -> (timestamp column, days to keep)
BILLING_RETENTION = {
    "payment_attempts": ("created_at", 180),
    "webhook_events": ("received_at", 90),
    "export_jobs": ("finished_at", 30),
}


def purge_billing_tables(retention=None):
    retention = retention or BILLING_RETENTION
    deleted = {}
    with billing_connection() as conn, conn.cursor() as cur:
        for table, (column, days) in retention.items():
            statement = sql.SQL("DELETE FROM {table} WHERE {column} < now() - make_interval(days => %s)").format(
                table=sql.Identifier(table),
                column=sql.Identifier(column),
            )
            cur.execute(statement, (days,))
            deleted[table] = cur.rowcount
    log.info("Purged billing tables: %s", deleted)
    return deleted


def purge_expired_documents():
    """TTL indexes normally handle this; belt and braces for stale replicas."""
    now = datetime.now(timezone.utc)
    counts = {
        "token_blocklist": TokenBlocklist.objects(expires_at__lt=now).delete(),
        "reset_codes": ResetCode.objects(expires_at__lt=now - timedelta(days=1)).delete(),
        "share_links": ShareLink.objects(expires_at__lt=now).delete(),
    }
    log.info("Purged expired documents: %s", counts)
    return counts


def nightly():
    purge_billing_tables()
    purge_expired_documents()
    tomorrow = datetime.now(timezone.utc).replace(hour=3, minute=0, second=0, microsecond=0) + timedelta(days=1)
    get_queue("default").enqueue_at(tomorrow, nightly)
