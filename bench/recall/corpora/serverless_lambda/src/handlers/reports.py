"""Reports for restaurant owners and managers (data from the RDS warehouse)."""
import logging

import pymysql

from tablebook.http import HTTPError, json_response
from tablebook.router import Router
from tablebook.services import reporting
from tablebook.sessions import require_role

logger = logging.getLogger(__name__)
router = Router("reports")

REPORT_ROLES = ("owner", "manager")


def _restaurant_id(request) -> str:
    restaurant_id = request.auth.get("restaurant_id", "")
    if not restaurant_id:
        raise HTTPError(403, "no restaurant linked to this account")
    return restaurant_id


def _run(report, *args, **kwargs):
    try:
        return json_response(200, {"rows": report(*args, **kwargs)})
    except pymysql.MySQLError as exc:
        logger.error("report %s failed: %s", report.__name__, exc)
        return json_response(500, {"error": "report_failed", "detail": str(exc)})


@router.get("/reports/covers")
@require_role(*REPORT_ROLES)
def covers(request):
    q = request.query
    return _run(reporting.covers, _restaurant_id(request), q.get("from"), q.get("to"),
                q.get("sort", "date"), q.get("direction", "asc"))


@router.get("/reports/guests")
@require_role(*REPORT_ROLES)
def guest_history(request):
    email = request.query.get("email", "").strip().lower()
    if not email:
        raise HTTPError(400, "email is required")
    return _run(reporting.guest_history, _restaurant_id(request), email)


@router.get("/reports/guests/search")
@require_role(*REPORT_ROLES)
def guest_search(request):
    term = request.query.get("q", "")
    if len(term.strip()) < 2:
        raise HTTPError(400, "type at least two characters")
    return _run(reporting.search_guests, _restaurant_id(request), term)


@router.get("/reports/top-dishes")
@require_role(*REPORT_ROLES)
def top_dishes(request):
    q = request.query
    return _run(reporting.top_dishes, _restaurant_id(request), q.get("limit", "10"), int(q.get("days", "30")))


def handler(event, context):
    return router(event, context)
