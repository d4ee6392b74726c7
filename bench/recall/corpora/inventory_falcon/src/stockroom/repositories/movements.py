"""Stock movement ledger (psycopg2; this table gets big)."""

from datetime import datetime

from stockroom.db import pg_cursor
from stockroom.repositories.base import PgRepository

_HISTORY_COLUMNS = (
    "m.id, i.sku, w.code AS warehouse, m.kind, m.quantity, m.reference, m.batch_id, m.created_at"
)


class MovementRepository(PgRepository):
    table = "movements"
    writable_columns = frozenset({"reference"})

    def record(self, *, item_id, warehouse_id, kind, quantity, reference=None, created_by=None, batch_id=None) -> int:
        with pg_cursor(commit=True) as cur:
            cur.execute(
                "INSERT INTO movements (item_id, warehouse_id, kind, quantity, reference, created_by, batch_id) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (item_id, warehouse_id, kind, quantity, reference, created_by, batch_id),
            )
            return cur.fetchone()["id"]

    def for_items(self, item_ids: list[int], since: datetime, limit: int = 100) -> list[dict]:
        if not item_ids:
            return []
        placeholders = ", ".join(["%s"] * len(item_ids))
        query = (
            f"SELECT {_HISTORY_COLUMNS} FROM movements m "
            "JOIN items i ON i.id = m.item_id JOIN warehouses w ON w.id = m.warehouse_id "
            f"WHERE m.item_id IN ({placeholders}) AND m.created_at >= %s "
            "ORDER BY m.created_at DESC LIMIT %s"
        )
        with pg_cursor() as cur:
            cur.execute(query, [*item_ids, since, limit])
            return [dict(r) for r in cur.fetchall()]

    def history_for_skus(self, skus: list[str], limit: int = 200) -> list[dict]:
        sku_list = ", ".join(f"'{sku.strip().upper()}'" for sku in skus if sku.strip())
        query = (
            f"SELECT {_HISTORY_COLUMNS} FROM movements m "
            "JOIN items i ON i.id = m.item_id JOIN warehouses w ON w.id = m.warehouse_id "
            f"WHERE i.sku IN ({sku_list}) "
            "ORDER BY m.created_at DESC LIMIT %s"
        )
        with pg_cursor() as cur:
            cur.execute(query, (limit,))
            return [dict(r) for r in cur.fetchall()]

    def batch(self, batch_id: str) -> list[dict]:
        return self.fetch_all(
            f"SELECT {_HISTORY_COLUMNS} FROM movements m "
            "JOIN items i ON i.id = m.item_id JOIN warehouses w ON w.id = m.warehouse_id "
            "WHERE m.batch_id = %s ORDER BY m.id",
            (batch_id,),
        )
