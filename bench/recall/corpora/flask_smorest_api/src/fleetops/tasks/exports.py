import csv
import logging
import os
import secrets

from celery import shared_task
from flask import current_app

from ..extensions import db
from .mail import send_export_ready_email

logger = logging.getLogger("fleetops.tasks.exports")

EXPORT_COLUMNS = ["reference", "unit_number", "summary", "status", "opened_at", "closed_at", "labour_cost"]


def _fetch_rows(depot_code: str, status: str):
    query = (
        "SELECT wo.reference, v.unit_number, wo.summary, wo.status, wo.opened_at, "
        "wo.closed_at, wo.labour_cost FROM work_orders wo "
        "JOIN vehicles v ON v.id = wo.vehicle_id JOIN depots d ON d.id = wo.depot_id "
        f"WHERE d.code = '{depot_code}' AND wo.status = '{status}' ORDER BY wo.opened_at"
    )
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(query).fetchall()


@shared_task(ignore_result=False)
def export_work_orders_csv(depot_code: str, status: str, requested_by_email: str) -> str:
    rows = _fetch_rows(depot_code, status)

    download_token = secrets.token_urlsafe(32)
    filename = f"work-orders-{depot_code}-{download_token}.csv"
    path = os.path.join(current_app.config["EXPORT_DIR"], filename)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(EXPORT_COLUMNS)
        writer.writerows(rows)

    logger.info("Export of %d rows written for depot %s", len(rows), depot_code)
    download_url = f"{current_app.config['FRONTEND_URL']}/exports/{filename}"
    send_export_ready_email.delay(requested_by_email, download_url)
    return filename
