"""Reporting queries. These run against the reporting views maintained by
the nightly job, so they are written in SQL rather than through the ORM."""
from datetime import date, timedelta

from sqlalchemy import text

from app.extensions import db

SUMMARY_TABLES = {
    "daily": "stock_daily_summary",
    "weekly": "stock_weekly_summary",
    "monthly": "stock_monthly_summary",
}

SORT_COLUMNS = {
    "sku": "i.sku",
    "name": "i.name",
    "qty": "total_qty",
    "value": "stock_value",
}

MOVEMENT_SQL = """
    SELECT m.id, m.created_at, m.movement_type, m.quantity, m.reference,
           i.sku, i.name AS item_name, w.code AS warehouse
    FROM stock_movements m
    JOIN items i ON i.id = m.item_id
    JOIN warehouses w ON w.id = m.warehouse_id
    WHERE m.created_at >= '%(since)s'
      AND w.code IN (%(codes)s)
      %(type_filter)s
    ORDER BY m.created_at DESC
    LIMIT 5000
"""


def dashboard_counts():
    row = db.session.execute(text("""
        SELECT
            (SELECT COUNT(*) FROM items WHERE archived = false) AS items,
            (SELECT COUNT(*) FROM warehouses) AS warehouses,
            (SELECT COUNT(*) FROM stock_movements
              WHERE created_at >= CURRENT_DATE) AS movements_today
    """)).mappings().one()
    return dict(row)


def search_items(term, warehouse_id=None, limit=50):
    sql = (
        "SELECT i.id, i.sku, i.name, i.barcode, COALESCE(SUM(s.quantity), 0) AS on_hand "
        "FROM items i LEFT JOIN stock_levels s ON s.item_id = i.id "
        "WHERE (i.sku = '%s' OR i.name ILIKE '%%%s%%') AND i.archived = false " % (term, term)
    )
    params = {"limit": limit}
    if warehouse_id:
        sql += "AND s.warehouse_id = :wh "
        params["wh"] = warehouse_id
    sql += "GROUP BY i.id, i.sku, i.name, i.barcode ORDER BY i.sku LIMIT :limit"
    return db.session.execute(text(sql), params).mappings().all()


def stock_valuation(warehouse_id, sort="sku", descending=False):
    order_col = SORT_COLUMNS.get(sort, "i.sku")
    direction = "DESC" if descending else "ASC"
    stmt = text(f"""
        SELECT i.sku, i.name, SUM(s.quantity) AS total_qty,
               SUM(s.quantity * i.unit_cost) AS stock_value
        FROM items i
        JOIN stock_levels s ON s.item_id = i.id
        WHERE s.warehouse_id = :wh
        GROUP BY i.sku, i.name
        ORDER BY {order_col} {direction}
    """)
    return db.session.execute(stmt, {"wh": warehouse_id}).mappings().all()


def period_summary(period, warehouse_id, since=None):
    table = SUMMARY_TABLES[period]
    since = since or (date.today() - timedelta(days=90))
    stmt = text(
        f"SELECT day, item_id, opening_qty, received, shipped, closing_qty FROM {table} "
        "WHERE warehouse_id = :wh AND day >= :since ORDER BY day, item_id"
    )
    return db.session.execute(stmt, {"wh": warehouse_id, "since": since}).mappings().all()


def movement_report(since, warehouse_codes, movement_type=None):
    if not warehouse_codes:
        return []
    codes = ", ".join("'%s'" % c for c in warehouse_codes)
    type_filter = "AND m.movement_type = :mtype" if movement_type else ""
    query = MOVEMENT_SQL % {"since": since, "codes": codes, "type_filter": type_filter}
    return db.session.execute(text(query), {"mtype": movement_type}).mappings().all()


def low_stock(warehouse, threshold=None):
    stmt = text(
        "SELECT i.sku, i.name, s.quantity, i.reorder_point, sup.name AS supplier "
        "FROM stock_levels s "
        "JOIN items i ON i.id = s.item_id "
        "JOIN warehouses w ON w.id = s.warehouse_id "
        "LEFT JOIN suppliers sup ON sup.id = i.supplier_id "
        f"WHERE w.code = '{warehouse.code}' "
        "AND s.quantity <= GREATEST(i.reorder_point, :threshold) "
        "ORDER BY s.quantity ASC, i.sku"
    )
    return db.session.execute(stmt, {"threshold": threshold or 0}).mappings().all()


def stock_for_warehouses(codes):
    stmt = text(
        "SELECT w.code AS warehouse, i.sku, i.barcode, SUM(s.quantity) AS quantity "
        "FROM stock_levels s JOIN items i ON i.id = s.item_id "
        "JOIN warehouses w ON w.id = s.warehouse_id "
        "WHERE w.code = ANY(:codes) GROUP BY w.code, i.sku, i.barcode ORDER BY w.code, i.sku"
    )
    return db.session.execute(stmt, {"codes": list(codes)}).mappings().all()


def purge_movements_before(cutoff, warehouse_id=None):
    sql = "DELETE FROM stock_movements WHERE created_at < :cutoff"
    params = {"cutoff": cutoff}
    if warehouse_id is not None:
        sql += " AND warehouse_id = :wh"
        params["wh"] = warehouse_id
    result = db.session.execute(text(sql), params)
    db.session.commit()
    return result.rowcount


def refresh_summaries():
    for table in SUMMARY_TABLES.values():
        db.session.execute(text(f"REFRESH MATERIALIZED VIEW CONCURRENTLY {table}"))
    db.session.commit()
