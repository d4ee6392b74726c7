"""Stock valuation report."""

import csv
import io
import logging
from decimal import Decimal

import falcon

from stockroom.hooks import require_role
from stockroom.repositories.items import WarehouseRepository
from stockroom.repositories.reports import ReportRepository
from stockroom.resources.admin.base import AdminResource

logger = logging.getLogger(__name__)

_reports = ReportRepository()
_warehouses = WarehouseRepository()


def _filters(req) -> dict:
    return {
        "warehouse": req.get_param("warehouse"),
        "category": req.get_param("category"),
    }


@falcon.before(require_role("supervisor"))
class AdminReportsResource(AdminResource):
    nav_section = "reports"

    def on_get(self, req, resp):
        filters = _filters(req)
        rows = _reports.stock_valuation(filters)
        totals = {
            "skus": sum(r["skus"] for r in rows),
            "units": sum(r["units"] or 0 for r in rows),
            "value": sum((r["value"] or Decimal(0)) for r in rows),
        }
        self.render(
            req,
            resp,
            "reports.html",
            rows=rows,
            totals=totals,
            filters=filters,
            warehouses=_warehouses.list_active(),
            categories=_reports.categories(),
        )

    def on_get_csv(self, req, resp):
        filters = _filters(req)
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["warehouse", "category", "skus", "units", "value"])
        for row in _reports.stock_valuation(filters):
            writer.writerow([row["warehouse"], row["category"], row["skus"], row["units"], row["value"]])
        logger.info("valuation export by user %s (%s)", req.context.user["id"], filters)
        resp.content_type = "text/csv; charset=utf-8"
        resp.downloadable_as = "stock-valuation.csv"
        resp.text = buf.getvalue()
