"""Back-office reporting endpoints (SigV4-signed calls from the BI tooling)."""
import logging
import traceback

import pymysql
from chalice import BadRequestError, Blueprint, Response

from chalicelib import web
from chalicelib.authorizers import iam_auth
from chalicelib.reporting import ReportService

log = logging.getLogger(__name__)

report_routes = Blueprint(__name__)


def _params():
    return report_routes.current_request.query_params or {}


def _database_error(exc):
    log.error("reporting query failed: %s", exc)
    return Response(
        body={"error": "reporting query failed", "detail": str(exc), "trace": traceback.format_exc()},
        status_code=500,
    )


@report_routes.route("/top-rides", methods=["GET"], authorizer=iam_auth)
def top_rides():
    params = _params()
    try:
        rows = ReportService().top_rides(
            order_by=params.get("order_by", "fare_cents"),
            limit=web.bounded_int(params.get("limit"), default=50, low=1, high=500),
        )
    except pymysql.MySQLError as exc:
        return _database_error(exc)
    return {"rows": rows}


@report_routes.route("/usage", methods=["GET"], authorizer=iam_auth)
def usage_by_city():
    params = _params()
    city = params.get("city")
    if not city:
        raise BadRequestError("city is required")
    try:
        rows = ReportService().usage_by_city(city, since=params.get("since"))
    except pymysql.MySQLError as exc:
        return _database_error(exc)
    return {"city": city, "rows": rows}


@report_routes.route("/stations/{station_id}/rides", methods=["GET"], authorizer=iam_auth)
def station_rides(station_id):
    params = _params()
    try:
        rows = ReportService().station_rides(
            station_id, sort=params.get("sort", "recent"), limit=params.get("limit", 100)
        )
    except pymysql.MySQLError as exc:
        return _database_error(exc)
    return {"station_id": station_id, "rows": rows}
