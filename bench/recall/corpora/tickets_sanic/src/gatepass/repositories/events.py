from __future__ import annotations

from typing import Any, Mapping

import asyncpg

from gatepass.repositories.base import Repository

CATEGORIES = ("music", "theatre", "comedy", "sport", "conference", "family", "other")

_LIST_COLUMNS = (
    "e.id, e.slug, e.title, e.category, e.venue, e.city, e.starts_at, e.timezone, "
    "e.cover_url, e.summary_html, "
    "(SELECT min(tt.price_cents) FROM ticket_types tt WHERE tt.event_id = e.id AND tt.active) AS price_from"
)


class EventRepository(Repository):
    table = "events"
    columns = (
        "id", "slug", "title", "category", "venue", "city", "starts_at", "ends_at", "timezone",
        "description", "summary_html", "venue_map_embed", "cover_url", "status", "organizer_id",
        "created_at",
    )
    updatable = frozenset(
        {
            "title", "category", "venue", "city", "starts_at", "ends_at", "timezone",
            "description", "summary_html", "venue_map_embed", "cover_url", "status",
        }
    )

    async def list_published(
        self,
        *,
        category: str | None = None,
        q: str | None = None,
        order_by: str = "starts_at",
        direction: str = "asc",
        limit: int = 20,
        offset: int = 0,
    ) -> list[asyncpg.Record]:
        clauses = ["e.status = 'published'", "e.starts_at > now()"]
        args: list[Any] = []
        if category in CATEGORIES:
            args.append(category)
            clauses.append(f"e.category = ${len(args)}")
        if q:
            args.append(f"%{q}%")
            clauses.append(f"(e.title ILIKE ${len(args)} OR e.venue ILIKE ${len(args)} OR e.city ILIKE ${len(args)})")

        sql = (
            f"SELECT {_LIST_COLUMNS} FROM events e "
            f"WHERE {' AND '.join(clauses)} "
            f"ORDER BY e.{order_by} {direction}, e.id "
            f"LIMIT {int(limit)} OFFSET {int(offset)}"
        )
        return await self.db.fetch(sql, *args)

    async def count_published(self, *, category: str | None = None) -> int:
        if category in CATEGORIES:
            return await self.db.fetchval(
                "SELECT count(*) FROM events WHERE status = 'published' AND starts_at > now() AND category = $1",
                category,
            )
        return await self.db.fetchval("SELECT count(*) FROM events WHERE status = 'published' AND starts_at > now()")

    async def featured(self, limit: int = 24) -> list[asyncpg.Record]:
        return await self.db.fetch(
            f"SELECT {_LIST_COLUMNS} FROM events e "
            "WHERE e.status = 'published' AND e.featured AND e.starts_at > now() "
            "ORDER BY e.starts_at LIMIT $1",
            limit,
        )

    async def suggest(self, q: str, limit: int = 8) -> list[asyncpg.Record]:
        return await self.db.fetch(
            "SELECT slug, title FROM events WHERE status = 'published' AND title ILIKE $1 "
            "ORDER BY starts_at LIMIT $2",
            f"%{q}%",
            limit,
        )

    async def get_by_slug(self, slug: str) -> asyncpg.Record | None:
        return await self.db.fetchrow(f"SELECT {self.select_list} FROM events WHERE slug = $1", slug)

    async def slug_taken(self, slug: str) -> bool:
        return bool(await self.db.fetchval("SELECT EXISTS (SELECT 1 FROM events WHERE slug = $1)", slug))

    async def create(self, organizer_id: int, data: Mapping[str, Any]) -> asyncpg.Record:
        return await self.db.fetchrow(
            "INSERT INTO events (organizer_id, slug, title, category, venue, city, starts_at, ends_at, timezone, "
            "description, summary_html, venue_map_embed, cover_url, status) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
            f"RETURNING {self.select_list}",
            organizer_id,
            data["slug"],
            data["title"],
            data["category"],
            data["venue"],
            data["city"],
            data["starts_at"],
            data.get("ends_at"),
            data["timezone"],
            data.get("description", ""),
            data.get("summary_html", ""),
            data.get("venue_map_embed", ""),
            data.get("cover_url"),
            data.get("status", "draft"),
        )

    async def for_organizer(self, organizer_id: int) -> list[asyncpg.Record]:
        return await self.db.fetch(
            "SELECT id, slug, title, starts_at, status FROM events WHERE organizer_id = $1 ORDER BY starts_at DESC",
            organizer_id,
        )

    async def starting_within(self, *, hours: int) -> list[asyncpg.Record]:
        return await self.db.fetch(
            "SELECT id, title, venue, timezone FROM events "
            "WHERE status = 'published' AND starts_at BETWEEN now() AND now() + make_interval(hours => $1)",
            hours,
        )

    # --- ticket types -------------------------------------------------------

    async def ticket_types(self, event_id: int) -> list[asyncpg.Record]:
        return await self.db.fetch(
            "SELECT id, name, description, price_cents, capacity, sold, max_per_order "
            "FROM ticket_types WHERE event_id = $1 AND active ORDER BY sort_order, price_cents",
            event_id,
        )

    async def lock_ticket_types(self, conn: asyncpg.Connection, event_id: int, ids: list[int]) -> list[asyncpg.Record]:
        return await conn.fetch(
            "SELECT id, name, price_cents, capacity, sold, max_per_order FROM ticket_types "
            "WHERE event_id = $1 AND id = ANY($2::bigint[]) AND active FOR UPDATE",
            event_id,
            ids,
        )

    async def adjust_sold(self, conn: asyncpg.Connection, ticket_type_id: int, delta: int) -> None:
        await conn.execute("UPDATE ticket_types SET sold = sold + $2 WHERE id = $1", ticket_type_id, delta)
