"""Database engine and session factory, plus the arq pool used to queue background jobs."""

from collections.abc import AsyncIterator
from typing import Any

from arq import create_pool
from arq.connections import ArqRedis, RedisSettings
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from devportal.config import get_settings

_settings = get_settings()

engine = create_async_engine(_settings.database_url, pool_pre_ping=True, pool_size=10, max_overflow=5)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)

_arq_pool: ArqRedis | None = None


async def get_session() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as session:
        yield session


async def enqueue(job_name: str, *args: Any, **kwargs: Any) -> None:
    global _arq_pool
    if _arq_pool is None:
        _arq_pool = await create_pool(RedisSettings.from_dsn(_settings.redis_url))
    await _arq_pool.enqueue_job(job_name, *args, **kwargs)


async def close_connections() -> None:
    await engine.dispose()
    if _arq_pool is not None:
        await _arq_pool.close()
