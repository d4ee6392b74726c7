import base64
import csv
import io
import logging
import random
from datetime import date, timedelta

from flask import current_app

from app.celery_app import celery
from app.extensions import db
from app.models import Item, ReportSchedule, StockLevel, TokenBlocklist, Warehouse, utcnow
from app.services import reports
from app.services.cache import invalidate
from app.services.devices import expire_stale_pairings
from app.services.mailer import Mailer

log = logging.getLogger(__name__)

CYCLE_COUNT_SAMPLE_SIZE = 25


def _csv_attachment(rows, filename):
    if not rows:
        return None
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0].keys()))
    writer.writeheader()
    for row in rows:
        writer.writerow(dict(row))
    return {
        "content": base64.b64encode(buf.getvalue().encode("utf-8")).decode("ascii"),
        "filename": filename,
        "type": "text/csv",
        "disposition": "attachment",
    }


@celery.task(bind=True, max_retries=3, default_retry_delay=300)
def nightly_stock_report(self):
    threshold = current_app.config["LOW_STOCK_THRESHOLD"]
    mailer = Mailer()
    sent = 0
    for warehouse in Warehouse.query.order_by(Warehouse.code).all():
        rows = reports.low_stock(warehouse, threshold)
        recipients = [warehouse.manager_email] if warehouse.manager_email else []
        recipients += current_app.config["REPORT_RECIPIENTS"]
        if not rows or not recipients:
            continue
        attachment = _csv_attachment(rows, f"low-stock-{warehouse.code}-{date.today():%Y%m%d}.csv")
        try:
            mailer.send(
                to=recipients,
                subject=f"[{warehouse.code}] {len(rows)} items at or below reorder point",
                template="low_stock.html",
                warehouse=warehouse,
                rows=rows,
                threshold=threshold,
                attachments=[attachment] if attachment else None,
            )
        except Exception as exc:
            log.warning("low stock mail for %s failed: %s", warehouse.code, exc)
            raise self.retry(exc=exc)
        sent += 1
    log.info("nightly stock report sent for %d warehouse(s)", sent)
    return sent


@celery.task
def refresh_report_views():
    reports.refresh_summaries()
    invalidate("report:")
    log.info("report summaries refreshed")


@celery.task
def send_scheduled_reports():
    today = date.today()
    mailer = Mailer()
    for schedule in ReportSchedule.query.all():
        if schedule.frequency == "weekly" and today.weekday() != 0:
            continue
        warehouse = schedule.warehouse
        if schedule.report_type == "low_stock":
            rows = reports.low_stock(warehouse, current_app.config["LOW_STOCK_THRESHOLD"])
        elif schedule.report_type == "valuation":
            rows = reports.stock_valuation(warehouse.id, "value", descending=True)
        else:
            since = (today - timedelta(days=1)).isoformat()
            rows = reports.movement_report(since, [warehouse.code])
        attachment = _csv_attachment(rows, f"{schedule.report_type}-{warehouse.code}-{today:%Y%m%d}.csv")
        mailer.send(
            to=schedule.recipient_list,
            subject=f"{schedule.name} ({warehouse.code})",
            template="scheduled_report.html",
            schedule=schedule,
            count=len(rows),
            attachments=[attachment] if attachment else None,
        )
        schedule.last_sent_at = utcnow()
    db.session.commit()


@celery.task
def pick_cycle_count_sample():
    """Pick a random set of stocked items per warehouse for today's cycle count."""
    for warehouse in Warehouse.query.all():
        item_ids = [
            row.item_id
            for row in db.session.query(StockLevel.item_id)
            .filter(StockLevel.warehouse_id == warehouse.id, StockLevel.quantity > 0)
            .distinct()
        ]
        if not item_ids:
            continue
        sample = random.sample(item_ids, k=min(CYCLE_COUNT_SAMPLE_SIZE, len(item_ids)))
        items = Item.query.filter(Item.id.in_(sample)).order_by(Item.sku).all()
        if warehouse.manager_email:
            Mailer().send(
                to=warehouse.manager_email,
                subject=f"[{warehouse.code}] Cycle count list for {date.today():%d %b}",
                template="cycle_count.html",
                warehouse=warehouse,
                items=items,
            )


@celery.task
def housekeeping():
    pairings = expire_stale_pairings()
    token_count = TokenBlocklist.query.filter(TokenBlocklist.expires_at < utcnow()).delete()
    db.session.commit()
    log.info("housekeeping: removed %d stale pairings and %d expired tokens", pairings, token_count)
