from __future__ import annotations

from typing import Sequence

import asyncpg

from gatepass.repositories.base import Repository

ATTENDEE_PAGE_SIZE = 50

_ATTENDEE_SELECT = (
    "SELECT t.id, t.holder_name, t.status, t.checked_in_at, tt.name AS type_name, "
    "u.email, o.reference "
    "FROM tickets t "
    "JOIN ticket_types tt ON tt.id = t.ticket_type_id "
    "JOIN users u ON u.id = t.user_id "
    "JOIN orders o ON o.id = t.order_id"
)


class TicketRepository(Repository):
    table = "tickets"
    columns = (
        "id", "order_id", "event_id", "ticket_type_id", "user_id", "holder_name", "barcode",
        "status", "checked_in_at", "checked_in_by", "created_at",
    )

    async def bulk_issue(self, conn: asyncpg.Connection, rows: Sequence[tuple]) -> None:
        """rows: (order_id, event_id, ticket_type_id, user_id, holder_name, barcode)"""
        await conn.executemany(
            "INSERT INTO tickets (order_id, event_id, ticket_type_id, user_id, holder_name, barcode, status) "
            "VALUES ($1, $2, $3, $4, $5, $6, 'valid')",
            rows,
        )

    async def for_order(self, order_id: int, conn: asyncpg.Connection | None = None) -> list[asyncpg.Record]:
        return await (conn or self.db).fetch(
            "SELECT t.id, t.user_id, t.holder_name, t.barcode, t.status, tt.name AS type_name "
            "FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.order_id = $1 ORDER BY t.id",
            order_id,
        )

    async def for_user(self, user_id: int) -> list[asyncpg.Record]:
        return await self.db.fetch(
            "SELECT t.id, t.holder_name, t.status, t.checked_in_at, tt.name AS type_name, "
            "e.title AS event_title, e.slug AS event_slug, e.starts_at, e.timezone, e.venue "
            "FROM tickets t "
            "JOIN ticket_types tt ON tt.id = t.ticket_type_id "
            "JOIN events e ON e.id = t.event_id "
            "WHERE t.user_id = $1 AND t.status <> 'cancelled' ORDER BY e.starts_at",
            user_id,
        )

    async def get_for_user(self, ticket_id: int, user_id: int) -> asyncpg.Record | None:
        return await self.db.fetchrow(
            "SELECT t.*, e.title AS event_title, e.starts_at, e.venue, e.timezone "
            "FROM tickets t JOIN events e ON e.id = t.event_id WHERE t.id = $1 AND t.user_id = $2",
            ticket_id,
            user_id,
        )

    async def get_by_barcode(self, barcode: str) -> asyncpg.Record | None:
        return await self.db.fetchrow(
            "SELECT t.id, t.event_id, t.holder_name, t.status, t.checked_in_at, tt.name AS type_name "
            "FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id WHERE t.barcode = $1",
            barcode,
        )

    async def check_in(self, ticket_id: int, device_id: int) -> asyncpg.Record | None:
        # the WHERE clause makes double scans at two gates race-safe
        return await self.db.fetchrow(
            "UPDATE tickets SET checked_in_at = now(), checked_in_by = $2 "
            "WHERE id = $1 AND status = 'valid' AND checked_in_at IS NULL RETURNING id, checked_in_at",
            ticket_id,
            device_id,
        )

    async def transfer(self, ticket_id: int, *, from_user: int, to_user: int, holder_name: str) -> bool:
        status = await self.db.execute(
            "UPDATE tickets SET user_id = $3, holder_name = $4, transferred_at = now() "
            "WHERE id = $1 AND user_id = $2 AND status = 'valid' AND checked_in_at IS NULL",
            ticket_id,
            from_user,
            to_user,
            holder_name,
        )
        return status.endswith(" 1")

    async def cancel(self, ticket_id: int) -> asyncpg.Record | None:
        return await self.db.fetchrow(
            "UPDATE tickets SET status = 'cancelled' WHERE id = $1 AND status = 'valid' "
            "RETURNING id, order_id, ticket_type_id",
            ticket_id,
        )

    async def search_attendees(self, event_id: int, q: str = "", page: int = 1) -> list[asyncpg.Record]:
        sql = _ATTENDEE_SELECT + " WHERE t.event_id = $1"
        if q:
            sql += " AND (t.holder_name ILIKE '%" + q + "%' OR u.email ILIKE '%" + q + "%' OR o.reference = '" + q + "')"
        sql += " ORDER BY t.holder_name LIMIT $2 OFFSET $3"
        offset = (max(page, 1) - 1) * ATTENDEE_PAGE_SIZE
        return await self.db.fetch(sql, event_id, ATTENDEE_PAGE_SIZE, offset)

    async def checkin_stats(self, event_id: int) -> asyncpg.Record:
        return await self.db.fetchrow(
            "SELECT count(*) FILTER (WHERE status = 'valid') AS issued, "
            "count(*) FILTER (WHERE checked_in_at IS NOT NULL) AS checked_in "
            "FROM tickets WHERE event_id = $1",
            event_id,
        )


class DeviceRepository(Repository):
    table = "scanner_devices"
    columns = ("id", "event_id", "label", "api_key", "revoked_at", "last_seen_at", "created_at")

    async def create(self, event_id: int, label: str, api_key: str) -> asyncpg.Record:
        return await self.db.fetchrow(
            "INSERT INTO scanner_devices (event_id, label, api_key) VALUES ($1, $2, $3) "
            f"RETURNING {self.select_list}",
            event_id,
            label,
            api_key,
        )

    async def touch(self, device_id: int) -> None:
        await self.db.execute("UPDATE scanner_devices SET last_seen_at = now() WHERE id = $1", device_id)
