"""Health check and Prometheus metrics."""

import base64
import binascii
import logging

import falcon
from sqlalchemy import text

from stockroom import __version__, settings
from stockroom.db import get_engine, get_redis
from stockroom.repositories.reports import ReportRepository

logger = logging.getLogger(__name__)


def _basic_credentials(req) -> tuple[str, str]:
    header = req.get_header("Authorization") or ""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return "", ""
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return "", ""
    user, _, password = decoded.partition(":")
    return user, password


class HealthResource:
    auth_exempt = True

    def on_get(self, req, resp):
        checks = {}
        try:
            with get_engine().connect() as conn:
                conn.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except Exception:
            logger.exception("health check: database unreachable")
            checks["database"] = "error"
        try:
            get_redis().ping()
            checks["redis"] = "ok"
        except Exception:
            logger.warning("health check: redis unreachable")
            checks["redis"] = "error"

        healthy = checks["database"] == "ok"
        resp.status = falcon.HTTP_200 if healthy else falcon.HTTP_503
        resp.media = {"status": "ok" if healthy else "degraded", "version": __version__, "checks": checks}


class MetricsResource:
    auth_exempt = True

    def __init__(self, reports: ReportRepository | None = None):
        self._reports = reports or ReportRepository()

    def on_get(self, req, resp):
        if not settings.METRICS_PASSWORD:
            raise falcon.HTTPNotFound()
        user, password = _basic_credentials(req)
        if user != settings.METRICS_USER or password != settings.METRICS_PASSWORD:
            raise falcon.HTTPUnauthorized(title="Metrics", challenges=['Basic realm="metrics"'])

        lines = [
            "# HELP stockroom_rows Row counts of the main tables.",
            "# TYPE stockroom_rows gauge",
        ]
        for table, count in self._reports.table_counts().items():
            lines.append(f'stockroom_rows{{table="{table}"}} {count}')
        low = self._reports.low_stock(limit=10_000)
        lines += [
            "# HELP stockroom_low_stock_skus SKUs below their reorder level.",
            "# TYPE stockroom_low_stock_skus gauge",
            f"stockroom_low_stock_skus {len(low)}",
        ]
        resp.content_type = "text/plain; version=0.0.4"
        resp.text = "\n".join(lines) + "\n"
