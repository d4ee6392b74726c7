"""Housekeeping jobs."""
import csv
import io
import logging
from datetime import date, datetime, timedelta

import boto3
from flask import current_app
from sqlalchemy import text

from ..extensions import db
from ..models.shipment import Shipment
from ..models.user import DispatchUser
from . import celery

log = logging.getLogger(__name__)

RETENTION_DAYS = {
    "shipment_event": 400,
    "webhook_delivery": 30,
}


@celery.task(name="dispatchdesk.tasks.maintenance.purge_old_rows")
def purge_old_rows():
    removed = {}
    with db.engine.begin() as conn:
        for table, days in RETENTION_DAYS.items():
            cutoff = datetime.utcnow() - timedelta(days=days)
            stmt = text(f"DELETE FROM {table} WHERE created_on < :cutoff")
            result = conn.execute(stmt, {"cutoff": cutoff})
            removed[table] = result.rowcount
    log.info("purged old rows: %s", removed)
    return removed


@celery.task(name="dispatchdesk.tasks.maintenance.expire_reset_tokens")
def expire_reset_tokens():
    expired = (
        db.session.query(DispatchUser)
        .filter(DispatchUser.reset_token_expires < datetime.utcnow())
        .update(
            {DispatchUser.reset_token: None, DispatchUser.reset_token_expires: None},
            synchronize_session=False,
        )
    )
    db.session.commit()
    return expired


@celery.task(name="dispatchdesk.tasks.maintenance.upload_billing_export")
def upload_billing_export(day_iso=None):
    """Yesterday's deliveries as CSV for the billing team's S3 bucket."""
    day = date.fromisoformat(day_iso) if day_iso else date.today() - timedelta(days=1)
    start = datetime.combine(day, datetime.min.time())
    rows = (
        db.session.query(Shipment)
        .filter(Shipment.delivered_on >= start, Shipment.delivered_on < start + timedelta(days=1))
        .order_by(Shipment.delivered_on)
    )
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["reference", "carrier", "depot", "weight_kg", "delivered_on"])
    count = 0
    for s in rows:
        writer.writerow(
            [s.reference, s.carrier.slug if s.carrier else "", s.depot.code, s.weight_kg, s.delivered_on]
        )
        count += 1

    # Credentials come from the instance role / environment.
    s3 = boto3.client("s3")
    key = f"billing/{day:%Y/%m}/deliveries-{day.isoformat()}.csv"
    s3.put_object(
        Bucket=current_app.config["EXPORT_BUCKET"],
        Key=key,
        Body=buf.getvalue().encode("utf-8"),
        ContentType="text/csv",
        ServerSideEncryption="AES256",
    )
    log.info("uploaded %d deliveries to s3://%s/%s", count, current_app.config["EXPORT_BUCKET"], key)
    return count
