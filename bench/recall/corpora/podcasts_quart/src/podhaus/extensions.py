"""Extension singletons and the database wrapper, bound in ``create_app``.

Most queries are hand-written asyncpg (see ``podhaus.repositories``); the
analytics and admin reporting code uses SQLAlchemy's async session on top of
the same database.
"""
from __future__ import annotations

from contextlib import asynccontextmanager
from typing import AsyncIterator

import asyncpg
from quart import Quart
from quart_auth import QuartAuth
from quart_schema import Info, QuartSchema
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from .csrf import CSRFProtect


def _sqlalchemy_url(dsn: str) -> str:
    if dsn.startswith("postgresql://"):
        return "postgresql+asyncpg://" + dsn[len("postgresql://"):]
    return dsn


class Database:
    def __init__(self) -> None:
        self._pool: asyncpg.Pool | None = None
        self._engine: AsyncEngine | None = None
        self._sessionmaker: async_sessionmaker[AsyncSession] | None = None

    def init_app(self, app: Quart) -> None:
        @app.before_serving
        async def _open() -> None:
            self._pool = await asyncpg.create_pool(
                app.config["DATABASE_URL"],
                min_size=app.config["DATABASE_POOL_MIN"],
                max_size=app.config["DATABASE_POOL_MAX"],
                command_timeout=30,
            )
            self._engine = create_async_engine(
                _sqlalchemy_url(app.config["DATABASE_URL"]),
                pool_size=5,
                pool_pre_ping=True,
            )
            self._sessionmaker = async_sessionmaker(self._engine, expire_on_commit=False)

        @app.after_serving
        async def _close() -> None:
            if self._pool is not None:
                await self._pool.close()
            if self._engine is not None:
                await self._engine.dispose()

        app.extensions["db"] = self

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("Database pool is not open; is the app serving?")
        return self._pool

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        if self._sessionmaker is None:
            raise RuntimeError("SQLAlchemy engine is not configured")
        async with self._sessionmaker() as session:
            yield session

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[asyncpg.Connection]:
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                yield conn


db = Database()
auth_manager = QuartAuth()
csrf = CSRFProtect()
schema = QuartSchema(
    info=Info(title="Podhaus API", version="1.4.0"),
    openapi_path="/api/openapi.json",
    swagger_ui_path="/api/docs",
    redoc_ui_path=None,
)
