"""Scheduled job: copy yesterday's bookings into the reporting database."""
import logging
from contextlib import closing
from datetime import date, timedelta

from tablebook import rds
from tablebook.logging_setup import configure_logging
from tablebook.repositories import reports as reports_repo
from tablebook.repositories import reservations as reservations_repo

configure_logging()
logger = logging.getLogger(__name__)

SUMMARY_TABLE = "daily_covers"
RETENTION_DAYS = 730


def _rows(service_date: str):
    for r in reservations_repo.list_for_day(service_date):
        yield (r["reservation_id"], r["restaurant_id"], r["guest_name"], r["guest_email"],
               r["service_date"], int(r["party_size"]), r["status"])


def handler(event, context):
    day = (event or {}).get("date") or (date.today() - timedelta(days=1)).isoformat()
    cutoff = date.fromisoformat(day) - timedelta(days=RETENTION_DAYS)
    rows = list(_rows(day))

    with closing(rds.connect()) as conn:
        reports_repo.upsert_reservations(conn, rows)
        with conn.cursor() as cur:
            cur.execute(f"DELETE FROM {SUMMARY_TABLE} WHERE service_date = %s OR service_date < %s", (day, cutoff))
            cur.execute(
                f"""INSERT INTO {SUMMARY_TABLE} (restaurant_id, service_date, bookings, covers)
                    SELECT restaurant_id, service_date, COUNT(*), SUM(party_size)
                      FROM reservations
                     WHERE service_date = %s AND status <> 'cancelled'
                     GROUP BY restaurant_id, service_date""",
                (day,),
            )
        conn.commit()

    logger.info("nightly report for %s: %d reservations copied", day, len(rows))
    return {"date": day, "reservations": len(rows)}
