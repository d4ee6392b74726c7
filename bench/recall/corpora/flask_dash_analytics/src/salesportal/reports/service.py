"""Report assembly: date handling, caching and saved-report lookups."""
from datetime import date, datetime, timedelta

from ..extensions import cache, db
from ..models import SavedReport
from ..repositories import sales as sales_repo
from . import queries


def _parse_day(value):
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except (TypeError, ValueError):
        return None


def parse_date_range(args, default_days=90):
    end = _parse_day(args.get("end")) or date.today() + timedelta(days=1)
    start = _parse_day(args.get("start")) or end - timedelta(days=default_days)
    if start > end:
        start, end = end, start
    return start, end


@cache.memoize(timeout=300)
def revenue_overview(start, end, period, sort):
    with db.engine.connect() as conn:
        buckets = [dict(row) for row in queries.revenue_by_period(conn, start, end, period, sort)]
        products = [dict(row) for row in queries.top_products(conn, start, end, sort)]
        customers = [dict(row) for row in sales_repo.top_customers(conn, start, end)]
    return {"buckets": buckets, "products": products, "customers": customers}


def search_reports(user, q):
    query = SavedReport.query.filter_by(owner_id=user.id)
    if q:
        query = query.filter(SavedReport.title.contains(q, autoescape=True))
    return query.order_by(SavedReport.updated_at.desc()).limit(100).all()


def suggest_titles(user, q, limit=8):
    if len(q) < 2:
        return []
    return [r.title for r in search_reports(user, q)[:limit]]


def get_visible_report(user, report_id):
    report = db.session.get(SavedReport, report_id)
    if report is None:
        return None
    if report.owner_id != user.id and not user.is_admin:
        return None
    return report
