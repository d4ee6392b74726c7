from __future__ import annotations

from datetime import datetime
from typing import Iterable

import asyncpg

from gatepass.repositories.base import Repository

_SORTS = {
    "newest": "o.created_at DESC",
    "oldest": "o.created_at ASC",
    "event": "e.starts_at ASC",
    "total": "o.total_cents DESC",
}


class OrderRepository(Repository):
    table = "orders"
    columns = (
        "id", "reference", "user_id", "event_id", "status", "total_cents", "currency",
        "checkout_session_id", "payment_intent_id", "created_at", "paid_at",
    )

    async def list_for_user(self, user_id: int, sort: str = "newest") -> list[asyncpg.Record]:
        order_clause = _SORTS.get(sort, _SORTS["newest"])
        return await self.db.fetch(
            "SELECT o.id, o.reference, o.status, o.total_cents, o.currency, o.created_at, "
            "e.title AS event_title, e.slug AS event_slug, e.starts_at "
            "FROM orders o JOIN events e ON e.id = o.event_id "
            f"WHERE o.user_id = $1 ORDER BY {order_clause}",
            user_id,
        )

    async def get_by_reference(self, reference: str) -> asyncpg.Record | None:
        return await self.db.fetchrow(f"SELECT {self.select_list} FROM orders WHERE reference = $1", reference)

    async def create_pending(
        self,
        conn: asyncpg.Connection,
        *,
        reference: str,
        user_id: int,
        event_id: int,
        total_cents: int,
        currency: str,
        items: Iterable[tuple[int, int, int]],
    ) -> asyncpg.Record:
        order = await conn.fetchrow(
            "INSERT INTO orders (reference, user_id, event_id, status, total_cents, currency) "
            f"VALUES ($1, $2, $3, 'pending', $4, $5) RETURNING {self.select_list}",
            reference,
            user_id,
            event_id,
            total_cents,
            currency,
        )
        await conn.executemany(
            "INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_cents) VALUES ($1, $2, $3, $4)",
            [(order["id"], tt_id, qty, price) for tt_id, qty, price in items],
        )
        return order

    async def items(self, order_id: int, conn: asyncpg.Connection | None = None) -> list[asyncpg.Record]:
        return await (conn or self.db).fetch(
            "SELECT oi.ticket_type_id, oi.quantity, oi.unit_price_cents, tt.name "
            "FROM order_items oi JOIN ticket_types tt ON tt.id = oi.ticket_type_id WHERE oi.order_id = $1",
            order_id,
        )

    async def attach_checkout_session(self, order_id: int, session_id: str) -> None:
        await self.db.execute("UPDATE orders SET checkout_session_id = $2 WHERE id = $1", order_id, session_id)

    async def mark_paid(self, conn: asyncpg.Connection, session_id: str, payment_intent: str | None) -> asyncpg.Record | None:
        return await conn.fetchrow(
            "UPDATE orders SET status = 'paid', paid_at = now(), payment_intent_id = $2 "
            f"WHERE checkout_session_id = $1 AND status = 'pending' RETURNING {self.select_list}",
            session_id,
            payment_intent,
        )

    async def mark_refunded(self, order_id: int) -> None:
        await self.db.execute("UPDATE orders SET status = 'refunded' WHERE id = $1", order_id)

    async def expire_pending(self, cutoff: datetime) -> int:
        async with self.db.acquire() as conn:
            async with conn.transaction():
                expired = await conn.fetch(
                    "UPDATE orders SET status = 'expired' WHERE status = 'pending' AND created_at < $1 RETURNING id",
                    cutoff,
                )
                if expired:
                    await conn.execute(
                        "UPDATE ticket_types tt SET sold = tt.sold - oi.quantity "
                        "FROM order_items oi WHERE oi.ticket_type_id = tt.id AND oi.order_id = ANY($1::bigint[])",
                        [row["id"] for row in expired],
                    )
        return len(expired)
