from collections.abc import Sequence
from typing import Any, ClassVar
from uuid import UUID

from psycopg import sql
from psycopg.abc import Query
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool

Params = Sequence[Any] | dict[str, Any] | None


class BaseRepository:
    table: ClassVar[str]

    def __init__(self, pool: AsyncConnectionPool) -> None:
        self._pool = pool

    async def _fetch_one(self, query: Query, params: Params = None) -> dict | None:
        async with self._pool.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
            await cur.execute(query, params)
            return await cur.fetchone()

    async def _fetch_all(self, query: Query, params: Params = None) -> list[dict]:
        async with self._pool.connection() as conn, conn.cursor(row_factory=dict_row) as cur:
            await cur.execute(query, params)
            return await cur.fetchall()

    async def _execute(self, query: Query, params: Params = None) -> int:
        async with self._pool.connection() as conn, conn.cursor() as cur:
            await cur.execute(query, params)
            return cur.rowcount

    async def get(self, record_id: UUID) -> dict | None:
        query = sql.SQL("SELECT * FROM {} WHERE id = %s").format(sql.Identifier(self.table))
        return await self._fetch_one(query, (record_id,))

    async def delete(self, record_id: UUID) -> bool:
        query = sql.SQL("DELETE FROM {} WHERE id = %s").format(sql.Identifier(self.table))
        return await self._execute(query, (record_id,)) > 0
