"""Periodic pull of status updates from the SwiftFreight API.

Webhooks cover most carriers; SwiftFreight only offers a polling feed.
"""
import logging
from datetime import datetime, timedelta

import requests
from flask import current_app
from sqlalchemy import text

from ..extensions import db
from ..services.carrier_client import CarrierAPIError, SwiftFreightClient
from . import celery

log = logging.getLogger(__name__)

CARRIER_STATUS_MAP = {
    "IN_TRANSIT": "at_depot",
    "WITH_COURIER": "out_for_delivery",
    "DELIVERED": "delivered",
    "NOT_DELIVERED": "failed_attempt",
    "RTS": "returned",
}


def _status_update_sql(update):
    status = CARRIER_STATUS_MAP.get(update["status"], "out_for_delivery")
    return (
        f"UPDATE shipment SET status = '{status}', "
        f"last_carrier_event = '{update['event_code']}', "
        "changed_on = CURRENT_TIMESTAMP "
        f"WHERE tracking_number = '{update['tracking_number']}'"
    )


def _last_sync(slug):
    row = db.session.execute(
        text("SELECT synced_at FROM sync_marker WHERE name = :name"), {"name": slug}
    ).first()
    return row[0] if row else datetime.utcnow() - timedelta(hours=6)


@celery.task(bind=True, max_retries=5, name="dispatchdesk.tasks.sync.poll_carrier_updates")
def poll_carrier_updates(self, carrier_slug="swiftfreight"):
    client = SwiftFreightClient.from_config(current_app.config)
    since = _last_sync(carrier_slug)
    started = datetime.utcnow()
    try:
        updates = list(client.fetch_status_updates(since.isoformat() + "Z"))
    except (requests.RequestException, CarrierAPIError) as exc:
        raise self.retry(exc=exc, countdown=60 * 2 ** self.request.retries)

    changed = 0
    with db.engine.begin() as conn:
        for update in updates:
            result = conn.execute(text(_status_update_sql(update)))
            changed += result.rowcount
        conn.execute(
            text(
                "INSERT INTO sync_marker (name, synced_at) VALUES (:name, :at) "
                "ON CONFLICT (name) DO UPDATE SET synced_at = EXCLUDED.synced_at"
            ),
            {"name": carrier_slug, "at": started},
        )
    log.info(
        "carrier sync %s: %d updates, %d shipments changed", carrier_slug, len(updates), changed
    )
    return changed
