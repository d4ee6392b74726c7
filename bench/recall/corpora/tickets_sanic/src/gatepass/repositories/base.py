from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, ClassVar, Mapping

import asyncpg


class Repository:
    """Thin helper around a table; subclasses declare table and columns."""

    table: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]
    updatable: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, db: asyncpg.Pool | asyncpg.Connection):
        self.db = db

    @property
    def select_list(self) -> str:
        return ", ".join(self.columns)

    async def get(self, pk: int) -> asyncpg.Record | None:
        return await self.db.fetchrow(f"SELECT {self.select_list} FROM {self.table} WHERE id = $1", pk)

    async def exists(self, pk: int) -> bool:
        return bool(await self.db.fetchval(f"SELECT EXISTS (SELECT 1 FROM {self.table} WHERE id = $1)", pk))

    async def update(self, pk: int, fields: Mapping[str, Any]) -> asyncpg.Record | None:
        unknown = set(fields) - self.updatable
        if unknown:
            raise ValueError(f"cannot update {', '.join(sorted(unknown))} on {self.table}")
        if not fields:
            return await self.get(pk)
        names = sorted(fields)
        assignments = ", ".join(f"{name} = ${index}" for index, name in enumerate(names, start=2))
        sql = f"UPDATE {self.table} SET {assignments}, updated_at = now() WHERE id = $1 RETURNING {self.select_list}"
        return await self.db.fetchrow(sql, pk, *(fields[name] for name in names))


@asynccontextmanager
async def transaction(pool: asyncpg.Pool) -> AsyncIterator[asyncpg.Connection]:
    async with pool.acquire() as conn:
        async with conn.transaction():
            yield conn
