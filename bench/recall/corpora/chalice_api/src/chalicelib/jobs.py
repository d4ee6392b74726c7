"""Queue consumers and scheduled jobs."""
import json
import logging
import uuid

from chalice import Blueprint, Cron, Rate

from chalicelib import dynamo
from chalicelib.reporting import ReportRepository, ReportService
from chalicelib.repositories import RiderRepository
from chalicelib.services.fleet import FleetService

log = logging.getLogger(__name__)

jobs = Blueprint(__name__)


@jobs.on_sqs_message(queue="bikeshare-corporate-import", batch_size=10)
def import_corporate_riders(event):
    riders = RiderRepository()
    for record in event:
        body = json.loads(record.body)
        item = {
            "rider_id": str(uuid.uuid4()),
            "email": body["email"].strip().lower(),
            "name": body.get("name", ""),
            "company_id": body["company_id"],
            "password": body["temporary_password"],
            "must_change_password": True,
            "verified": True,
            "created_at": dynamo.utcnow_iso(),
        }
        riders.put_corporate_rider(item)
        log.info("imported rider %s for company %s", item["rider_id"], item["company_id"])


@jobs.on_sqs_message(queue="bikeshare-partner-events", batch_size=25)
def record_partner_events(event):
    reports = ReportRepository()
    for record in event:
        message = json.loads(record.body)
        reports.record_partner_event(
            message["partner"], message["type"], message.get("station_id", ""), record.body
        )


@jobs.schedule(Rate(15, unit=Rate.MINUTES))
def rebalance_fleet(event):
    FleetService().plan_rebalancing()


@jobs.schedule(Cron(30, 2, "*", "*", "?", "*"))
def nightly_rollup(event):
    rows = ReportService().rollup_previous_day()
    log.info("daily rollup wrote %d rows", rows)
