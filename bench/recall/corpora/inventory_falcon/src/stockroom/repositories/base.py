"""Repository base classes."""

from psycopg2 import sql
from sqlalchemy import Table, insert, select, update

from stockroom.db import get_engine, pg_cursor


class CoreRepository:
    """Repository backed by a SQLAlchemy Core table."""

    table: Table

    @property
    def engine(self):
        return get_engine()

    def _one(self, stmt) -> dict | None:
        with self.engine.connect() as conn:
            row = conn.execute(stmt).mappings().first()
        return dict(row) if row else None

    def _all(self, stmt) -> list[dict]:
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(stmt).mappings().all()]

    def get(self, row_id) -> dict | None:
        return self._one(select(self.table).where(self.table.c.id == row_id))

    def create(self, **values) -> dict:
        with self.engine.begin() as conn:
            row = conn.execute(insert(self.table).values(**values).returning(self.table)).mappings().one()
        return dict(row)

    def update(self, row_id, values: dict) -> int:
        if not values:
            return 0
        with self.engine.begin() as conn:
            result = conn.execute(update(self.table).where(self.table.c.id == row_id).values(**values))
        return result.rowcount


class PgRepository:
    """Repository that talks to psycopg2 directly (bulk and reporting paths)."""

    table: str
    writable_columns: frozenset[str] = frozenset()

    def fetch_all(self, query, params=()) -> list[dict]:
        with pg_cursor() as cur:
            cur.execute(query, params)
            return [dict(r) for r in cur.fetchall()]

    def fetch_one(self, query, params=()) -> dict | None:
        with pg_cursor() as cur:
            cur.execute(query, params)
            row = cur.fetchone()
        return dict(row) if row else None

    def update_fields(self, row_id: int, fields: dict) -> int:
        unknown = set(fields) - self.writable_columns
        if unknown:
            raise ValueError(f"not writable on {self.table}: {', '.join(sorted(unknown))}")
        assignments = sql.SQL(", ").join(
            sql.SQL("{} = %s").format(sql.Identifier(column)) for column in fields
        )
        query = sql.SQL("UPDATE {} SET {} WHERE id = %s").format(sql.Identifier(self.table), assignments)
        with pg_cursor(commit=True) as cur:
            cur.execute(query, [*fields.values(), row_id])
            return cur.rowcount
