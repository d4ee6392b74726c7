"""Read-only reporting queries used by the admin reports page and the nightly job."""

from datetime import date, timedelta

from stockroom.db import pg_cursor
from stockroom.repositories.base import PgRepository

_FILTER_COLUMNS = {
    "warehouse": "w.code",
    "category": "i.category",
}

_COUNTED_TABLES = ("items", "warehouses", "movements", "users")


class ReportRepository(PgRepository):
    table = "items"

    def stock_valuation(self, filters: dict) -> list[dict]:
        conditions = ["NOT i.archived"]
        for name, value in filters.items():
            column = _FILTER_COLUMNS.get(name)
            if column and value:
                conditions.append(f"{column} = '{value}'")

        query = (
            "SELECT w.code AS warehouse, coalesce(i.category, 'uncategorised') AS category, "
            "count(*) AS skus, sum(i.quantity) AS units, sum(i.quantity * i.unit_cost) AS value "
            "FROM items i JOIN warehouses w ON w.id = i.warehouse_id "
            "WHERE " + " AND ".join(conditions) + " "
            "GROUP BY w.code, i.category ORDER BY w.code, i.category"
        )
        with pg_cursor() as cur:
            cur.execute(query)
            return [dict(r) for r in cur.fetchall()]

    def categories(self) -> list[str]:
        rows = self.fetch_all(
            "SELECT DISTINCT category FROM items WHERE category IS NOT NULL AND NOT archived ORDER BY category"
        )
        return [r["category"] for r in rows]

    def daily_movements(self, day: date) -> list[dict]:
        return self.fetch_all(
            "SELECT w.code AS warehouse, m.kind, count(*) AS lines, sum(m.quantity) AS units "
            "FROM movements m JOIN warehouses w ON w.id = m.warehouse_id "
            "WHERE m.created_at >= %s AND m.created_at < %s "
            "GROUP BY w.code, m.kind ORDER BY w.code, m.kind",
            (day, day + timedelta(days=1)),
        )

    def low_stock(self, limit: int = 500) -> list[dict]:
        return self.fetch_all(
            "SELECT w.code AS warehouse, i.sku, i.name, i.bin, i.quantity, i.reorder_level, "
            "i.reorder_level - i.quantity AS shortfall "
            "FROM items i JOIN warehouses w ON w.id = i.warehouse_id "
            "WHERE NOT i.archived AND i.quantity < i.reorder_level "
            "ORDER BY w.code, shortfall DESC LIMIT %s",
            (limit,),
        )

    def table_counts(self) -> dict[str, int]:
        counts = {}
        with pg_cursor() as cur:
            for table in _COUNTED_TABLES:
                cur.execute(f"SELECT count(*) AS n FROM {table}")
                counts[table] = cur.fetchone()["n"]
        return counts
