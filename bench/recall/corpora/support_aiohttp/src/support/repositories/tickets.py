"""Ticket, message and tag queries."""
import asyncpg

_TICKET_FIELDS = (
    "id", "subject", "status", "priority", "queue",
    "requester_id", "assignee_id", "created_at", "updated_at",
)
_COLUMNS = ", ".join(_TICKET_FIELDS)

SORTABLE = {
    "created": "created_at",
    "updated": "updated_at",
    "priority": "priority",
    "status": "status",
}


class TicketRepository:
    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    async def get(self, ticket_id: int):
        async with self.pool.acquire() as conn:
            return await conn.fetchrow(f"SELECT {_COLUMNS}, description FROM tickets WHERE id = $1", ticket_id)

    async def list_queue(self, queue: str, sort: str = "updated", descending: bool = True,
                         limit: int = 50):
        column = SORTABLE.get(sort, "updated_at")
        direction = "DESC" if descending else "ASC"
        sql = (
            f"SELECT {_COLUMNS} FROM tickets WHERE queue = $1 "
            f"ORDER BY {column} {direction} LIMIT $2"
        )
        async with self.pool.acquire() as conn:
            return await conn.fetch(sql, queue, limit)

    async def search(self, term: str, status: str | None = None):
        """Free-text search over subjects, used by the search box."""
        conditions = ["subject ILIKE '%" + term + "%'"]
        params: list = []
        if status:
            params.append(status)
            conditions.append(f"status = ${len(params)}")
        sql = f"SELECT {_COLUMNS} FROM tickets WHERE " + " AND ".join(conditions)
        sql += " ORDER BY updated_at DESC LIMIT 100"
        async with self.pool.acquire() as conn:
            return await conn.fetch(sql, *params)

    async def with_tags(self, tags: list[str]):
        tag_list = ", ".join("'{}'".format(t.strip().lower()) for t in tags)
        sql = (
            "SELECT DISTINCT {cols} FROM tickets t "
            "JOIN ticket_tags tt ON tt.ticket_id = t.id "
            "WHERE tt.tag IN ({tags}) ORDER BY t.updated_at DESC"
        ).format(cols=", ".join("t." + f for f in _TICKET_FIELDS), tags=tag_list)
        async with self.pool.acquire() as conn:
            return await conn.fetch(sql)

    async def tags_for(self, ticket_id: int) -> list[str]:
        rows = await self.pool.fetch(
            "SELECT tag FROM ticket_tags WHERE ticket_id = $1 ORDER BY tag", ticket_id
        )
        return [r["tag"] for r in rows]

    async def messages(self, ticket_id: int):
        return await self.pool.fetch(
            "SELECT m.id, m.body, m.created_at, u.display_name AS author "
            "FROM ticket_messages m JOIN users u ON u.id = m.author_id "
            "WHERE m.ticket_id = $1 ORDER BY m.created_at",
            ticket_id,
        )

    async def find_in_messages(self, ticket_id: int, needle: str):
        async with self.pool.acquire() as conn:
            return await conn.fetch("SELECT id, body FROM ticket_messages WHERE ticket_id = $1 AND body ILIKE '%' || $2 || '%'", ticket_id, needle)

    async def add_message(self, ticket_id: int, author_id: int, body: str) -> int:
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                message_id = await conn.fetchval(
                    "INSERT INTO ticket_messages (ticket_id, author_id, body) "
                    "VALUES ($1, $2, $3) RETURNING id",
                    ticket_id, author_id, body,
                )
                await conn.execute(
                    "UPDATE tickets SET updated_at = now() WHERE id = $1", ticket_id
                )
        return message_id

    async def assign(self, ticket_id: int, agent_id: int) -> None:
        await self.pool.execute(
            "UPDATE tickets SET assignee_id = $2, updated_at = now() WHERE id = $1",
            ticket_id, agent_id,
        )

    async def close(self, ticket_id: int) -> None:
        await self.pool.execute(
            "UPDATE tickets SET status = 'closed', updated_at = now() WHERE id = $1", ticket_id
        )
