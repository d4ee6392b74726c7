"""Stock level changes. Every change writes a movement row in the same transaction."""

import logging
import random

from sqlalchemy import insert, select, update

from stockroom.db import get_engine, items, movements, warehouses
from stockroom.repositories.items import ItemRepository, WarehouseRepository

logger = logging.getLogger(__name__)


class InsufficientStock(Exception):
    def __init__(self, sku: str, available: int, requested: int):
        super().__init__(f"{sku}: only {available} on hand, cannot remove {requested}")
        self.sku = sku
        self.available = available
        self.requested = requested


class StockService:
    def __init__(self, item_repo: ItemRepository | None = None, warehouse_repo: WarehouseRepository | None = None):
        self._items = item_repo or ItemRepository()
        self._warehouses = warehouse_repo or WarehouseRepository()

    def adjust(self, sku: str, delta: int, *, kind="adjust", reference=None, user_id=None, batch_id=None) -> int:
        """Apply ``delta`` to the on-hand quantity of ``sku`` and return the new quantity."""
        with get_engine().begin() as conn:
            current = conn.execute(
                select(items.c.id, items.c.quantity, items.c.warehouse_id)
                .where(items.c.sku == sku, items.c.archived.is_(False))
                .with_for_update()
            ).first()
            if current is None:
                raise LookupError(sku)
            if current.quantity + delta < 0:
                raise InsufficientStock(sku, current.quantity, -delta)

            new_quantity = conn.execute(
                update(items)
                .where(items.c.id == current.id)
                .values(quantity=items.c.quantity + delta)
                .returning(items.c.quantity)
            ).scalar_one()
            conn.execute(
                insert(movements).values(
                    item_id=current.id,
                    warehouse_id=current.warehouse_id,
                    kind=kind,
                    quantity=delta,
                    reference=reference,
                    created_by=user_id,
                    batch_id=batch_id,
                )
            )
        logger.info("stock %s %+d -> %d (%s, ref=%s)", sku, delta, new_quantity, kind, reference)
        return new_quantity

    def receive_asn(self, asn: dict) -> list[dict]:
        warehouse = self._warehouses.get_by_code(asn["warehouse"])
        if warehouse is None:
            raise LookupError(asn["warehouse"])
        received = []
        for line in asn["lines"]:
            qty = self.adjust(line["sku"], line["quantity"], kind="receipt", reference=asn["asn_number"][:80])
            received.append({"sku": line["sku"], "received": line["quantity"], "on_hand": qty})
        return received

    def import_rows(self, rows, *, user_id=None, batch_id=None) -> dict:
        """Apply counted quantities from a CSV (columns: sku, counted)."""
        summary = {"adjusted": 0, "unchanged": 0, "lines": 0}
        for lineno, row in enumerate(rows, start=2):
            summary["lines"] += 1
            sku = (row.get("sku") or "").strip().upper()
            if not sku:
                raise ValueError(f"line {lineno}: missing sku")
            counted = int(row["counted"])
            item = self._items.get_by_sku(sku)
            if item is None:
                raise LookupError(f"line {lineno}: unknown sku {sku}")
            delta = counted - item["quantity"]
            if delta == 0:
                summary["unchanged"] += 1
                continue
            self.adjust(sku, delta, kind="adjust", reference=f"count import line {lineno}", user_id=user_id, batch_id=batch_id)
            summary["adjusted"] += 1
        return summary

    def cycle_count_sample(self, warehouse_id: int, size: int = 25) -> list[dict]:
        """Pick bins for today's cycle count."""
        bins = self._items.bins_for_warehouse(warehouse_id)
        if len(bins) <= size:
            return bins
        return sorted(random.sample(bins, size), key=lambda b: b["bin"])

    def warehouse_summary(self) -> list[dict]:
        stmt = select(warehouses.c.id, warehouses.c.code, warehouses.c.name).where(warehouses.c.active.is_(True))
        with get_engine().connect() as conn:
            rows = [dict(r) for r in conn.execute(stmt).mappings()]
        for row in rows:
            row["skus"] = self._items.count(warehouse_id=row["id"])
        return rows
