"""Read-only reporting queries used by the chart views and the digest job.

These go straight to SQL: the aggregates are awkward through the ORM and the
report tables are large.
"""
import hashlib
import json
import time
from datetime import datetime, timedelta

from sqlalchemy import text

GROUPINGS = {
    "depot": "d.code",
    "region": "d.region",
    "carrier": "c.name",
    "week": "date_trunc('week', s.delivered_on)",
}

LATE_ORDERINGS = {
    "late": "late DESC",
    "carrier": "carrier ASC",
    "oldest": "oldest_promise ASC",
}

_CACHE = {}
_CACHE_TTL = 120


def _cache_key(name, params):
    raw = json.dumps([name, params], sort_keys=True, default=str)
    return hashlib.md5(raw.encode("utf-8"), usedforsecurity=False).hexdigest()


def cached(name, params, loader):
    key = _cache_key(name, params)
    hit = _CACHE.get(key)
    if hit and time.monotonic() - hit[0] < _CACHE_TTL:
        return hit[1]
    value = loader()
    _CACHE[key] = (time.monotonic(), value)
    return value


class ReportRepository:
    def __init__(self, session):
        self.session = session

    def on_time_rate(self, days=30, grouping="depot", region=None):
        group_expr = GROUPINGS.get(grouping, GROUPINGS["depot"])
        since = datetime.utcnow() - timedelta(days=days)

        conditions = ["s.delivered_on >= :since", "s.promised_on IS NOT NULL"]
        if region:
            conditions.append(f"d.region = '{region}'")

        sql = (
            f"SELECT {group_expr} AS bucket, "
            "COUNT(*) AS delivered, "
            "SUM(CASE WHEN s.delivered_on::date <= s.promised_on THEN 1 ELSE 0 END) AS on_time "
            "FROM shipment s "
            "JOIN depot d ON d.id = s.depot_id "
            "LEFT JOIN carrier c ON c.id = s.carrier_id "
            f"WHERE {' AND '.join(conditions)} "
            "GROUP BY 1 ORDER BY 1"
        )
        rows = self.session.execute(text(sql), {"since": since}).mappings().all()
        return [
            {
                "bucket": str(r["bucket"]),
                "delivered": r["delivered"],
                "on_time": r["on_time"],
                "rate": round(100.0 * r["on_time"] / r["delivered"], 1) if r["delivered"] else 0.0,
            }
            for r in rows
        ]

    def late_by_carrier(self, days=7, order="late"):
        order_expr = LATE_ORDERINGS.get(order, LATE_ORDERINGS["late"])
        stmt = text(
            "SELECT c.name AS carrier, COUNT(*) AS late, MIN(s.promised_on) AS oldest_promise "
            "FROM shipment s JOIN carrier c ON c.id = s.carrier_id "
            "WHERE s.status NOT IN ('delivered', 'cancelled', 'returned') "
            "AND s.promised_on < :today AND s.created_on >= :since "
            f"GROUP BY c.name ORDER BY {order_expr}"
        )
        params = {
            "today": datetime.utcnow().date(),
            "since": datetime.utcnow() - timedelta(days=days),
        }
        return self.session.execute(stmt, params).mappings().all()

    def depot_summary(self, depot_id, day):
        stmt = text(
            "SELECT status, COUNT(*) AS n FROM shipment "
            "WHERE depot_id = :depot AND promised_on = :day GROUP BY status"
        )
        rows = self.session.execute(stmt, {"depot": depot_id, "day": day}).all()
        return {status: n for status, n in rows}

    def depot_exceptions(self, depot_id, day):
        stmt = text(
            "SELECT s.reference, s.consignee_name, s.postcode, s.status, "
            "s.delivery_instructions, e.carrier_message, e.occurred_at "
            "FROM shipment s "
            "LEFT JOIN LATERAL (SELECT carrier_message, occurred_at FROM shipment_event "
            "  WHERE shipment_id = s.id ORDER BY occurred_at DESC LIMIT 1) e ON TRUE "
            "WHERE s.depot_id = :depot AND s.promised_on = :day "
            "AND s.status IN ('failed_attempt', 'returned')"
        )
        return self.session.execute(stmt, {"depot": depot_id, "day": day}).mappings().all()
