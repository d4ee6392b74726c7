"""Items and warehouses."""

from sqlalchemy import func, select, text, update

from stockroom.db import items, warehouses
from stockroom.repositories.base import CoreRepository

_LOW_STOCK_ORDER = {
    "shortfall": "(i.reorder_level - i.quantity) DESC",
    "sku": "i.sku",
    "name": "i.name",
}


def _order_clause(sort: str, direction: str) -> str:
    direction = "DESC" if str(direction).lower() == "desc" else "ASC"
    return f"ORDER BY i.{sort} {direction}, i.id"


class ItemRepository(CoreRepository):
    table = items

    def get_by_sku(self, sku: str) -> dict | None:
        stmt = (
            select(items, warehouses.c.code.label("warehouse_code"))
            .join(warehouses, warehouses.c.id == items.c.warehouse_id)
            .where(items.c.sku == sku)
        )
        return self._one(stmt)

    def ids_for_skus(self, skus) -> dict[str, int]:
        stmt = select(items.c.sku, items.c.id).where(items.c.sku.in_(list(skus)))
        return {row["sku"]: row["id"] for row in self._all(stmt)}

    def search(self, *, q=None, warehouse_id=None, sort="sku", direction="asc", limit=50, offset=0) -> list[dict]:
        clauses = ["i.archived = false"]
        params = {"limit": limit, "offset": offset}
        if q:
            clauses.append("(i.sku ILIKE :q OR i.name ILIKE :q)")
            params["q"] = f"%{q}%"
        if warehouse_id:
            clauses.append("i.warehouse_id = :warehouse_id")
            params["warehouse_id"] = warehouse_id

        query = (
            "SELECT i.id, i.sku, i.name, i.category, i.unit, i.quantity, i.reorder_level, "
            "i.bin, w.code AS warehouse "
            "FROM items i JOIN warehouses w ON w.id = i.warehouse_id "
            f"WHERE {' AND '.join(clauses)} "
            f"{_order_clause(sort, direction)} "
            "LIMIT :limit OFFSET :offset"
        )
        with self.engine.connect() as conn:
            rows = conn.execute(text(query), params).mappings().all()
        return [dict(r) for r in rows]

    def count(self, *, warehouse_id=None) -> int:
        stmt = select(func.count()).select_from(items).where(items.c.archived.is_(False))
        if warehouse_id:
            stmt = stmt.where(items.c.warehouse_id == warehouse_id)
        with self.engine.connect() as conn:
            return conn.execute(stmt).scalar_one()

    def low_stock(self, warehouse_id: int, order: str = "shortfall") -> list[dict]:
        order_by = _LOW_STOCK_ORDER.get(order, _LOW_STOCK_ORDER["shortfall"])
        query = (
            "SELECT i.id, i.sku, i.name, i.quantity, i.reorder_level, i.bin "
            "FROM items i "
            "WHERE i.warehouse_id = :warehouse_id AND NOT i.archived AND i.quantity < i.reorder_level "
            f"ORDER BY {order_by}"
        )
        with self.engine.connect() as conn:
            rows = conn.execute(text(query), {"warehouse_id": warehouse_id}).mappings().all()
        return [dict(r) for r in rows]

    def bins_for_warehouse(self, warehouse_id: int) -> list[dict]:
        stmt = (
            select(items.c.bin, func.count().label("skus"))
            .where(items.c.warehouse_id == warehouse_id, items.c.bin.is_not(None), items.c.archived.is_(False))
            .group_by(items.c.bin)
            .order_by(items.c.bin)
        )
        return self._all(stmt)

    def archive(self, item_id: int) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(update(items).where(items.c.id == item_id).values(archived=True))
        return result.rowcount


class WarehouseRepository(CoreRepository):
    table = warehouses

    def list_active(self) -> list[dict]:
        return self._all(select(warehouses).where(warehouses.c.active.is_(True)).order_by(warehouses.c.code))

    def get_by_code(self, code: str) -> dict | None:
        return self._one(select(warehouses).where(warehouses.c.code == code))
